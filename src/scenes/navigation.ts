/**
 * Moving between scenes, kept in the browser's history so the Back and Forward
 * buttons (and the Android back gesture) move through the game instead of leaving it.
 */
import type Phaser from 'phaser';

export interface SceneEntry {
  scene: string;
  data?: { levelId?: string };
}

const SCENES = new Set(['title', 'levels', 'feed', 'debrief']);

/** The entry stored in history.state, or null when the state is not ours. */
export function entryFrom(state: unknown): SceneEntry | null {
  if (typeof state !== 'object' || state === null) return null;
  const { scene, data } = state as { scene?: unknown; data?: unknown };
  if (typeof scene !== 'string' || !SCENES.has(scene)) return null;
  const levelId = (data as { levelId?: unknown } | undefined)?.levelId;
  return typeof levelId === 'string' ? { scene, data: { levelId } } : { scene };
}

/** Stops whatever runs and starts the entry's scene. */
export function showEntry(game: Phaser.Game, entry: SceneEntry): void {
  // Every other scene, not only the running ones: at boot the title is still pending.
  for (const scene of game.scene.getScenes(false)) {
    if (scene.sys.settings.key !== entry.scene) game.scene.stop(scene.sys.settings.key);
  }
  const target = game.scene.getScene(entry.scene);
  // Stop-then-start of the same scene in one tick can leave it stopped: restart it instead.
  if (target?.sys.isActive()) target.scene.restart(entry.data);
  else game.scene.start(entry.scene, entry.data);
}

/** Records a move the player made, so Back returns to where they were. */
export function recordEntry(entry: SceneEntry, replace = false): void {
  if (replace) history.replaceState(entry, '');
  else history.pushState(entry, '');
}
