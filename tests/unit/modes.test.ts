/**
 * Each mode's rules: when feedback shows, the timer, and Challenge's bonuses.
 * Time only ever enters the core through `tick` actions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hintsFor } from '../../src/core/hints';
import type { Mode } from '../../src/core/level/schema';
import {
  adjustTimeLimit,
  CHALLENGE_SECONDS_PER_POST,
  parseTimerSetting,
  presetRules,
  rulesFor,
  startingSetup,
  streakBonusFor,
  timeBonusFor,
} from '../../src/core/modes';
import type { PostTruth } from '../../src/core/scoring';
import {
  bonusesFor,
  createSession,
  reduce,
  type SessionAction,
  type SessionState,
  scoreSession,
  secondsLeft,
  sessionProblems,
} from '../../src/core/session';

const TACTICS = ['nationalism', 'misinformation'];
/** a and c manipulative, b and d genuine. */
const TRUTHS = new Map<string, PostTruth>([
  ['a', { tactics: ['nationalism'], lure: false }],
  ['b', { tactics: [], lure: false }],
  ['c', { tactics: ['misinformation'], lure: true }],
  ['d', { tactics: [], lure: false }],
]);
const level = (mode: Mode = 'learn') => ({
  id: 'lvl',
  mode,
  shuffle: false,
  posts: [...TRUTHS.keys()].map((id) => ({ id })),
});
const start = (setup?: Parameters<typeof createSession>[3]) =>
  createSession(level() as unknown as Parameters<typeof createSession>[0], TACTICS, 7, setup);

const run = (state: SessionState, actions: SessionAction[]) => actions.reduce(reduce, state);
/** Decides a post: the right call when right is true, the wrong one otherwise. */
function decide(state: SessionState, postId: string, right: boolean): SessionState {
  const manipulative = (TRUTHS.get(postId)?.tactics.length ?? 0) > 0;
  const flag = manipulative === right;
  let next = reduce(state, { type: 'open', postId });
  next = flag
    ? run(next, [{ type: 'toggleLure' }, { type: 'flag' }])
    : reduce(next, { type: 'pass' });
  return next.feedbackPostId ? reduce(next, { type: 'continue' }) : next;
}

describe('mode presets', () => {
  it('Learn: feedback at once, hints, no timer, no bonuses', () => {
    expect(presetRules('learn', 10)).toEqual({
      feedback: 'immediate',
      timeLimitSeconds: null,
      bonuses: false,
      hints: true,
    });
  });
  it('Challenge: a timer of 30 s per post, feedback at once, bonuses', () => {
    expect(presetRules('challenge', 10)).toEqual({
      feedback: 'immediate',
      timeLimitSeconds: 10 * CHALLENGE_SECONDS_PER_POST,
      bonuses: true,
      hints: false,
    });
  });
  it('Exam: feedback only at the end, no timer, no bonuses', () => {
    expect(presetRules('exam', 10)).toEqual({
      feedback: 'end',
      timeLimitSeconds: null,
      bonuses: false,
      hints: false,
    });
  });
  it('a setup overrides the preset; a limit that is not a positive number means untimed', () => {
    expect(rulesFor('learn', 4, { feedback: 'end', timeLimitSeconds: 60, hints: false })).toEqual({
      feedback: 'end',
      timeLimitSeconds: 60,
      bonuses: false,
      hints: false,
    });
    expect(rulesFor('challenge', 4, { timeLimitSeconds: null }).timeLimitSeconds).toBeNull();
    for (const bad of [0, -3, Number.NaN, Number.POSITIVE_INFINITY])
      expect(rulesFor('exam', 4, { timeLimitSeconds: bad }).timeLimitSeconds).toBeNull();
  });
});

describe('createSession with a setup', () => {
  it('takes a mode name (its preset) or a setup, and the level mode by default', () => {
    expect(start().rules.feedback).toBe('immediate');
    expect(start('exam')).toMatchObject({ mode: 'exam', rules: { feedback: 'end' } });
    const workshop = start({ mode: 'learn', feedback: 'end', timeLimitSeconds: 90 });
    expect(workshop).toMatchObject({
      mode: 'learn',
      rules: { feedback: 'end', timeLimitSeconds: 90, bonuses: false },
      elapsedMs: 0,
      timedOut: false,
    });
    expect(sessionProblems(workshop)).toEqual([]);
  });
});

