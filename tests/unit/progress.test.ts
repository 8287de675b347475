/**
 * The save format: parseProgress must never throw and must keep what it can read;
 * recordResult must never lower a best.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  type LevelProgress,
  type Progress,
  parseProgress,
  recordResult,
  SAVE_VERSION,
  serializeProgress,
} from '../../src/core/progress';
import type { Score } from '../../src/core/scoring';

/** recordResult reads only points, percent and dPrime. */
function score(points: number, percent: number, dPrime: number): Score {
  return {
    posts: [],
    manipulative: 0,
    genuine: 0,
    hits: 0,
    misses: 0,
    falseAlarms: 0,
    correctPasses: 0,
    hitRate: 0.5,
    falseAlarmRate: 0.5,
    dPrime,
    bias: 0,
    lures: 0,
    luresFlagged: 0,
    lureAccuracy: 0,
    meanF1: 0,
    tactics: [],
    points,
    maxPoints: 1000,
    percent,
    unreached: 0,
  };
}

/** Typed as a plain string, so `levels[CONSTRUCTOR]` is a LevelProgress, not Function. */
const CONSTRUCTOR: string = 'constructor';

const entry = (overrides: Partial<LevelProgress> = {}): LevelProgress => ({
  attempts: 2,
  completed: true,
  passed: false,
  bestPoints: 700,
  bestPercent: 55,
  bestDPrime: 1.2,
  stars: { pass: false, discernment: false, allLures: false },
  bestChallengeScore: null,
  last: null,
  ...overrides,
});
/** The fields a version 1 save had. */
const v1Entry = (overrides: Record<string, unknown> = {}) => {
  const { stars: _s, bestChallengeScore: _b, last: _l, ...v1 } = entry();
  return { ...v1, ...overrides };
};

describe('parseProgress: hand-written saves', () => {
  it('treats no save as empty progress', () => {
    expect(parseProgress(null)).toEqual({ status: 'empty', progress: emptyProgress() });
    expect(parseProgress('')).toEqual({ status: 'empty', progress: emptyProgress() });
  });

  it('reports text that is not JSON as corrupt, with a reason', () => {
    const loaded = parseProgress('{"version":1,');
    expect(loaded.status).toBe('corrupt');
    expect(loaded.progress).toEqual(emptyProgress());
    expect('reason' in loaded && loaded.reason).toMatch(/not JSON/);
  });

  it.each([
    ['[]', 'no version number'],
    ['42', 'no version number'],
    ['null', 'no version number'],
    ['"text"', 'no version number'],
    ['{"levels":{}}', 'no version number'],
    ['{"version":"1","levels":{}}', 'no version number'],
    ['{"version":1}', 'no levels'],
    ['{"version":1,"levels":[]}', 'no levels'],
    ['{"version":1,"levels":null}', 'no levels'],
  ])('%s is corrupt: %s', (text, reason) => {
    expect(parseProgress(text)).toEqual({ status: 'corrupt', progress: emptyProgress(), reason });
  });

  it('reports a save from a newer game as too-new rather than reading it', () => {
    const loaded = parseProgress(`{"version":${SAVE_VERSION + 1},"levels":{"a":{}}}`);
    expect(loaded.status).toBe('too-new');
    expect(loaded.progress).toEqual(emptyProgress());
  });

  it('reads a valid save and round-trips it', () => {
    const progress: Progress = {
      version: SAVE_VERSION,
      levels: {
        '01-tutorial': entry(),
        '02-next': entry({
          passed: true,
          attempts: 1,
          stars: { pass: true, discernment: false, allLures: true },
          bestChallengeScore: 1234,
          last: {
            mode: 'challenge',
            points: 900,
            percent: 70,
            dPrime: 1.1,
            hits: 5,
            manipulative: 6,
            falseAlarms: 1,
            genuine: 7,
          },
        }),
      },
      exams: [],
    };
    expect(parseProgress(serializeProgress(progress))).toEqual({ status: 'ok', progress });
  });

  it('keeps readable entries, drops unreadable ones, and defaults missing flags to false', () => {
    const text = JSON.stringify({
      version: 1,
      levels: {
        good: v1Entry(),
        // completed / passed missing or not true: read as false
        flags: { attempts: 1, bestPoints: 0, bestPercent: 0, bestDPrime: 0, passed: 'yes' },
        noAttempts: { bestPoints: 1, bestPercent: 1, bestDPrime: 1 },
        stringPoints: v1Entry({ bestPoints: '700' }),
        nullDPrime: v1Entry({ bestDPrime: null }),
        notAnObject: 5,
        anArray: [1, 2],
      },
      extra: 'ignored',
    });
    const loaded = parseProgress(text);
    expect(loaded.status).toBe('ok');
    expect(loaded.progress.levels).toEqual({
      good: entry(),
      flags: entry({
        attempts: 1,
        completed: false,
        passed: false,
        bestPoints: 0,
        bestPercent: 0,
        bestDPrime: 0,
      }),
    });
  });

  it('reads an overflowing number (1e400 is Infinity) as unreadable', () => {
    const text =
      '{"version":1,"levels":{"a":{"attempts":1,"bestPoints":1e400,"bestPercent":0,"bestDPrime":0}}}';
    expect(parseProgress(text).progress.levels).toEqual({});
  });

  it('drops a "__proto__" level without touching any prototype', () => {
    const good = entry();
    const text = `{"version":2,"levels":{"__proto__":${JSON.stringify(good)},"constructor":${JSON.stringify(good)}}}`;
    const { progress } = parseProgress(text);
    expect(Object.keys(progress.levels)).toEqual(['constructor']);
    expect(progress.levels[CONSTRUCTOR]).toEqual(good);
    expect(Object.getPrototypeOf(progress.levels)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).attempts).toBeUndefined();
  });
});

