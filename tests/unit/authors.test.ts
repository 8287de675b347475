/** An author's name as every view shows it: the account's name, or the raw id when none. */
import { describe, expect, it } from 'vitest';
import { accountOf, authorName } from '../../src/core/authors';
import type { Level, LocalizedText } from '../../src/core/level/schema';
import { validLevel } from './level-fixture';

const level = validLevel() as Level;
const russian = (value: LocalizedText) => value.ru ?? '';

describe('authorName', () => {
  it("gives the account's name in the reader's language, with the handle when asked", () => {
    expect(authorName(level, 'anna', russian)).toBe('Анна');
    expect(authorName(level, 'anna', russian, { withHandle: true })).toBe('Анна @anna');
  });

  it('falls back to the raw id for an unknown account or no level, never to nothing', () => {
    expect(authorName(level, 'nobody', russian)).toBe('nobody');
    expect(authorName(undefined, 'anna', russian)).toBe('anna');
    expect(accountOf(level, 'nobody')).toBeUndefined();
  });
});
