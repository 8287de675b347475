/**
 * The play-session reducer: hand-written walks through Learn and Exam mode, and
 * fast-check runs of random (often invalid) action sequences.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mode, Post } from '../../src/core/level/schema';
import { seededShuffle } from '../../src/core/random';
import type { PostTruth } from '../../src/core/scoring';
import {
  answeredCount,
  createSession,
  feedbackFor,
  nextUnanswered,
  reduce,
  rejectReason,
  type SessionAction,
  type SessionState,
  scoreSession,
} from '../../src/core/session';
import { LURE_ID } from '../../src/core/taxonomy';

const TACTICS = ['nationalism', 'economic-incentive', 'misinformation'];

function post(id: string, tactics: string[] = [], lure = false): Post {
  return {
    id,
    author: 'acc-1',
    kind: 'text',
    text: { en: `Post ${id}` },
    minutesAgo: 5,
    likes: 0,
    shares: 0,
    comments: [],
    truth: { tactics, lure, evidence: [], explanations: {} },
  };
}

/** p1 manipulative (nationalism), p2 genuine, p3 a lure with economic-incentive. */
const POSTS = [post('p1', ['nationalism']), post('p2'), post('p3', ['economic-incentive'], true)];
const TRUTHS = new Map<string, PostTruth>(POSTS.map((p) => [p.id, p.truth]));

function level(mode: Mode, posts: Post[] = POSTS, shuffle = false) {
  return { id: 'lvl', mode, shuffle, posts };
}

function run(state: SessionState, actions: readonly SessionAction[]): SessionState {
  return actions.reduce(reduce, state);
}

const hasOwn = (record: object, key: string) => Object.hasOwn(record, key);

describe('createSession', () => {
  it('keeps the file order when shuffle is off', () => {
    const s = createSession(level('exam'), TACTICS, 7);
    expect(s.order).toEqual(['p1', 'p2', 'p3']);
    expect(s).toMatchObject({
      levelId: 'lvl',
      mode: 'exam',
      seed: 7,
      answers: {},
      openPostId: null,
      draft: { tactics: [], lure: false },
      feedbackPostId: null,
      finished: false,
    });
  });

  it('shuffles with the session seed when shuffle is on', () => {
    const posts = Array.from({ length: 12 }, (_, i) => post(`p${i}`));
    const ids = posts.map((p) => p.id);
    const s = createSession(level('learn', posts, true), TACTICS, 42);
    expect(s.order).toEqual(seededShuffle(ids, 42));
    expect([...s.order].sort()).toEqual([...ids].sort());
    expect(createSession(level('learn', posts, true), TACTICS, 42).order).toEqual(s.order);
  });

  it('lets the caller override the level mode, and copies the tactic list', () => {
    const tactics = [...TACTICS];
    const s = createSession(level('learn'), tactics, 1, 'exam');
    expect(s.mode).toBe('exam');
    tactics.push('later');
    expect(s.tacticIds).toEqual(TACTICS);
  });
});

