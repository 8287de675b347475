/** Every save version the game ever wrote still loads (see tests/fixtures/saves/README.md). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProgress, SAVE_VERSION, serializeProgress } from '../../src/core/progress';

const fixture = (name: string) => readFileSync(`tests/fixtures/saves/${name}`, 'utf8').trim();

describe('saved progress fixtures', () => {
  it('loads a version 1 save with every level intact, migrated to the current version', () => {
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
      // Passed: the pass star. d' 1.68 is under the discernment star's 2.0; v1 never
      // recorded lures, Challenge scores or the last attempt.
      stars: { pass: true, discernment: false, allLures: false },
      bestChallengeScore: null,
      last: null,
    });
    expect(loaded.progress.exams).toEqual([]);
    expect(loaded.progress.levels.economic?.bestPercent).toBe(40);
  });

  it('keeps the readable levels of a version 1 save with one damaged entry', () => {
    const loaded = parseProgress(fixture('v1-one-entry-damaged.json'));
    expect(loaded.status).toBe('ok');
    expect(Object.keys(loaded.progress.levels)).toEqual(['tutorial']);
    expect(loaded.progress.levels.tutorial?.bestPoints).toBe(1500);
  });

  it('migrates a version 1 save with a high d\u2032 to the discernment star', () => {
    const loaded = parseProgress(fixture('v1-high-dprime.json'));
    expect(loaded.progress.levels.tutorial?.stars).toEqual({
      pass: true,
      discernment: true,
      allLures: false,
    });
  });

  it('loads a version 2 save with stars, a Challenge best, the last attempt and an Exam result', () => {
    const text = fixture('v2-challenge-and-exam.json');
    const loaded = parseProgress(text);
    expect(loaded.status).toBe('ok');
    expect(loaded.progress.levels.tutorial).toMatchObject({
      stars: { pass: true, discernment: false, allLures: true },
      bestChallengeScore: 455,
      last: { mode: 'challenge', points: 275, hits: 1, manipulative: 2 },
    });
    expect(loaded.progress.exams).toHaveLength(1);
    expect(loaded.progress.exams[0]?.answers.p1).toEqual({ tactics: ['nationalism'], lure: true });
    // Written back, it is the same save.
    expect(serializeProgress(loaded.progress)).toBe(text);
  });
});
