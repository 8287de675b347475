/** Every save version the game ever wrote still loads (see tests/fixtures/saves/README.md). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProgress, SAVE_VERSION } from '../../src/core/progress';

const fixture = (name: string) => readFileSync(`tests/fixtures/saves/${name}`, 'utf8').trim();

describe('saved progress fixtures', () => {
  it('loads a version 1 save with every level intact', () => {
    const loaded = parseProgress(fixture('v1-two-levels.json'));
    expect(loaded.status).toBe('ok');
    expect(loaded.progress.version).toBe(SAVE_VERSION);
    expect(loaded.progress.levels.tutorial).toEqual({
      attempts: 3,
      completed: true,
      passed: true,
      bestPoints: 1383,
      bestPercent: 79.03,
      bestDPrime: 1.68,
    });
    expect(loaded.progress.levels.economic?.bestPercent).toBe(40);
  });

  it('keeps the readable levels of a version 1 save with one damaged entry', () => {
    const loaded = parseProgress(fixture('v1-one-entry-damaged.json'));
    expect(loaded.status).toBe('ok');
    expect(Object.keys(loaded.progress.levels)).toEqual(['tutorial']);
    expect(loaded.progress.levels.tutorial?.bestPoints).toBe(1500);
  });
});