describe('reduce: exam mode', () => {
  it('records flags and passes, shows no feedback, finishes after the last decision', () => {
    let s = createSession(level('exam'), TACTICS, 1);
    s = run(s, [
      { type: 'open', postId: 'p1' },
      { type: 'toggleTactic', tacticId: 'nationalism' },
      { type: 'flag' },
    ]);
    expect(s.answers.p1).toEqual({ tactics: ['nationalism'], lure: false });
    expect(s.feedbackPostId).toBeNull();
    expect(s.openPostId).toBeNull();
    expect(s.draft).toEqual({ tactics: [], lure: false });
    expect(nextUnanswered(s)).toBe('p2');
    expect(answeredCount(s)).toBe(1);

    s = run(s, [{ type: 'open', postId: 'p2' }, { type: 'pass' }]);
    expect(s.answers.p2).toEqual({ tactics: [], lure: false });
    expect(s.finished).toBe(false);

    s = run(s, [
      { type: 'open', postId: 'p3' },
      { type: 'toggleLure' },
      { type: 'toggleTactic', tacticId: 'economic-incentive' },
      { type: 'flag' },
    ]);
    expect(s.answers.p3).toEqual({ tactics: ['economic-incentive'], lure: true });
    expect(s.feedbackPostId).toBeNull();
    expect(s.finished).toBe(true);
    expect(nextUnanswered(s)).toBeNull();
    expect(answeredCount(s)).toBe(3);
    expect(rejectReason(s, { type: 'continue' })).toBe('finished');
  });

  it('lets posts be answered in any order', () => {
    const s = run(createSession(level('exam'), TACTICS, 1), [
      { type: 'open', postId: 'p3' },
      { type: 'pass' },
    ]);
    expect(nextUnanswered(s)).toBe('p1');
    expect(Object.keys(s.answers)).toEqual(['p3']);
  });
});

describe('reduce: learn mode', () => {
  it('shows feedback after each decision until continue, then finishes after the last', () => {
    let s = createSession(level('learn'), TACTICS, 1);
    s = run(s, [{ type: 'open', postId: 'p1' }, { type: 'pass' }]);
    expect(s.feedbackPostId).toBe('p1');
    expect(s.answers.p1).toEqual({ tactics: [], lure: false });

    // While feedback shows, nothing but continue applies.
    for (const action of [
      { type: 'open', postId: 'p2' },
      { type: 'close' },
      { type: 'toggleTactic', tacticId: 'nationalism' },
      { type: 'toggleLure' },
      { type: 'flag' },
      { type: 'pass' },
    ] as const) {
      expect(rejectReason(s, action)).not.toBeNull();
      expect(reduce(s, action)).toBe(s);
    }
    expect(rejectReason(s, { type: 'open', postId: 'p2' })).toBe('feedback-showing');

    s = reduce(s, { type: 'continue' });
    expect(s.feedbackPostId).toBeNull();
    s = run(s, [{ type: 'open', postId: 'p2' }, { type: 'pass' }]);
    expect(s.feedbackPostId).toBe('p2');
    s = run(s, [
      { type: 'continue' },
      { type: 'open', postId: 'p3' },
      { type: 'toggleLure' },
      { type: 'flag' },
    ]);
    // Every post answered, but the last feedback is still on screen.
    expect(s.feedbackPostId).toBe('p3');
    expect(s.finished).toBe(false);
    s = reduce(s, { type: 'continue' });
    expect(s.finished).toBe(true);
    expect(s.feedbackPostId).toBeNull();
  });
});