describe('recordResult', () => {
  it('creates an entry on the first result', () => {
    const p = recordResult(emptyProgress(), 'lvl', score(800, 64, 1.5), 60);
    expect(p.levels.lvl).toMatchObject({
      attempts: 1,
      completed: true,
      passed: true,
      bestPoints: 800,
      bestPercent: 64,
      bestDPrime: 1.5,
      stars: { pass: true, discernment: false },
      bestChallengeScore: null,
      last: { mode: 'learn', points: 800, percent: 64 },
    });
  });

  it('passes at exactly the pass mark and not below', () => {
    expect(recordResult(emptyProgress(), 'a', score(0, 60, 0), 60).levels.a?.passed).toBe(true);
    expect(recordResult(emptyProgress(), 'a', score(0, 59.99, 0), 60).levels.a?.passed).toBe(false);
  });

  it('keeps each best separately and never un-passes a level', () => {
    let p = recordResult(emptyProgress(), 'lvl', score(800, 70, 0.5), 60);
    // a worse run on points and percent, a better one on d'
    p = recordResult(p, 'lvl', score(300, 20, 2.5), 60);
    expect(p.levels.lvl).toMatchObject({
      attempts: 2,
      completed: true,
      passed: true,
      bestPoints: 800,
      bestPercent: 70,
      bestDPrime: 2.5,
      // Stars add up over attempts: the pass from the first, discernment from the second.
      stars: { pass: true, discernment: true },
      last: { points: 300, percent: 20, dPrime: 2.5 },
    });
  });

  it('leaves the input progress and other levels alone', () => {
    const before: Progress = { version: SAVE_VERSION, levels: { other: entry() }, exams: [] };
    const snapshot = structuredClone(before);
    const after = recordResult(before, 'lvl', score(1, 1, 1), 60);
    expect(before).toEqual(snapshot);
    expect(after.levels.other).toBe(before.levels.other);
  });

  it('treats a level id such as "constructor" like any other (valid under the level schema)', () => {
    const p = recordResult(emptyProgress(), 'constructor', score(500, 50, 1), 60);
    expect(p.levels[CONSTRUCTOR]).toMatchObject({
      attempts: 1,
      completed: true,
      passed: false,
      bestPoints: 500,
      bestPercent: 50,
      bestDPrime: 1,
    });
    const twice = recordResult(p, 'constructor', score(400, 40, 2), 60);
    expect(twice.levels[CONSTRUCTOR]?.attempts).toBe(2);
    expect(parseProgress(serializeProgress(twice)).progress).toEqual(twice);
  });
});

// ---------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------

// JSON has no -0, so `+ 0` turns -0 into 0 for the round-trip checks.
const finite = fc
  .double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })
  .map((x) => x + 0);
const percentArb = fc.double({ noNaN: true, min: 0, max: 100 }).map((x) => x + 0);
const levelProgressArb: fc.Arbitrary<LevelProgress> = fc.record({
  attempts: fc.nat({ max: 1000 }),
  completed: fc.boolean(),
  passed: fc.boolean(),
  bestPoints: fc.integer({ min: -10_000, max: 100_000 }),
  bestPercent: percentArb,
  bestDPrime: finite,
  stars: fc.record({ pass: fc.boolean(), discernment: fc.boolean(), allLures: fc.boolean() }),
  bestChallengeScore: fc.option(fc.integer({ min: -10_000, max: 100_000 })),
  last: fc.option(
    fc.record({
      mode: fc.constantFrom('learn' as const, 'challenge' as const, 'exam' as const),
      points: fc.integer({ min: -10_000, max: 100_000 }),
      percent: percentArb,
      dPrime: finite,
      hits: fc.nat({ max: 50 }),
      manipulative: fc.nat({ max: 50 }),
      falseAlarms: fc.nat({ max: 50 }),
      genuine: fc.nat({ max: 50 }),
    }),
  ),
});
const levelIdArb = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/),
  fc.constantFrom('constructor', 'tostring', 'hasOwnProperty', 'valueOf'),
);
const progressArb: fc.Arbitrary<Progress> = fc
  .dictionary(levelIdArb, levelProgressArb, { maxKeys: 8 })
  .map((levels) => ({ version: SAVE_VERSION, levels, exams: [] }));

