/**
 * A play session as a reducer: (state, action) -> state. Scenes dispatch actions and
 * render the state; every rule about what may happen next lives here.
 */

import type { Level, Mode } from './level/schema';
import { seededShuffle } from './random';
import { type Answer, isFlagged, type PostTruth, type Score, scoreAnswers } from './scoring';
import { LURE_ID } from './taxonomy';

export interface SessionState {
  levelId: string;
  mode: Mode;
  seed: number;
  /** Post ids in feed order. */
  order: string[];
  /** Tactic ids the player may choose from, in display order. */
  tacticIds: string[];
  answers: Record<string, Answer>;
  /** Post ids in the order the player decided them (streaks count back from the end). */
  decided: string[];
  openPostId: string | null;
  draft: Answer;
  /** In learn mode, the post whose feedback is on screen until the player continues. */
  feedbackPostId: string | null;
  finished: boolean;
}

export type SessionAction =
  | { type: 'open'; postId: string }
  | { type: 'close' }
  | { type: 'toggleTactic'; tacticId: string }
  | { type: 'toggleLure' }
  | { type: 'flag' }
  | { type: 'pass' }
  | { type: 'continue' };

export function createSession(
  level: Pick<Level, 'id' | 'mode' | 'shuffle' | 'posts'>,
  tacticIds: readonly string[],
  seed: number,
  mode: Mode = level.mode,
): SessionState {
  const ids = level.posts.map((post) => post.id);
  return {
    levelId: level.id,
    mode,
    seed,
    order: level.shuffle ? seededShuffle(ids, seed) : ids,
    tacticIds: [...tacticIds],
    answers: {},
    decided: [],
    openPostId: null,
    draft: { tactics: [], lure: false },
    feedbackPostId: null,
    finished: false,
  };
}

/** Why the action cannot apply now, or null when it can. */
export function rejectReason(state: SessionState, action: SessionAction): string | null {
  if (state.finished) return 'finished';
  const open = state.openPostId;
  switch (action.type) {
    case 'open':
      if (state.feedbackPostId) return 'feedback-showing';
      if (!state.order.includes(action.postId)) return 'unknown-post';
      if (answerFor(state, action.postId)) return 'already-answered';
      return null;
    case 'close':
      return open && !state.feedbackPostId ? null : 'nothing-open';
    case 'toggleTactic':
      if (!open || state.feedbackPostId) return 'nothing-open';
      return state.tacticIds.includes(action.tacticId) ? null : 'unknown-tactic';
    case 'toggleLure':
    case 'pass':
      return open && !state.feedbackPostId ? null : 'nothing-open';
    case 'flag':
      if (!open || state.feedbackPostId) return 'nothing-open';
      return isFlagged(state.draft) ? null : 'empty-flag';
    case 'continue':
      return state.feedbackPostId ? null : 'no-feedback';
  }
}

export function reduce(state: SessionState, action: SessionAction): SessionState {
  if (rejectReason(state, action) !== null) return state;
  switch (action.type) {
    case 'open':
      return { ...state, openPostId: action.postId, draft: { tactics: [], lure: false } };
    case 'close':
      return { ...state, openPostId: null, draft: { tactics: [], lure: false } };
    case 'toggleTactic': {
      const chosen = state.draft.tactics.includes(action.tacticId)
        ? state.draft.tactics.filter((id) => id !== action.tacticId)
        : // Keep the display order so answers compare and export predictably.
          state.tacticIds.filter(
            (id) => id === action.tacticId || state.draft.tactics.includes(id),
          );
      return { ...state, draft: { ...state.draft, tactics: chosen } };
    }
    case 'toggleLure':
      return { ...state, draft: { ...state.draft, lure: !state.draft.lure } };
    case 'flag':
      return decide(state, state.draft);
    case 'pass':
      return decide(state, { tactics: [], lure: false });
    case 'continue':
      return finishIfDone({ ...state, feedbackPostId: null });
  }
}

function decide(state: SessionState, answer: Answer): SessionState {
  const postId = state.openPostId as string;
  const next: SessionState = {
    ...state,
    answers: { ...state.answers, [postId]: answer },
    decided: [...state.decided, postId],
    openPostId: null,
    draft: { tactics: [], lure: false },
    feedbackPostId: state.mode === 'learn' ? postId : null,
  };
  return next.feedbackPostId ? next : finishIfDone(next);
}

/**
 * The player's answer to a post, if any. Own properties only: a post id such as
 * 'constructor' (valid under the level schema) must not find Object.prototype's member.
 */
function answerFor(state: SessionState, postId: string): Answer | undefined {
  return Object.hasOwn(state.answers, postId) ? state.answers[postId] : undefined;
}