describe('reduce: drafts and rejections', () => {
  const open = run(createSession(level('exam'), TACTICS, 1), [{ type: 'open', postId: 'p1' }]);

  it('keeps chosen tactics in display order and toggles them off again', () => {
    const s = run(open, [
      { type: 'toggleTactic', tacticId: 'misinformation' },
      { type: 'toggleTactic', tacticId: 'nationalism' },
    ]);
    expect(s.draft.tactics).toEqual(['nationalism', 'misinformation']);
    const off = reduce(s, { type: 'toggleTactic', tacticId: 'misinformation' });
    expect(off.draft.tactics).toEqual(['nationalism']);
  });

  it('close discards the draft and leaves the post unanswered', () => {
    const s = run(open, [{ type: 'toggleLure' }, { type: 'close' }]);
    expect(s.openPostId).toBeNull();
    expect(s.draft).toEqual({ tactics: [], lure: false });
    expect(s.answers).toEqual({});
    expect(rejectReason(s, { type: 'open', postId: 'p1' })).toBeNull();
  });

  it('a lure alone is enough to flag', () => {
    const s = run(open, [{ type: 'toggleLure' }, { type: 'flag' }]);
    expect(s.answers.p1).toEqual({ tactics: [], lure: true });
  });

  it('gives a reason for each rejected action and returns the identical state', () => {
    const fresh = createSession(level('exam'), TACTICS, 1);
    const answered = run(open, [{ type: 'pass' }]);
    const cases: [SessionState, SessionAction, string][] = [
      [fresh, { type: 'open', postId: 'nope' }, 'unknown-post'],
      [answered, { type: 'open', postId: 'p1' }, 'already-answered'],
      [fresh, { type: 'close' }, 'nothing-open'],
      [fresh, { type: 'toggleTactic', tacticId: 'nationalism' }, 'nothing-open'],
      [open, { type: 'toggleTactic', tacticId: 'made-up' }, 'unknown-tactic'],
      [fresh, { type: 'toggleLure' }, 'nothing-open'],
      [fresh, { type: 'pass' }, 'nothing-open'],
      [fresh, { type: 'flag' }, 'nothing-open'],
      [open, { type: 'flag' }, 'empty-flag'],
      [open, { type: 'continue' }, 'no-feedback'],
    ];
    for (const [state, action, reason] of cases) {
      expect(rejectReason(state, action)).toBe(reason);
      expect(reduce(state, action)).toBe(state);
    }
  });

  it('treats post ids that are Object.prototype names as ordinary posts', () => {
    // 'constructor' is a valid post id under the level schema (/^[a-z0-9][a-z0-9_-]*$/).
    const posts = [post('constructor', ['nationalism']), post('tostring'), post('__proto__')];
    let s = createSession(level('exam', posts), TACTICS, 1);
    expect(nextUnanswered(s)).toBe('constructor');
    expect(answeredCount(s)).toBe(0);
    expect(rejectReason(s, { type: 'open', postId: 'constructor' })).toBeNull();
    expect(rejectReason(s, { type: 'open', postId: '__proto__' })).toBeNull();
    s = run(s, [
      { type: 'open', postId: 'tostring' },
      { type: 'pass' },
      { type: 'open', postId: '__proto__' },
      { type: 'pass' },
    ]);
    expect(s.finished).toBe(false);
    expect(nextUnanswered(s)).toBe('constructor');
    s = run(s, [{ type: 'open', postId: 'constructor' }, { type: 'pass' }]);
    expect(s.finished).toBe(true);
    const truths = new Map(posts.map((p) => [p.id, p.truth]));
    const score = scoreSession(s, truths);
    expect(score.posts.map((p) => p.postId)).toEqual(['constructor', 'tostring', '__proto__']);
    expect(score.misses).toBe(1);
  });
});

describe('scoreSession and feedbackFor', () => {
  it('scores only answered posts, in feed order', () => {
    const s = run(createSession(level('exam'), TACTICS, 1), [
      { type: 'open', postId: 'p3' },
      { type: 'toggleTactic', tacticId: 'economic-incentive' },
      { type: 'toggleLure' },
      { type: 'flag' },
      { type: 'open', postId: 'p2' },
      { type: 'toggleTactic', tacticId: 'misinformation' },
      { type: 'flag' },
    ]);
    const score = scoreSession(s, TRUTHS);
    expect(score.posts.map((p) => p.postId)).toEqual(['p2', 'p3']);
    // p2 genuine flagged: -50; p3 perfect: 175
    expect(score.points).toBe(125);
    expect(score.maxPoints).toBe(275);
    expect([score.hits, score.falseAlarms]).toEqual([1, 1]);
  });

  it('lists right, missed and wrong facets, with the lure as its own item', () => {
    const truth: PostTruth = { tactics: ['nationalism', 'economic-incentive'], lure: true };
    const fb = feedbackFor({ tactics: ['nationalism', 'misinformation'], lure: false }, truth);
    expect(fb.correct).toBe(true);
    expect(fb.items).toEqual([
      { id: 'nationalism', verdict: 'right' },
      { id: 'economic-incentive', verdict: 'missed' },
      { id: 'misinformation', verdict: 'wrong' },
      { id: LURE_ID, verdict: 'missed' },
    ]);
  });

  it('a genuine post passed is correct with nothing to list; flagged, it is wrong', () => {
    const genuine: PostTruth = { tactics: [], lure: false };
    expect(feedbackFor({ tactics: [], lure: false }, genuine)).toEqual({
      correct: true,
      items: [],
    });
    expect(feedbackFor({ tactics: [], lure: true }, genuine)).toEqual({
      correct: false,
      items: [{ id: LURE_ID, verdict: 'wrong' }],
    });
  });

  it('a manipulative post passed is not correct, and every true facet is missed', () => {
    const fb = feedbackFor({ tactics: [], lure: false }, { tactics: ['nationalism'], lure: false });
    expect(fb).toEqual({ correct: false, items: [{ id: 'nationalism', verdict: 'missed' }] });
  });
});