/** A valid save with one edit: a character replaced, inserted or deleted, or a cut. */
const mutatedSaveArb = fc
  .tuple(
    progressArb,
    fc.nat(),
    fc.constantFrom('replace', 'insert', 'delete', 'cut'),
    fc.string({ minLength: 1, maxLength: 3 }),
  )
  .map(([progress, at, edit, text]) => {
    const save = serializeProgress(progress);
    const i = at % (save.length + 1);
    switch (edit) {
      case 'replace':
        return save.slice(0, i) + text + save.slice(i + text.length);
      case 'insert':
        return save.slice(0, i) + text + save.slice(i);
      case 'delete':
        return save.slice(0, i) + save.slice(i + 1);
      default:
        return save.slice(0, i);
    }
  });

/**
 * Any code points, lone surrogates included. (Cheaper than fc.string({ unit: 'binary' }),
 * whose first use costs over half a second under Vitest.)
 */
const anyCodePoints = fc
  .array(fc.nat({ max: 0x10ffff }), { maxLength: 40 })
  .map((points) => String.fromCodePoint(...points));
/** Strings over JSON's own characters, so many of them get past the first few bytes. */
const jsonAlphabet = fc.string({
  unit: fc.constantFrom(...'{}[]":,0123456789.eE-+ truefalsnversionlvl\\'),
  maxLength: 60,
});

const isLoaded = (value: ReturnType<typeof parseProgress>) =>
  ['empty', 'ok', 'corrupt', 'too-new'].includes(value.status) &&
  value.progress.version === SAVE_VERSION &&
  typeof value.progress.levels === 'object';

describe('parseProgress: properties', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), anyCodePoints, jsonAlphabet), (text) => {
        expect(isLoaded(parseProgress(text))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON, including JSON with a version and levels', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc
            .record({ version: fc.oneof(fc.constant(1), fc.jsonValue()), levels: fc.jsonValue() })
            .map((x) => JSON.stringify(x)),
          fc
            .dictionary(levelIdArb, fc.jsonValue())
            .map((levels) => JSON.stringify({ version: 1, levels })),
        ),
        (text) => {
          expect(isLoaded(parseProgress(text))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on a mutated valid save', () => {
    fc.assert(
      fc.property(mutatedSaveArb, (text) => {
        expect(isLoaded(parseProgress(text))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips any valid progress', () => {
    fc.assert(
      fc.property(progressArb, (progress) => {
        expect(parseProgress(serializeProgress(progress))).toEqual({ status: 'ok', progress });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every readable level entry next to unreadable ones', () => {
    const junk = fc.oneof(
      fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
      levelProgressArb.map((e) => ({ ...e, attempts: String(e.attempts) })),
      levelProgressArb.map(({ bestDPrime: _, ...rest }) => rest),
    );
    fc.assert(
      fc.property(
        fc.dictionary(levelIdArb, levelProgressArb, { maxKeys: 6 }),
        fc.dictionary(
          levelIdArb.map((id) => `junk-${id}`),
          junk,
          { maxKeys: 6 },
        ),
        (readable, unreadable) => {
          const text = JSON.stringify({ version: 2, levels: { ...unreadable, ...readable } });
          const loaded = parseProgress(text);
          expect(loaded.status).toBe('ok');
          expect(loaded.progress.levels).toEqual(readable);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('recordResult: properties', () => {
  const scoreArb = fc
    .tuple(
      fc.integer({ min: -5000, max: 5000 }),
      fc.double({ noNaN: true, min: 0, max: 100 }),
      finite,
    )
    .map(([points, percent, dPrime]) => score(points, percent, dPrime));

  it('never lowers a best, never un-passes, and counts every attempt', () => {
    fc.assert(
      fc.property(
        progressArb,
        levelIdArb,
        fc.array(scoreArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 100 }),
        (start, levelId, scores, passMark) => {
          let progress = start;
          for (const s of scores) {
            const before = Object.hasOwn(progress.levels, levelId)
              ? progress.levels[levelId]
              : undefined;
            progress = recordResult(progress, levelId, s, passMark);
            const after = progress.levels[levelId] as LevelProgress;
            expect(after.completed).toBe(true);
            expect(after.bestPoints).toBeGreaterThanOrEqual(s.points);
            expect(after.bestPercent).toBeGreaterThanOrEqual(s.percent);
            expect(after.bestDPrime).toBeGreaterThanOrEqual(s.dPrime);
            expect(after.passed).toBe((before?.passed ?? false) || s.percent >= passMark);
            if (before) {
              expect(after.attempts).toBe(before.attempts + 1);
              expect(after.bestPoints).toBeGreaterThanOrEqual(before.bestPoints);
              expect(after.bestPercent).toBeGreaterThanOrEqual(before.bestPercent);
              expect(after.bestDPrime).toBeGreaterThanOrEqual(before.bestDPrime);
            } else {
              expect(after.attempts).toBe(1);
            }
            // Other levels are untouched.
            for (const [id, other] of Object.entries(start.levels)) {
              if (id !== levelId) expect(progress.levels[id]).toBe(other);
            }
          }
          // What is recorded can be saved and read back.
          expect(parseProgress(serializeProgress(progress)).progress).toEqual(progress);
        },
      ),
      { numRuns: 150 },
    );
  });
});
