/**
 * Holds the session being played and hands actions to the core reducer. It decides
 * nothing itself: it stores the state the core returns and records the result when
 * the core says the session is finished.
 */
import type { Level } from '../core/level/schema';
import type { SessionSetup } from '../core/modes';
import { recordResult } from '../core/progress';
import type { PostTruth, Score } from '../core/scoring';
import {
  createSession,
  reduce,
  rejectReason,
  type SessionAction,
  type SessionState,
  scoreSession,
} from '../core/session';
import type { ProgressStore } from './progress-store';

export type PlayListener = (
  state: SessionState,
  action: SessionAction,
  previous: SessionState,
) => void;

export class Play {
  state: SessionState;
  readonly truths: ReadonlyMap<string, PostTruth>;
  private readonly listeners = new Set<PlayListener>();
  private recorded = false;
  /** Set when the finished session's result could not be written to storage. */
  saveFailed = false;

  constructor(
    readonly level: Level,
    tacticIds: readonly string[],
    seed: number,
    private readonly progress: ProgressStore,
    /** Mode and rule overrides (a workshop's), instead of the level's own mode. */
    options: { setup?: SessionSetup } = {},
  ) {
    this.state = createSession(level, tacticIds, seed, options.setup ?? level.mode);
    this.truths = new Map(level.posts.map((post) => [post.id, post.truth]));
  }

  /** Returns why the core refused the action, or null when it was applied. */
  dispatch(action: SessionAction): string | null {
    const reason = rejectReason(this.state, action);
    if (reason !== null) return reason;
    const previous = this.state;
    this.state = reduce(previous, action);
    if (this.state.finished && !this.recorded) {
      this.recorded = true;
      this.saveFailed = !this.progress.save(
        recordResult(this.progress.progress, this.level.id, this.score(), this.level.passMark),
      );
    }
    for (const listener of this.listeners) listener(this.state, action, previous);
    return null;
  }

  score(): Score {
    return scoreSession(this.state, this.truths);
  }

  post(postId: string) {
    return this.level.posts.find((post) => post.id === postId);
  }

  subscribe(listener: PlayListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