// ---------------------------------------------------------------------------
// Property tests: random action sequences, valid and invalid
// ---------------------------------------------------------------------------

/** Post ids include Object.prototype names on purpose. */
const idPool = ['a', 'b', 'c', 'd', 'e', 'f', 'constructor', '__proto__', 'tostring', 'valueOf'];

const scenarioArb = fc
  .record({
    ids: fc.uniqueArray(fc.constantFrom(...idPool), { minLength: 1, maxLength: 6 }),
    mode: fc.constantFrom<Mode>('learn', 'exam', 'challenge'),
    shuffle: fc.boolean(),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
  })
  .chain((scenario) => {
    const postId = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...scenario.ids) },
      { weight: 1, arbitrary: fc.constantFrom('zzz', 'hasOwnProperty', '') },
    );
    const tacticId = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...TACTICS) },
      { weight: 1, arbitrary: fc.constantFrom('made-up', 'constructor') },
    );
    const action: fc.Arbitrary<SessionAction> = fc.oneof(
      { weight: 3, arbitrary: postId.map((id) => ({ type: 'open' as const, postId: id })) },
      { weight: 1, arbitrary: fc.constant({ type: 'close' as const }) },
      {
        weight: 3,
        arbitrary: tacticId.map((id) => ({ type: 'toggleTactic' as const, tacticId: id })),
      },
      { weight: 1, arbitrary: fc.constant({ type: 'toggleLure' as const }) },
      { weight: 2, arbitrary: fc.constant({ type: 'flag' as const }) },
      { weight: 2, arbitrary: fc.constant({ type: 'pass' as const }) },
      { weight: 2, arbitrary: fc.constant({ type: 'continue' as const }) },
    );
    return fc.record({
      scenario: fc.constant(scenario),
      actions: fc.array(action, { maxLength: 80 }),
    });
  });

function start({
  ids,
  mode,
  shuffle,
  seed,
}: {
  ids: string[];
  mode: Mode;
  shuffle: boolean;
  seed: number;
}) {
  return createSession(
    level(
      mode,
      ids.map((id, i) => post(id, i % 2 === 0 ? ['nationalism'] : [], i % 3 === 0)),
      shuffle,
    ),
    TACTICS,
    seed,
  );
}

