/** Resuming a session after the tab closed: the same post, the same mode, or a clear reason why not. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseResume, RESUME_VERSION, restoreSession, resumeDataFor } from '../../src/core/resume';
import {
  createSession,
  reduce,
  rejectReason,
  type SessionAction,
  type SessionState,
} from '../../src/core/session';

const TACTICS = ['nationalism', 'misinformation'];
const level = {
  id: 'lvl',
  mode: 'learn' as const,
  shuffle: true,
  posts: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id })),
} as unknown as Parameters<typeof createSession>[0];

/** Plays actions, keeping the ones the reducer accepted as the holder (services/play.ts) does. */
function played(start: SessionState, actions: SessionAction[]) {
  let state = start;
  const accepted: SessionAction[] = [];
  for (const action of actions) {
    if (rejectReason(state, action) !== null) continue;
    state = reduce(state, action);
    accepted.push(action);
  }
  return { state, accepted };
}

const roundTrip = (state: SessionState, accepted: SessionAction[]) =>
  parseResume(JSON.stringify(resumeDataFor(state, accepted)));

describe('resume', () => {
  it('brings back the same open post, draft, mode, rules and time', () => {
    const start = createSession(level, TACTICS, 99, { mode: 'challenge', timeLimitSeconds: 300 });
    const [first, second] = start.order as [string, string];
    const { state, accepted } = played(start, [
      { type: 'tick', ms: 4000 },
      { type: 'open', postId: first },
      { type: 'pass' },
      { type: 'continue' },
      { type: 'tick', ms: 2500 },
      { type: 'open', postId: second },
      { type: 'toggleTactic', tacticId: 'misinformation' },
    ]);
    const loaded = roundTrip(state, accepted);
    expect(loaded.status).toBe('ok');
    if (loaded.status !== 'ok') return;
    expect(loaded.resume.actions.some((action) => action.type === 'tick')).toBe(false);
    const restored = restoreSession(loaded.resume, level, TACTICS);
    expect('state' in restored && restored.state).toEqual(state);
    expect(state).toMatchObject({
      openPostId: second,
      mode: 'challenge',
      elapsedMs: 6500,
      draft: { tactics: ['misinformation'] },
    });
  });

  it('property: any session that has not ended restores exactly', () => {
    const action = fc.oneof(
      fc.constantFrom('a', 'b', 'c', 'd', 'e').map((postId) => ({ type: 'open' as const, postId })),
      fc.constantFrom(...TACTICS).map((tacticId) => ({ type: 'toggleTactic' as const, tacticId })),
      fc.constantFrom<SessionAction>(
        { type: 'toggleLure' },
        { type: 'flag' },
        { type: 'pass' },
        { type: 'continue' },
        { type: 'close' },
      ),
      fc.integer({ min: 1, max: 20_000 }).map((ms) => ({ type: 'tick' as const, ms })),
    ) as fc.Arbitrary<SessionAction>;
    fc.assert(
      fc.property(
        fc.constantFrom('learn', 'challenge', 'exam') as fc.Arbitrary<'learn'>,
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(action, { maxLength: 40 }),
        (mode, seed, actions) => {
          const { state, accepted } = played(createSession(level, TACTICS, seed, mode), actions);
          const loaded = roundTrip(state, accepted);
          if (loaded.status !== 'ok') throw new Error(loaded.status);
          const restored = restoreSession(loaded.resume, level, TACTICS);
          if (state.finished)
            expect(restored).toEqual({ problem: 'the session had already ended' });
          else expect('state' in restored && restored.state).toEqual(state);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses data for another level, or actions this level no longer accepts', () => {
    const start = createSession(level, TACTICS, 1, 'exam');
    const { state, accepted } = played(start, [{ type: 'open', postId: 'c' }, { type: 'pass' }]);
    const data = resumeDataFor(state, accepted);
    expect(restoreSession({ ...data, levelId: 'other' }, level, TACTICS)).toEqual({
      problem: 'saved for level other',
    });
    const fewerPosts = { ...level, posts: level.posts.filter((post) => post.id !== 'c') };
    expect(restoreSession(data, fewerPosts, TACTICS)).toEqual({
      problem: 'action 1 (open): unknown-post',
    });
    const tampered = { ...data, actions: [...data.actions, { type: 'warp' } as never] };
    expect(restoreSession(tampered, level, TACTICS)).toMatchObject({
      problem: expect.stringMatching(/action 3 \(warp\)/),
    });
  });

  it.each([
    ['', 'none'],
    ['{"version":1,', 'corrupt'],
    ['[1]', 'corrupt'],
    [`{"version":${RESUME_VERSION + 1}}`, 'too-new'],
    ['{"version":1,"levelId":"lvl","seed":1.5}', 'corrupt'],
    [
      '{"version":1,"levelId":"lvl","seed":1,"mode":"speedrun","rules":{},"elapsedMs":0,"actions":[]}',
      'corrupt',
    ],
    [
      '{"version":1,"levelId":"lvl","seed":1,"mode":"exam","rules":{"feedback":"end","timeLimitSeconds":-4,"bonuses":false},"elapsedMs":0,"actions":[]}',
      'corrupt',
    ],
    [
      '{"version":1,"levelId":"lvl","seed":1,"mode":"exam","rules":{"feedback":"end","timeLimitSeconds":null,"bonuses":false},"elapsedMs":0,"actions":[null]}',
      'corrupt',
    ],
  ])('reads %s as %s, never throwing', (text, status) => {
    expect(parseResume(text).status).toBe(status);
  });

  it('property: never throws on arbitrary JSON or mutated data', () => {
    const start = createSession(level, TACTICS, 3, 'learn');
    const { state, accepted } = played(start, [{ type: 'open', postId: 'a' }, { type: 'pass' }]);
    const good = JSON.stringify(resumeDataFor(state, accepted));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.tuple(fc.nat(), fc.string({ maxLength: 3 })).map(([at, text]) => {
            const i = at % good.length;
            return good.slice(0, i) + text + good.slice(i + 1);
          }),
        ),
        (text) => {
          const loaded = parseResume(text);
          if (loaded.status === 'ok') {
            const restored = restoreSession(loaded.resume, level, TACTICS);
            expect('state' in restored || 'problem' in restored).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads data saved before hints existed, as rules without hints', () => {
    const old =
      '{"version":1,"levelId":"lvl","seed":1,"mode":"learn","rules":{"feedback":"immediate","timeLimitSeconds":null,"bonuses":false},"elapsedMs":0,"actions":[]}';
    const loaded = parseResume(old);
    expect(loaded.status === 'ok' && loaded.resume.rules.hints).toBe(false);
  });
});