function finishIfDone(state: SessionState): SessionState {
  const done = state.order.every((id) => answerFor(state, id));
  return done ? { ...state, finished: true } : state;
}

/** The first post in feed order still waiting for a decision. */
export function nextUnanswered(state: SessionState): string | null {
  return state.order.find((id) => !answerFor(state, id)) ?? null;
}

export function answeredCount(state: SessionState): number {
  return state.order.filter((id) => answerFor(state, id)).length;
}

/** Scores the answered posts against the level's truth. */
export function scoreSession(state: SessionState, truths: ReadonlyMap<string, PostTruth>): Score {
  const items = state.order.flatMap((postId) => {
    const answer = answerFor(state, postId);
    const truth = truths.get(postId);
    return answer && truth ? [{ postId, answer, truth }] : [];
  });
  return scoreAnswers(items, state.tacticIds);
}

export type Verdict = 'right' | 'missed' | 'wrong';

export interface PostFeedback {
  correct: boolean;
  /** Each tactic (or 'lure') the player chose or should have chosen. */
  items: { id: string; verdict: Verdict }[];
}

/** What the player got right, missed or chose wrongly on one post. */
export function feedbackFor(answer: Answer, truth: PostTruth): PostFeedback {
  const items: { id: string; verdict: Verdict }[] = [];
  const ids = new Set([...truth.tactics, ...answer.tactics]);
  for (const id of ids) {
    const chosen = answer.tactics.includes(id);
    const real = truth.tactics.includes(id);
    items.push({ id, verdict: chosen && real ? 'right' : real ? 'missed' : 'wrong' });
  }
  if (answer.lure || truth.lure) {
    items.push({
      id: LURE_ID,
      verdict: answer.lure && truth.lure ? 'right' : truth.lure ? 'missed' : 'wrong',
    });
  }
  const flaggedRight = isFlagged(answer) === (truth.tactics.length > 0 || truth.lure);
  return { correct: flaggedRight, items };
}

/**
 * Every way a session state could be inconsistent, in words; empty for a sound state.
 * The reducer never produces such a state; tests (the monkey test above all) check
 * that nothing else does either.
 */
export function sessionProblems(state: SessionState): string[] {
  const problems: string[] = [];
  const inFeed = new Set(state.order);
  const tactics = new Set(state.tacticIds);
  if (inFeed.size !== state.order.length) problems.push('the feed lists a post twice');
  for (const [postId, answer] of Object.entries(state.answers)) {
    if (!inFeed.has(postId)) problems.push(`answer for a post not in the feed: ${postId}`);
    for (const id of answer.tactics) {
      if (!tactics.has(id)) problems.push(`answer to ${postId} names an unknown tactic: ${id}`);
    }
  }
  const answered = (postId: string) => Object.hasOwn(state.answers, postId);
  if (state.openPostId !== null) {
    if (!inFeed.has(state.openPostId))
      problems.push(`open post not in the feed: ${state.openPostId}`);
    if (answered(state.openPostId))
      problems.push(`open post already answered: ${state.openPostId}`);
    if (state.feedbackPostId !== null) problems.push('a post is open while feedback shows');
  }
  if (state.feedbackPostId !== null) {
    if (state.mode !== 'learn') problems.push(`feedback shown in ${state.mode} mode`);
    if (!answered(state.feedbackPostId))
      problems.push(`feedback for an unanswered post: ${state.feedbackPostId}`);
  }
  const decided = new Set(state.decided);
  if (decided.size !== state.decided.length) problems.push('a post was decided twice');
  if (
    state.decided.length !== Object.keys(state.answers).length ||
    !state.decided.every(answered)
  ) {
    problems.push('the decision order does not match the answers');
  }
  for (const id of state.draft.tactics) {
    if (!tactics.has(id)) problems.push(`draft names an unknown tactic: ${id}`);
  }
  if (new Set(state.draft.tactics).size !== state.draft.tactics.length)
    problems.push('draft names a tactic twice');
  const allAnswered = state.order.every(answered);
  if (state.finished !== (allAnswered && state.feedbackPostId === null)) {
    problems.push(
      state.finished
        ? 'finished with posts or feedback left'
        : 'every post answered but not finished',
    );
  }
  return problems;
}

/**
 * How many decisions in a row were right (a manipulative post flagged or a genuine
 * one passed), counting back from the latest. Streaks are for game feel; the score
 * does not use them.
 */
export function currentStreak(state: SessionState, truths: ReadonlyMap<string, PostTruth>): number {
  let streak = 0;
  for (let i = state.decided.length - 1; i >= 0; i--) {
    const postId = state.decided[i] as string;
    const answer = state.answers[postId];
    const truth = truths.get(postId);
    if (!answer || !truth || !feedbackFor(answer, truth).correct) break;
    streak++;
  }
  return streak;
}
