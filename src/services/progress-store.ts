import {
  type LoadedProgress,
  type Progress,
  parseProgress,
  serializeProgress,
} from '../core/progress';
import type { KeyValueStore } from './storage';

export const PROGRESS_KEY = 'flag-the-feed:progress';
export const CORRUPT_PROGRESS_KEY = 'flag-the-feed:progress:unreadable';

export interface ProgressStore {
  progress: Progress;
  /** What happened on load, for the title screen to tell the player. */
  loaded: LoadedProgress['status'];
  /** false when the last save could not be written. */
  save(progress: Progress): boolean;
}

/** Loads progress; an unreadable save is kept aside (never silently wiped) and reported. */
export function openProgressStore(store: KeyValueStore): ProgressStore {
  const text = store.get(PROGRESS_KEY);
  const loaded = parseProgress(text);
  if ((loaded.status === 'corrupt' || loaded.status === 'too-new') && text !== null) {
    store.set(CORRUPT_PROGRESS_KEY, text);
    console.warn(
      `Flag the Feed: saved progress could not be read (${loaded.reason}); kept aside as ${CORRUPT_PROGRESS_KEY}.`,
    );
  }
  const state: ProgressStore = {
    progress: loaded.progress,
    loaded: loaded.status,
    save(progress) {
      state.progress = progress;
      return store.set(PROGRESS_KEY, serializeProgress(progress));
    },
  };
  return state;
}