describe('reduce: properties', () => {
  it('never throws and keeps every invariant under any action sequence', () => {
    fc.assert(
      fc.property(scenarioArb, ({ scenario, actions }) => {
        let state = start(scenario);
        const order = [...state.order];
        for (const action of actions) {
          const reason = rejectReason(state, action);
          const next = reduce(state, action);
          if (reason !== null) {
            // Rejected: the identical object, so renderers can skip work.
            expect(next).toBe(state);
            continue;
          }
          expect(next).not.toBe(state);

          // The feed order never changes.
          expect(next.order).toEqual(order);
          // Answers only for posts in the order, and an answer never changes.
          for (const id of Object.keys(next.answers)) expect(order).toContain(id);
          for (const id of Object.keys(state.answers)) {
            expect(next.answers[id]).toBe(state.answers[id]);
          }
          // At most one new answer per action, and only on flag / pass.
          const added = Object.keys(next.answers).length - Object.keys(state.answers).length;
          expect(added).toBe(action.type === 'flag' || action.type === 'pass' ? 1 : 0);
          // Finished only when every post has an answer and no feedback is showing.
          if (next.finished) {
            for (const id of order) expect(hasOwn(next.answers, id)).toBe(true);
            expect(next.feedbackPostId).toBeNull();
            expect(next.openPostId).toBeNull();
          }
          // Once every post is answered and no feedback is left, the session is finished.
          if (order.every((id) => hasOwn(next.answers, id)) && next.feedbackPostId === null) {
            expect(next.finished).toBe(true);
          }
          // The open post is a known, unanswered post.
          if (next.openPostId !== null) {
            expect(order).toContain(next.openPostId);
            expect(hasOwn(next.answers, next.openPostId)).toBe(false);
          }
          // The draft only holds known tactics, without duplicates, in display order.
          const positions = next.draft.tactics.map((id) => next.tacticIds.indexOf(id));
          expect(positions.every((p) => p >= 0)).toBe(true);
          expect(positions).toEqual([...new Set(positions)].sort((x, y) => x - y));
          // Feedback: after each decision with immediate feedback (Learn, Challenge), never
          // with feedback at the end (Exam).
          const immediate = next.rules.feedback === 'immediate';
          if (action.type === 'flag' || action.type === 'pass') {
            const decided = state.openPostId as string;
            expect(next.feedbackPostId).toBe(immediate ? decided : null);
            if (action.type === 'flag') expect(next.answers[decided]).toEqual(state.draft);
          }
          if (!immediate) expect(next.feedbackPostId).toBeNull();
          if (next.feedbackPostId !== null) {
            expect(hasOwn(next.answers, next.feedbackPostId)).toBe(true);
          }
          state = next;
        }
        // Scoring any reachable state works.
        const truths = new Map<string, PostTruth>();
        for (const [i, id] of scenario.ids.entries()) {
          truths.set(id, { tactics: i % 2 === 0 ? ['nationalism'] : [], lure: i % 3 === 0 });
        }
        const score = scoreSession(state, truths);
        expect(score.posts.length).toBe(answeredCount(state));
        expect(score.points).toBeLessThanOrEqual(score.maxPoints);
      }),
      { numRuns: 200 },
    );
  });

  it('is replayable: same seed and same actions give the same state', () => {
    fc.assert(
      fc.property(scenarioArb, ({ scenario, actions }) => {
        const first = run(start(scenario), actions);
        const second = run(start(scenario), actions);
        expect(second).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it('a player who always decides the next post finishes after exactly one decision per post', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.boolean(), { maxLength: 6 }), ({ scenario }, flags) => {
        let state = start(scenario);
        let decisions = 0;
        for (let id = nextUnanswered(state); id !== null; id = nextUnanswered(state)) {
          expect(state.finished).toBe(false);
          state = reduce(state, { type: 'open', postId: id });
          expect(state.openPostId).toBe(id);
          if (flags[decisions]) {
            state = run(state, [
              { type: 'toggleTactic', tacticId: 'nationalism' },
              { type: 'flag' },
            ]);
          } else {
            state = reduce(state, { type: 'pass' });
          }
          decisions++;
          if (state.rules.feedback === 'immediate') {
            expect(state.feedbackPostId).toBe(id);
            expect(state.finished).toBe(false);
            state = reduce(state, { type: 'continue' });
          } else {
            expect(state.feedbackPostId).toBeNull();
          }
        }
        expect(decisions).toBe(scenario.ids.length);
        expect(state.finished).toBe(true);
        expect(answeredCount(state)).toBe(scenario.ids.length);
      }),
      { numRuns: 100 },
    );
  });
});
