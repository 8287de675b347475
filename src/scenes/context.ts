/** What every scene needs, wired once in main.ts and shared through the game registry. */
import type Phaser from 'phaser';
import type { AccessibleLayer } from '../a11y/layer';
import type { Mode } from '../core/level/schema';
import type { SessionSetup } from '../core/modes';
import type { AudioService } from '../services/audio';
import type { Content } from '../services/content';
import type { Translator } from '../services/i18n';
import type { Play } from '../services/play';
import type { PlaySessions, WorkshopRun } from '../services/play-session';
import type { ProgressStore } from '../services/progress-store';
import type { ResumeStore } from '../services/resume-store';
import type { KeyValueStore } from '../services/storage';

export interface GameContext {
  translator: Translator;
  /**
   * The levels and taxonomy. They load while Phaser boots, since the title needs none:
   * reading this before `hasContent()` throws (BaseScene makes scenes wait for it).
   */
  content: Content;
  hasContent(): boolean;
  /** Resolves when `content` can be read; rejects when the levels could not load. */
  contentReady: Promise<Content>;
  /**
   * What a feed needs to play one level: the campaign once loaded; before that, with
   * ?level=, the taxonomy and that level alone, which load first. Null until either.
   */
  levelContent(levelId: string): Content | null;
  /** Resolves when `levelContent(levelId)` can hold the level (it may still lack it). */
  levelReady(levelId: string): Promise<unknown>;
  progress: ProgressStore;
  /** The unfinished session a reload can resume. */
  resume: ResumeStore;
  /** The mode the level list starts levels in (saved; see services/preferences.ts). */
  mode: Mode;
  /** Every level open regardless of progress (a workshop link sets this). */
  allUnlocked: boolean;
  /**
   * When set (a workshop link), every level starts with this setup (mode, feedback
   * timing, time limit) instead of the level list's mode and the player's timer setting.
   */
  sessionSetup: SessionSetup | null;
  audio: AudioService;
  layer: AccessibleLayer;
  store: KeyValueStore;
  /** From ?seed=: fixes feed order for tests and workshops; otherwise random per session. */
  fixedSeed: number | null;
  /** The session being played or just finished: `sessions.play`, read-only here. */
  readonly play: Play | null;
  /** Starts, resumes, ends and joins sessions: the only writer of `play`. */
  sessions: PlaySessions;
  /** Set when the player joined a workshop from a `?workshop=` link (see src/workshop/). */
  workshop: WorkshopRun | null;
}

export function contextOf(scene: Phaser.Scene): GameContext {
  return scene.game.registry.get('context') as GameContext;
}
