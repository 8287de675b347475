/**
 * A session that can be resumed after the tab closes: the level, seed and rules it
 * started with, plus the actions the player took, saved after each one. Restoring
 * replays the actions through the reducer, so a restored state is one the reducer
 * itself produced: it cannot break an invariant, and actions added later (evidence,
 * investigation) resume without changes here.
 *
 * Ticks are not logged: the playing time is kept as one number and replayed first
 * (it only grows while no feedback shows, and a session past its limit has ended).
 */

import { MODES, type Mode } from './mode-names';
import type { ModeRules } from './modes';
import { isRecord, newerSaveReason, readSavedJson } from './saved-json';
import {
  createSession,
  reduce,
  rejectReason,
  type SessionAction,
  type SessionState,
  sessionProblems,
} from './session';

export const RESUME_VERSION = 1;

export interface ResumeData {
  version: typeof RESUME_VERSION;
  levelId: string;
  seed: number;
  mode: Mode;
  rules: ModeRules;
  elapsedMs: number;
  /** Every accepted action except ticks, in order. */
  actions: SessionAction[];
}

export type LoadedResume =
  | { status: 'none' }
  | { status: 'ok'; resume: ResumeData }
  | { status: 'corrupt' | 'too-new'; reason: string };

/** What to save for a session, given the actions it accepted (ticks are left out). */
export function resumeDataFor(state: SessionState, actions: readonly SessionAction[]): ResumeData {
  return {
    version: RESUME_VERSION,
    levelId: state.levelId,
    seed: state.seed,
    mode: state.mode,
    rules: { ...state.rules },
    elapsedMs: state.elapsedMs,
    actions: actions.filter((action) => action.type !== 'tick'),
  };
}

/** How many posts the saved session had decided: its flag and pass actions. */
export function decisionsIn(resume: Pick<ResumeData, 'actions'>): number {
  return resume.actions.filter((action) => action.type === 'flag' || action.type === 'pass').length;
}

/** Reads saved resume data; never throws. */
export function parseResume(text: string | null): LoadedResume {
  const saved = readSavedJson(text);
  if (saved.status === 'empty') return { status: 'none' };
  if (saved.status === 'not-json') return { status: 'corrupt', reason: saved.reason };
  const data = saved.value;
  if (!isRecord(data) || typeof data.version !== 'number')
    return { status: 'corrupt', reason: 'no version number' };
  if (data.version > RESUME_VERSION)
    return { status: 'too-new', reason: newerSaveReason(data.version) };
  const { levelId, seed, mode, rules, elapsedMs, actions } = data;
  if (typeof levelId !== 'string') return { status: 'corrupt', reason: 'no level id' };
  if (typeof seed !== 'number' || !Number.isInteger(seed))
    return { status: 'corrupt', reason: 'no seed' };
  if (!(MODES as readonly unknown[]).includes(mode))
    return { status: 'corrupt', reason: 'unknown mode' };
  const readRules = readModeRules(rules);
  if (!readRules) return { status: 'corrupt', reason: 'unreadable rules' };
  if (typeof elapsedMs !== 'number' || !Number.isFinite(elapsedMs) || elapsedMs < 0)
    return { status: 'corrupt', reason: 'unreadable playing time' };
  if (
    !Array.isArray(actions) ||
    !actions.every((action) => isRecord(action) && typeof action.type === 'string')
  )
    return { status: 'corrupt', reason: 'unreadable actions' };
  return {
    status: 'ok',
    resume: {
      version: RESUME_VERSION,
      levelId,
      seed,
      mode: mode as Mode,
      rules: readRules,
      elapsedMs,
      actions: actions as SessionAction[],
    },
  };
}

function readModeRules(value: unknown): ModeRules | null {
  if (!isRecord(value)) return null;
  const { feedback, timeLimitSeconds, bonuses, hints } = value;
  if (feedback !== 'immediate' && feedback !== 'end') return null;
  if (typeof bonuses !== 'boolean') return null;
  if (
    timeLimitSeconds !== null &&
    !(
      typeof timeLimitSeconds === 'number' &&
      Number.isFinite(timeLimitSeconds) &&
      timeLimitSeconds > 0
    )
  )
    return null;
  // Data saved before hints existed has none: no hints rather than unreadable data.
  return { feedback, timeLimitSeconds, bonuses, hints: hints === true };
}

/**
 * The session the data describes, replayed on this level, or why it cannot be: a
 * different level, an action this level refuses (its posts changed), an ended session.
 */
export function restoreSession(
  resume: ResumeData,
  level: Parameters<typeof createSession>[0],
  tacticIds: readonly string[],
): { state: SessionState; actions: SessionAction[] } | { problem: string } {
  if (resume.levelId !== level.id) return { problem: `saved for level ${resume.levelId}` };
  try {
    let state = createSession(level, tacticIds, resume.seed, {
      mode: resume.mode,
      ...resume.rules,
    });
    if (resume.elapsedMs > 0) state = reduce(state, { type: 'tick', ms: resume.elapsedMs });
    for (const [index, action] of resume.actions.entries()) {
      const reason = rejectReason(state, action);
      if (reason !== null) return { problem: `action ${index + 1} (${action.type}): ${reason}` };
      state = reduce(state, action);
    }
    const problems = sessionProblems(state);
    if (problems.length > 0) return { problem: problems.join('; ') };
    if (state.finished) return { problem: 'the session had already ended' };
    return { state, actions: [...resume.actions] };
  } catch (error) {
    return { problem: `replay failed (${(error as Error).message})` };
  }
}
