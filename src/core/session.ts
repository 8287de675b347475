/**
 * A play session as a reducer: (state, action) -> state. Scenes dispatch actions and
 * render the state; every rule about what may happen next lives here.
 */

import { type Check, checksFor, investigationBudget, MAX_SENTENCES } from './investigation';
import type { Level, Mode } from './level/schema';
import { type ModeRules, rulesFor, type SessionSetup, streakBonusFor, timeBonusFor } from './modes';
import { seededShuffle } from './random';
import {
  type Answer,
  countUnreached,
  isFlagged,
  outcomeOf,
  type PostTruth,
  type Score,
  scoreAnswers,
} from './scoring';
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
  /** With immediate feedback, the post whose feedback is on screen until the player continues. */
  feedbackPostId: string | null;
  finished: boolean;
  /** Checks the player may still run in this level (see investigation.ts). */
  checksLeft: number;
  /** The checks each post offers, fixed when the session starts. */
  checksOffered: Record<string, readonly Check[]>;
  /** The checks run on each post, in the order they were run. */
  checksRun: Record<string, Check[]>;
  /** The mode's rules (see modes.ts), fixed when the session starts. */
  rules: ModeRules;
  /** Playing time so far, from `tick` actions (the core never reads a clock). */
  elapsedMs: number;
  /** The time limit ran out before every post was decided. */
  timedOut: boolean;
}

export type SessionAction =
  | { type: 'open'; postId: string }
  | { type: 'close' }
  | { type: 'toggleTactic'; tacticId: string }
  | { type: 'toggleLure' }
  | { type: 'flag' }
  | { type: 'pass' }
  | { type: 'continue' }
  | { type: 'investigate'; check: Check }
  /** Marks or unmarks one sentence of the open post's text as evidence. */
  | { type: 'toggleEvidence'; sentence: number }
  /** ms of playing time since the last tick; the scene sends them, paused while feedback shows. */
  | { type: 'tick'; ms: number };

/**
 * A new session. The fourth argument is a mode (its preset rules) or a setup: a mode
 * plus overrides of feedback timing, time limit and bonuses (e.g. a workshop's Exam
 * with a timer). Without it the level's own mode applies.
 */
export function createSession(
  level: Pick<Level, 'id' | 'mode' | 'shuffle' | 'posts'> &
    Partial<Pick<Level, 'investigationBudget'>>,
  tacticIds: readonly string[],
  seed: number,
  setup: Mode | SessionSetup = level.mode,
): SessionState {
  const ids = level.posts.map((post) => post.id);
  const options = typeof setup === 'string' ? { mode: setup } : setup;
  const mode = options.mode ?? level.mode;
  return {
    levelId: level.id,
    mode,
    rules: rulesFor(mode, ids.length, options),
    elapsedMs: 0,
    timedOut: false,
    seed,
    order: level.shuffle ? seededShuffle(ids, seed) : ids,
    tacticIds: [...tacticIds],
    answers: {},
    decided: [],
    openPostId: null,
    draft: { tactics: [], lure: false },
    feedbackPostId: null,
    finished: false,
    checksLeft: investigationBudget(level),
    checksOffered: Object.fromEntries(level.posts.map((post) => [post.id, checksFor(post)])),
    checksRun: {},
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
    case 'investigate':
      return investigateRejectReason(state, action.check);
    case 'toggleEvidence':
      if (!open || state.feedbackPostId) return 'nothing-open';
      return Number.isInteger(action.sentence) &&
        action.sentence >= 0 &&
        action.sentence < MAX_SENTENCES
        ? null
        : 'unknown-sentence';
    case 'tick':
      if (!(Number.isFinite(action.ms) && action.ms > 0)) return 'bad-time';
      return state.feedbackPostId ? 'feedback-showing' : null;
  }
}

/** Why this check cannot run on the open post now: nothing open, not offered, done, or no budget. */
function investigateRejectReason(state: SessionState, check: Check): string | null {
  const open = state.openPostId;
  if (!open || state.feedbackPostId) return 'nothing-open';
  if (!ownValue(state.checksOffered, open)?.includes(check)) return 'check-unavailable';
  if (ownValue(state.checksRun, open)?.includes(check)) return 'already-checked';
  return state.checksLeft > 0 ? null : 'budget-spent';
}

function investigate(state: SessionState, check: Check): SessionState {
  const postId = state.openPostId as string;
  return {
    ...state,
    checksLeft: state.checksLeft - 1,
    checksRun: {
      ...state.checksRun,
      [postId]: [...(ownValue(state.checksRun, postId) ?? []), check],
    },
  };
}

function toggleEvidence(state: SessionState, sentence: number): SessionState {
  const marked = state.draft.evidence ?? [];
  const evidence = marked.includes(sentence)
    ? marked.filter((index) => index !== sentence)
    : [...marked, sentence].sort((a, b) => a - b);
  return { ...state, draft: { ...state.draft, evidence } };
}

/** The checks run on a post so far (none for an unknown post id). */
export function checksRunOn(state: SessionState, postId: string): readonly Check[] {
  return ownValue(state.checksRun, postId) ?? [];
}

/** Own properties only, as with answers: a post id may be 'constructor'. */
function ownValue<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
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
    case 'investigate':
      return investigate(state, action.check);
    case 'toggleEvidence':
      return toggleEvidence(state, action.sentence);
    case 'tick':
      return tick(state, action.ms);
  }
}