describe('timer settings (WCAG 2.2.1)', () => {
  it('double time doubles the limit, off removes it, untimed stays untimed', () => {
    expect(adjustTimeLimit(120, 'normal')).toBe(120);
    expect(adjustTimeLimit(120, 'double')).toBe(240);
    expect(adjustTimeLimit(120, 'off')).toBeNull();
    expect(adjustTimeLimit(null, 'double')).toBeNull();
  });
  it('reads a saved setting, and anything unknown as normal', () => {
    expect(parseTimerSetting('double')).toBe('double');
    expect(parseTimerSetting('off')).toBe('off');
    expect(parseTimerSetting(null)).toBe('normal');
    expect(parseTimerSetting('x3')).toBe('normal');
  });
  it("applies to a workshop's time limit as well as to the level list's mode", () => {
    const workshop = { mode: 'exam' as const, feedback: 'end' as const, timeLimitSeconds: 600 };
    expect(startingSetup('learn', 10, 'normal', workshop)).toEqual(workshop);
    expect(startingSetup('learn', 10, 'double', workshop).timeLimitSeconds).toBe(1200);
    expect(startingSetup('learn', 10, 'off', workshop)).toEqual({
      ...workshop,
      timeLimitSeconds: null,
    });
    // Without a workshop: the chosen mode's preset, adjusted.
    expect(startingSetup('challenge', 10, 'double', null)).toEqual({
      mode: 'challenge',
      timeLimitSeconds: 2 * 10 * CHALLENGE_SECONDS_PER_POST,
    });
    expect(startingSetup('learn', 10, 'normal', null)).toEqual({
      mode: 'learn',
      timeLimitSeconds: null,
    });
    // A workshop that leaves the limit to its mode gets the mode's preset.
    expect(startingSetup('learn', 4, 'normal', { mode: 'challenge' }).timeLimitSeconds).toBe(
      4 * CHALLENGE_SECONDS_PER_POST,
    );
  });
});

describe('Exam: no feedback until the end', () => {
  it('never shows feedback, and finishes after the last decision', () => {
    let state = start('exam');
    for (const id of ['a', 'b', 'c']) {
      state = reduce(state, { type: 'open', postId: id });
      state = reduce(state, { type: 'pass' });
      expect(state.feedbackPostId).toBeNull();
      expect(reduce(state, { type: 'continue' })).toBe(state);
    }
    expect(state.finished).toBe(false);
    state = run(state, [{ type: 'open', postId: 'd' }, { type: 'pass' }]);
    expect(state.finished).toBe(true);
    expect(bonusesFor(state, TRUTHS)).toMatchObject({ streak: 0, time: 0 });
  });
});

describe('the timer', () => {
  it('counts ticks, ignores bad ones and pauses while feedback shows', () => {
    let state = start('challenge');
    expect(secondsLeft(state)).toBe(120);
    state = reduce(state, { type: 'tick', ms: 1500 });
    expect(state.elapsedMs).toBe(1500);
    for (const ms of [0, -10, Number.NaN, Number.POSITIVE_INFINITY])
      expect(reduce(state, { type: 'tick', ms })).toBe(state);
    state = run(state, [{ type: 'open', postId: 'b' }, { type: 'pass' }]);
    expect(state.feedbackPostId).toBe('b');
    expect(reduce(state, { type: 'tick', ms: 5000 })).toBe(state);
    state = reduce(state, { type: 'continue' });
    expect(reduce(state, { type: 'tick', ms: 500 }).elapsedMs).toBe(2000);
  });

  it('counts time in untimed modes but never runs out', () => {
    const state = reduce(start('learn'), { type: 'tick', ms: 10_000_000 });
    expect(state).toMatchObject({ elapsedMs: 10_000_000, timedOut: false, finished: false });
    expect(secondsLeft(state)).toBeNull();
  });

  it('when time runs out: the open post closes undecided and the session ends', () => {
    let state = start({ mode: 'challenge', timeLimitSeconds: 10 });
    state = decide(state, 'a', true);
    state = run(state, [
      { type: 'open', postId: 'c' },
      { type: 'toggleLure' },
      { type: 'tick', ms: 9_000 },
      { type: 'tick', ms: 4_000 },
    ]);
    expect(state).toMatchObject({
      timedOut: true,
      finished: true,
      openPostId: null,
      elapsedMs: 10_000,
    });
    expect(Object.keys(state.answers)).toEqual(['a']);
    expect(sessionProblems(state)).toEqual([]);
    expect(reduce(state, { type: 'open', postId: 'b' })).toBe(state);
  });

  it('posts left when time ran out earn nothing and manipulative ones count as misses', () => {
    let state = start({ mode: 'challenge', timeLimitSeconds: 10 });
    state = decide(state, 'b', true); // genuine, passed: +100
    state = reduce(state, { type: 'tick', ms: 10_000 });
    const score = scoreSession(state, TRUTHS);
    expect(score.unreached).toBe(3);
    expect(score.points).toBe(100);
    // b: 100; a: 175; c: 175; d: 100.
    expect(score.maxPoints).toBe(550);
    expect(score.percent).toBeCloseTo((100 / 550) * 100);
    expect(score).toMatchObject({ hits: 0, misses: 2, manipulative: 2, genuine: 1, lures: 1 });
    expect(score.tactics.find((t) => t.id === 'nationalism')).toMatchObject({
      falseNegatives: 1,
      recall: 0,
    });
    // The same answers without the timer running out: only the answered post counts.
    const untimed = scoreSession({ ...state, timedOut: false }, TRUTHS);
    expect(untimed).toMatchObject({ unreached: 0, maxPoints: 100, misses: 0 });
  });
});

