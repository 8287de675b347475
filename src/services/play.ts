/**
 * Holds the session being played and hands actions to the core reducer. It decides
 * nothing itself: it stores the state the core returns, saves what a reload needs to
 * resume it, and records the result when the core says the session is finished.
 */
import { truthsFor } from '../core/investigation';
import type { Level } from '../core/level/schema';
import type { SessionSetup } from '../core/modes';
import {
  examResult,
  type LevelProgress,
  levelProgress,
  recordExam,
  recordResult,
} from '../core/progress';
import { resumeDataFor } from '../core/resume';
import type { PostTruth, Score } from '../core/scoring';
import {
  type Bonuses,
  bonusesFor,
  createSession,
  reduce,
  rejectReason,
  type SessionAction,
  type SessionState,
  scoreSession,
} from '../core/session';
import type { ProgressStore } from './progress-store';
import type { ResumeStore } from './resume-store';

export type PlayListener = (
  state: SessionState,
  action: SessionAction,
  previous: SessionState,
) => void;

/** Playing time between two resume saves while nothing else happens. */
const RESUME_TIME_STEP_MS = 5000;

export interface PlayOptions {
  /** Mode and rule overrides for a new session (ignored when restoring). */
  setup?: SessionSetup;
  /** A session replayed from resume data, and the actions that made it. */
  restored?: { state: SessionState; actions: SessionAction[] };
  resume?: ResumeStore;
  /** When the session finished, for Exam results; Date.now by default. */
  now?: () => number;
  /** The language the player reads: evidence sentences are counted in its text. */
  language?: () => string;
}

/** Told of every Play as it is created (the LMS reporter watches sessions this way). */
const playObservers = new Set<(play: Play) => void>();

export function onPlayCreated(observer: (play: Play) => void): () => void {
  playObservers.add(observer);
  return () => playObservers.delete(observer);
}

export class Play {
  state: SessionState;
  /** The level's saved progress before this session's result, for "last time" on the debrief. */
  readonly before: LevelProgress | undefined;
  private readonly listeners = new Set<PlayListener>();
  private readonly actions: SessionAction[];
  private savedElapsedMs: number;
  private recorded = false;
  /** Set when the finished session's result could not be written to storage. */
  saveFailed = false;

  constructor(
    readonly level: Level,
    tacticIds: readonly string[],
    seed: number,
    private readonly progress: ProgressStore,
    private readonly options: PlayOptions = {},
  ) {
    this.state =
      options.restored?.state ?? createSession(level, tacticIds, seed, options.setup ?? level.mode);
    this.actions = [...(options.restored?.actions ?? [])];
    this.savedElapsedMs = this.state.elapsedMs;
    this.before = levelProgress(progress.progress, level.id);
    for (const observer of playObservers) observer(this);
  }

  private truthCache: { language: string; truths: ReadonlyMap<string, PostTruth> } | null = null;

  /**
   * Each post's truth, with its tell sentences in the language being read now
   * (options.language; English when no language is given).
   */
  get truths(): ReadonlyMap<string, PostTruth> {
    const language = this.options.language?.() ?? 'en';
    if (this.truthCache?.language !== language)
      this.truthCache = { language, truths: truthsFor(this.level, language) };
    return this.truthCache.truths;
  }

  /** Returns why the core refused the action, or null when it was applied. */
  dispatch(action: SessionAction): string | null {
    const reason = rejectReason(this.state, action);
    if (reason !== null) return reason;
    const previous = this.state;
    this.state = reduce(previous, action);
    if (action.type !== 'tick') this.actions.push(action);
    if (this.state.finished && !this.recorded) this.record();
    else this.saveForResume(action);
    for (const listener of this.listeners) listener(this.state, action, previous);
    return null;
  }

  private saveForResume(action: SessionAction): void {
    const resume = this.options.resume;
    if (!resume) return;
    if (action.type === 'tick' && this.state.elapsedMs - this.savedElapsedMs < RESUME_TIME_STEP_MS)
      return;
    this.savedElapsedMs = this.state.elapsedMs;
    resume.save(resumeDataFor(this.state, this.actions));
  }

  private record(): void {
    this.recorded = true;
    this.options.resume?.clear();
    const score = this.score();
    const { level, state } = this;
    const bonuses = this.bonuses();
    let next = recordResult(this.progress.progress, level.id, score, level.passMark, {
      mode: state.mode,
      challengeScore: state.rules.bonuses ? score.points + bonuses.streak + bonuses.time : null,
    });
    // Feedback held to the end (Exam, or a workshop's setup): keep every answer for export.
    if (state.rules.feedback === 'end') {
      const now = (this.options.now ?? Date.now)();
      next = recordExam(next, examResult(level.id, state, score, level.passMark, now));
    }
    this.saveFailed = !this.progress.save(next);
  }

  score(): Score {
    return scoreSession(this.state, this.truths);
  }

  bonuses(): Bonuses {
    return bonusesFor(this.state, this.truths);
  }

  post(postId: string) {
    return this.level.posts.find((post) => post.id === postId);
  }

  subscribe(listener: PlayListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
