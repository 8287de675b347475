/**
 * Which play session is current, and the one place that starts, resumes, ends and
 * joins (a workshop's) sessions: scenes call these, nothing else sets the session.
 * Whoever needs to know (an LMS reporter, say) listens with `onPlayStarted` and
 * `onPlayFinished` instead of reaching into a scene.
 */
import type { Level } from '../core/level/schema';
import type { Mode } from '../core/mode-names';
import { type SessionSetup, startingSetup } from '../core/modes';
import { seedFromText } from '../core/random';
import { restoreSession } from '../core/resume';
import type { Translator } from './i18n';
import { Play } from './play';
import { readPreference } from './preferences';
import type { ProgressStore } from './progress-store';
import type { ResumeStore } from './resume-store';
import type { KeyValueStore } from './storage';

/** What the scenes need from a workshop; the rest lives in the lazily loaded workshop chunk. */
export interface WorkshopRun {
  /** Mode, feedback timing and time limit every workshop level starts with. */
  readonly sessionSetup: SessionSetup;
  levelStarted(): void;
  /** Puts the workshop's own actions (next level, finish) where the debrief's would be. */
  debriefActions(actions: HTMLElement, play: Play, openLevel: (levelId: string) => void): void;
}

/** The game's settings a session is set up from (the GameContext holds them). */
export interface SessionHost {
  readonly progress: ProgressStore;
  readonly resume: ResumeStore;
  readonly translator: Pick<Translator, 'language'>;
  readonly store: KeyValueStore;
  mode: Mode;
  allUnlocked: boolean;
  sessionSetup: SessionSetup | null;
  fixedSeed: number | null;
  workshop: WorkshopRun | null;
}

/** How `playLevel` found the session: still in hand, resumed after a reload, or new. */
export type PlayStart = 'kept' | 'resumed' | 'new';

export interface PlayInHand {
  play: Play;
  start: PlayStart;
  /** A save for this level existed but could not be replayed (it was discarded). */
  resumeFailed: boolean;
}

export type PlayStartedListener = (play: Play, start: 'resumed' | 'new') => void;
export type PlayFinishedListener = (play: Play) => void;

export class PlaySessions {
  private current: Play | null = null;
  private readonly started = new Set<PlayStartedListener>();
  private readonly finished = new Set<PlayFinishedListener>();

  /** `host` is read when a session starts, so it may be the context that holds this. */
  constructor(private readonly host: () => SessionHost) {}

  /** The session being played or just finished (the debrief shows it); null when none. */
  get play(): Play | null {
    return this.current;
  }

  /**
   * The session for this level: the unfinished one in hand, else the one saved for a
   * reload, else a new one.
   */
  playLevel(level: Level, tacticIds: readonly string[]): PlayInHand {
    const current = this.current;
    if (current && current.level.id === level.id && !current.state.finished)
      return { play: current, start: 'kept', resumeFailed: false };
    const resumed = this.resumePlay(level, tacticIds);
    if (resumed instanceof Play) return { play: resumed, start: 'resumed', resumeFailed: false };
    return {
      play: this.startPlay(level, tacticIds),
      start: 'new',
      resumeFailed: resumed === 'failed',
    };
  }

  /**
   * Replays the session saved for this level. 'none' when none was saved for it;
   * 'failed' when it could not be replayed, and then it is discarded with its problem.
   */
  resumePlay(level: Level, tacticIds: readonly string[]): Play | 'none' | 'failed' {
    const { resume, progress } = this.host();
    const pending = resume.pending;
    if (pending?.levelId !== level.id) return 'none';
    const restored = restoreSession(pending, level, tacticIds);
    if (!('state' in restored)) {
      resume.discard(restored.problem);
      return 'failed';
    }
    const play = new Play(level, tacticIds, pending.seed, progress, {
      restored,
      resume,
      language: this.language(),
    });
    this.begin(play, 'resumed');
    return play;
  }

  /** A new session with the level list's mode and timer, or the workshop's setup. */
  startPlay(level: Level, tacticIds: readonly string[]): Play {
    const host = this.host();
    const timer = readPreference(host.store, 'timer');
    const setup = startingSetup(host.mode, level.posts.length, timer, host.sessionSetup);
    const seed = host.fixedSeed ?? seedFromText(`${level.id}:${Date.now()}:${Math.random()}`);
    const play = new Play(level, tacticIds, seed, host.progress, {
      setup,
      resume: host.resume,
      language: this.language(),
    });
    host.workshop?.levelStarted();
    this.begin(play, 'new');
    return play;
  }

  /** No session in hand (play again, back to the title after an error). */
  endPlay(): void {
    this.current = null;
  }

  /** Throws away the level's unfinished session, in hand and saved, to start it anew. */
  abandonPlay(levelId: string): void {
    const current = this.current;
    if (current?.level.id === levelId && !current.state.finished) this.current = null;
    this.host().resume.forget(levelId);
  }

  /**
   * From a workshop link: its levels are all open, each starts with the workshop's
   * setup, and everyone in it sees the same feed order.
   */
  joinWorkshop(run: WorkshopRun, seed: string): void {
    const host = this.host();
    host.workshop = run;
    host.allUnlocked = true;
    host.sessionSetup = run.sessionSetup;
    host.fixedSeed = seedFromText(seed);
  }

  /** Called for every session started or resumed; returns the unsubscriber. */
  onPlayStarted(listener: PlayStartedListener): () => void {
    this.started.add(listener);
    return () => this.started.delete(listener);
  }

  /** Called once per session, when the core says it is finished and its result is saved. */
  onPlayFinished(listener: PlayFinishedListener): () => void {
    this.finished.add(listener);
    return () => this.finished.delete(listener);
  }

  private language(): () => string {
    const { translator } = this.host();
    return () => translator.language();
  }

  private begin(play: Play, start: 'resumed' | 'new'): void {
    this.current = play;
    const stop = play.subscribe((state) => {
      if (!state.finished) return;
      stop();
      for (const listener of this.finished) listener(play);
    });
    for (const listener of this.started) listener(play, start);
  }
}