/** Time passes; when the limit runs out the session ends with the posts left undecided. */
function tick(state: SessionState, ms: number): SessionState {
  const limitMs =
    state.rules.timeLimitSeconds === null ? null : state.rules.timeLimitSeconds * 1000;
  const elapsedMs = state.elapsedMs + ms;
  if (limitMs === null || elapsedMs < limitMs) return { ...state, elapsedMs };
  return {
    ...state,
    elapsedMs: limitMs,
    timedOut: true,
    finished: true,
    openPostId: null,
    draft: { tactics: [], lure: false },
  };
}

/** Seconds left on the timer, or null when the session is untimed. */
export function secondsLeft(state: SessionState): number | null {
  const limit = state.rules.timeLimitSeconds;
  return limit === null ? null : Math.max(0, limit - state.elapsedMs / 1000);
}

function decide(state: SessionState, answer: Answer): SessionState {
  const postId = state.openPostId as string;
  const next: SessionState = {
    ...state,
    answers: { ...state.answers, [postId]: answer },
    decided: [...state.decided, postId],
    openPostId: null,
    draft: { tactics: [], lure: false },
    feedbackPostId: state.rules.feedback === 'immediate' ? postId : null,
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

/**
 * Scores the answered posts against the level's truth. When the timer ran out, the
 * posts left undecided count too: no points, and a manipulative one is a miss.
 */
export function scoreSession(state: SessionState, truths: ReadonlyMap<string, PostTruth>): Score {
  const items = state.order.flatMap((postId) => {
    const answer = answerFor(state, postId);
    const truth = truths.get(postId);
    return answer && truth ? [{ postId, answer, truth }] : [];
  });
  const score = scoreAnswers(items, state.tacticIds);
  if (!state.timedOut) return score;
  const unreached = state.order.flatMap((postId) => {
    const truth = truths.get(postId);
    return !answerFor(state, postId) && truth ? [truth] : [];
  });
  return countUnreached(score, unreached);
}

export interface Bonuses {
  /** Sum over right decisions of 10 x (streak - 1), at most 50 each. */
  streak: number;
  /** For finishing before the timer: seconds left x 2 x share of right decisions. */
  time: number;
  longestStreak: number;
}

/** Challenge bonuses; all zero when the session's rules have no bonuses. */
export function bonusesFor(state: SessionState, truths: ReadonlyMap<string, PostTruth>): Bonuses {
  let streak = 0;
  let longestStreak = 0;
  let streakBonus = 0;
  let right = 0;
  for (const postId of state.decided) {
    const answer = answerFor(state, postId);
    const truth = truths.get(postId);
    if (answer && truth && feedbackFor(answer, truth).correct) {
      streak++;
      right++;
      streakBonus += streakBonusFor(streak);
    } else streak = 0;
    longestStreak = Math.max(longestStreak, streak);
  }
  if (!state.rules.bonuses) return { streak: 0, time: 0, longestStreak };
  const left = secondsLeft(state);
  const time =
    state.finished && !state.timedOut && left !== null && state.order.length > 0
      ? timeBonusFor(left, right / state.order.length)
      : 0;
  return { streak: streakBonus, time, longestStreak };
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
  const outcome = outcomeOf(answer, truth);
  return { correct: outcome === 'hit' || outcome === 'correct-pass', items };
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
    if (state.rules.feedback !== 'immediate') problems.push('feedback shown before the end');
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
  problems.push(...investigationProblems(state));
  const limit = state.rules.timeLimitSeconds;
  if (!(Number.isFinite(state.elapsedMs) && state.elapsedMs >= 0))
    problems.push(`elapsed time is not a time: ${state.elapsedMs}`);
  if (limit !== null && state.elapsedMs > limit * 1000) problems.push('time past the limit');
  if (state.timedOut) {
    if (limit === null || state.elapsedMs < limit * 1000)
      problems.push('timed out before the limit');
    if (state.openPostId !== null || state.feedbackPostId !== null)
      problems.push('a post is still open after the time ran out');
  }
  const allAnswered = state.order.every(answered);
  if (state.finished !== (state.timedOut || (allAnswered && state.feedbackPostId === null))) {
    problems.push(
      state.finished
        ? 'finished with posts or feedback left'
        : 'every post answered but not finished',
    );
  }
  return problems;
}

/** The investigation and evidence parts of sessionProblems. */
function investigationProblems(state: SessionState): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(state.checksLeft) || state.checksLeft < 0)
    problems.push(`checks left is not a count: ${state.checksLeft}`);
  for (const [postId, checks] of Object.entries(state.checksRun)) {
    const offered = ownValue(state.checksOffered, postId) ?? [];
    if (new Set(checks).size !== checks.length) problems.push(`a check ran twice on ${postId}`);
    for (const check of checks) {
      if (!offered.includes(check))
        problems.push(`${check} check ran on ${postId}, which lacks it`);
    }
  }
  const marked = state.draft.evidence ?? [];
  if (new Set(marked).size !== marked.length) problems.push('draft marks a sentence twice');
  if (marked.length > 0 && state.openPostId === null)
    problems.push('evidence marked with no post open');
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
