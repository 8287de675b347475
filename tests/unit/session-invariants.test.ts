import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSession,
  currentStreak,
  reduce,
  type SessionAction,
  type SessionState,
  sessionProblems,
} from '../../src/core/session';

const TACTICS = ['nationalism', 'misinformation'];
const level = {
  id: 'l',
  mode: 'learn' as const,
  shuffle: false,
  posts: ['a', 'b', 'c'].map((id) => ({ id })),
} as unknown as Parameters<typeof createSession>[0];

const action = fc.oneof(
  fc.record({ type: fc.constant('open' as const), postId: fc.constantFrom('a', 'b', 'c', 'zz') }),
  fc.constant({ type: 'close' as const }),
  fc.record({
    type: fc.constant('toggleTactic' as const),
    tacticId: fc.constantFrom(...TACTICS, 'bogus'),
  }),
  fc.constant({ type: 'toggleLure' as const }),
  fc.constant({ type: 'flag' as const }),
  fc.constant({ type: 'pass' as const }),
  fc.constant({ type: 'continue' as const }),
  fc.record({
    type: fc.constant('tick' as const),
    ms: fc.oneof(fc.integer({ min: -5, max: 40_000 }), fc.constant(Number.NaN)),
  }),
) as fc.Arbitrary<SessionAction>;

describe('sessionProblems', () => {
  it('finds nothing wrong in a new session or anywhere the reducer goes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('learn', 'exam', 'challenge'),
        fc.array(action, { maxLength: 60 }),
        (mode, actions) => {
          // Challenge here has 3 posts x 30 s = 90 s, so the ticks can run it out.
          let state = createSession(level, TACTICS, 1, mode as SessionState['mode']);
          expect(sessionProblems(state)).toEqual([]);
          for (const next of actions) {
            state = reduce(state, next);
            expect(sessionProblems(state)).toEqual([]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names each inconsistency a broken state could have', () => {
    const base = createSession(level, TACTICS, 1);
    const broken: [Partial<SessionState>, RegExp][] = [
      [{ answers: { zz: { tactics: [], lure: false } } }, /not in the feed: zz/],
      [{ answers: { a: { tactics: ['bogus'], lure: false } } }, /unknown tactic: bogus/],
      [{ openPostId: 'zz' }, /open post not in the feed/],
      [
        { openPostId: 'a', answers: { a: { tactics: [], lure: false } } },
        /open post already answered/,
      ],
      [{ feedbackPostId: 'a' }, /feedback for an unanswered post/],
      [
        {
          rules: { ...base.rules, feedback: 'end' },
          feedbackPostId: 'a',
          answers: { a: { tactics: [], lure: false } },
          decided: ['a'],
        },
        /feedback shown before the end/,
      ],
      [
        { draft: { tactics: ['nationalism', 'nationalism'], lure: false } },
        /draft names a tactic twice/,
      ],
      [{ finished: true }, /finished with posts or feedback left/],
      [{ order: ['a', 'a'] }, /lists a post twice/],
    ];
    for (const [patch, expected] of broken) {
      expect(sessionProblems({ ...base, ...patch }).join('; ')).toMatch(expected);
    }
  });
});

describe('currentStreak', () => {
  it('counts right decisions back from the latest and stops at the first wrong one', () => {
    const truths = new Map([
      ['a', { tactics: ['nationalism'], lure: false }],
      ['b', { tactics: [], lure: false }],
      ['c', { tactics: [], lure: true }],
    ]);
    let state = createSession(level, TACTICS, 1, 'exam');
    const decide = (postId: string, flag: boolean) => {
      state = reduce(state, { type: 'open', postId });
      if (flag) state = reduce(reduce(state, { type: 'toggleLure' }), { type: 'flag' });
      else state = reduce(state, { type: 'pass' });
    };
    expect(currentStreak(state, truths)).toBe(0);
    decide('b', true); // a genuine post flagged: wrong
    expect(currentStreak(state, truths)).toBe(0);
    decide('a', true); // right
    expect(currentStreak(state, truths)).toBe(1);
    decide('c', true); // right
    expect(currentStreak(state, truths)).toBe(2);
    expect(state.decided).toEqual(['b', 'a', 'c']);
  });
});
