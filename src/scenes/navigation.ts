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

/** Scene event: the scene has drawn what it shows (not its "Loading…" notice). */
export const SCENE_BUILT = 'scene-built';

/** Scenes whose code is a chunk of its own, until it has loaded and been added. */
const loadingScenes = new Map<string, Promise<void>>();

/**
 * Adds a scene whose code loads in its own chunk, so the JS the title waits for stays
 * small. Moving to it before it has loaded waits for it (see sceneReady).
 */
export function addLazyScene(
  game: Phaser.Game,
  key: string,
  load: () => Promise<Phaser.Types.Scenes.SceneType>,
): void {
  loadingScenes.set(
    key,
    load().then((scene) => {
      game.scene.add(key, scene);
      loadingScenes.delete(key);
    }),
  );
}

/** Resolves once the scene can start: at once unless its chunk is still loading. */
export function sceneReady(key: string): Promise<void> {
  return loadingScenes.get(key) ?? Promise.resolve();
}

/** Stops whatever runs and starts the entry's scene (once its code has loaded). */
export function showEntry(game: Phaser.Game, entry: SceneEntry): void {
  const loading = loadingScenes.get(entry.scene);
  if (loading) {
    // A failed chunk rejects here and reaches the error screen as an unhandled rejection.
    void loading.then(() => showEntry(game, entry));
    return;
  }
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