describe('Challenge bonuses', () => {
  it('a streak earns 10 x (streak - 1) per right decision, at most 50', () => {
    expect([1, 2, 3, 6, 7, 20].map(streakBonusFor)).toEqual([0, 10, 20, 50, 50, 50]);
  });

  it('the time bonus is 2 per whole second left, scaled by the share of right decisions', () => {
    expect(timeBonusFor(40.9, 1)).toBe(80);
    expect(timeBonusFor(40, 0.5)).toBe(40);
    expect(timeBonusFor(0, 1)).toBe(0);
    expect(timeBonusFor(30, 0)).toBe(0);
  });

  it('sums streaks over the decisions and adds the time left when every post is decided', () => {
    let state = start('challenge'); // 4 posts: 120 s
    state = decide(state, 'a', true); // streak 1: 0
    state = reduce(state, { type: 'tick', ms: 20_000 });
    state = decide(state, 'b', true); // streak 2: 10
    state = decide(state, 'c', false); // broken
    state = decide(state, 'd', true); // streak 1: 0
    expect(state.finished).toBe(true);
    // 100 s left x 2 x 3/4 right.
    expect(bonusesFor(state, TRUTHS)).toEqual({ streak: 10, time: 150, longestStreak: 2 });
  });

  it('no time bonus when the time ran out, and no bonuses outside Challenge', () => {
    let state = start({ mode: 'challenge', timeLimitSeconds: 5 });
    state = decide(state, 'a', true);
    state = decide(state, 'b', true);
    state = reduce(state, { type: 'tick', ms: 5_000 });
    expect(bonusesFor(state, TRUTHS)).toEqual({ streak: 10, time: 0, longestStreak: 2 });
    let learn = start('learn');
    for (const id of ['a', 'b', 'c', 'd']) learn = decide(learn, id, true);
    expect(bonusesFor(learn, TRUTHS)).toEqual({ streak: 0, time: 0, longestStreak: 4 });
  });

  it('property: bonuses are never negative and the time bonus never exceeds 2 per second', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 60_000 })), {
          minLength: 4,
          maxLength: 4,
        }),
        (steps) => {
          let state = start('challenge');
          ['a', 'b', 'c', 'd'].forEach((id, i) => {
            const [right, ms] = steps[i] as [boolean, number];
            state = reduce(state, { type: 'tick', ms });
            if (!state.finished) state = decide(state, id, right);
          });
          const bonuses = bonusesFor(state, TRUTHS);
          expect(bonuses.streak).toBeGreaterThanOrEqual(0);
          expect(bonuses.time).toBeGreaterThanOrEqual(0);
          expect(bonuses.time).toBeLessThanOrEqual(120 * 2);
          if (state.timedOut) expect(bonuses.time).toBe(0);
          expect(sessionProblems(state)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('Learn hints', () => {
  it('ask about what the post shows, and never depend on whether it is manipulative', () => {
    expect(hintsFor({ kind: 'text' })).toEqual(['source', 'evidence', 'emotion', 'pressure']);
    expect(
      hintsFor({
        kind: 'ad',
        link: { title: { en: 'x' }, url: 'https://example.com/' },
        media: { en: 'a photo' },
        group: { en: 'Parents' },
      }),
    ).toEqual(['source', 'link', 'picture', 'sponsor', 'group', 'evidence', 'emotion', 'pressure']);
  });
});
