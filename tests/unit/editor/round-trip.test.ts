/**
 * Import then export keeps a level's meaning: every shipped level, read as the editor
 * reads a file and written as it exports one, validates again to the same level.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DRAFT_PREFIX,
  type Draft,
  draftKey,
  listDrafts,
  newDraftId,
  parseDraft,
  serializeDraft,
} from '../../../src/core/editor/drafts';
import { exportLevel, importLevel, levelMeaning } from '../../../src/core/editor/normalise';
import { blankLevel } from '../../../src/core/editor/operations';
import { OPTIONS, validLevel } from '../level-fixture';

const SHIPPED = readdirSync('levels').filter((name) => /^\d\d-.*\.json$/.test(name));

describe('import and export', () => {
  it('finds the shipped levels', () => {
    expect(SHIPPED.length).toBeGreaterThan(5);
  });

  it.each(SHIPPED)('%s keeps its meaning through import and export', (name) => {
    const source = readFileSync(`levels/${name}`, 'utf8');
    const imported = importLevel(source, OPTIONS);
    if (!imported.ok) throw new Error(`${name} is a valid level`);
    const exported = exportLevel(imported.level);
    const again = importLevel(exported, OPTIONS);
    if (!again.ok) throw new Error(`the export of ${name} is valid`);
    expect(levelMeaning(again.level)).toEqual(levelMeaning(imported.level));
    // Exporting twice gives the same file: nothing drifts with each round.
    expect(exportLevel(again.level)).toBe(exported);
    // Nothing the file said is lost: the export holds all of it (and the defaults it left out).
    expect(JSON.parse(exported)).toMatchObject(JSON.parse(source));
  });

  it('a broken file comes back as its problems, never as a throw', () => {
    const level = validLevel();
    level.posts[0].author = 'nobody';
    delete level.title;
    for (const source of ['', '{', '[1,2]', JSON.stringify(level), '\u0000'.repeat(10)]) {
      const imported = importLevel(source, OPTIONS);
      expect(imported.ok).toBe(false);
      if (!imported.ok) expect(imported.problems.length).toBeGreaterThan(0);
    }
    const imported = importLevel(JSON.stringify(level), OPTIONS);
    expect(imported.ok ? [] : imported.problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(['title', 'posts[0].author']),
    );
  });
});

describe('drafts', () => {
  const draft = (id: string, savedAt: number): Draft => ({
    id,
    name: `Draft ${id}`,
    savedAt,
    level: blankLevel(['en']),
  });

  it('two drafts live under two keys and both are listed, newest first', () => {
    const stored = new Map<string, string>();
    for (const item of [draft('a', 1), draft('b', 2)])
      stored.set(draftKey(item.id), serializeDraft(item));
    stored.set('flag-the-feed:progress', '{}');
    const { drafts, unreadable } = listDrafts(stored);
    expect(drafts.map((item) => item.id)).toEqual(['b', 'a']);
    expect(unreadable).toEqual([]);
  });

  it('an unreadable draft is reported, not thrown, and not mistaken for another', () => {
    const stored: [string, string | null][] = [
      [`${DRAFT_PREFIX}x`, '{oops'],
      [`${DRAFT_PREFIX}y`, serializeDraft(draft('z', 1))],
      [
        `${DRAFT_PREFIX}w`,
        JSON.stringify({ version: 1, id: 'w', name: 'w', savedAt: 1, level: {} }),
      ],
    ];
    expect(listDrafts(stored)).toEqual({ drafts: [], unreadable: stored.map(([key]) => key) });
    expect(parseDraft(null)).toBeNull();
  });

  it('a draft reads back as it was saved', () => {
    const saved = draft('abc', 5);
    expect(parseDraft(serializeDraft(saved))).toEqual(saved);
  });

  it('draft ids do not repeat', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.double({ min: 0, max: 0.999 }),
        fc.double({ min: 0, max: 0.999 }),
        (now, a, b) => {
          const first = newDraftId(now, () => a);
          const second = newDraftId(now, () => b);
          expect(first === second).toBe(Math.floor(a * 36 ** 6) === Math.floor(b * 36 ** 6));
        },
      ),
    );
  });
});
