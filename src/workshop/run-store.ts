/**
 * The student's workshop run in the browser store, under one key written in one call
 * (never half-written). A run that cannot be read is kept aside and reported, never
 * thrown or silently wiped; another workshop's run is left alone until this workshop's
 * run replaces it.
 */
import { type LoadedRun, parseRun, type SavedRun, serializeRun } from '../core/workshop/saved-run';
import type { WorkshopSetup } from '../core/workshop/setup';
import type { KeyValueStore } from '../services/storage';

export const WORKSHOP_RUN_KEY = 'flag-the-feed:workshop';
export const UNREADABLE_WORKSHOP_RUN_KEY = 'flag-the-feed:workshop:unreadable';

export function loadSavedRun(store: KeyValueStore, setup: WorkshopSetup): LoadedRun {
  const text = store.get(WORKSHOP_RUN_KEY);
  const loaded = parseRun(text, setup);
  if ((loaded.status === 'unreadable' || loaded.status === 'too-new') && text !== null) {
    store.set(UNREADABLE_WORKSHOP_RUN_KEY, text);
    store.remove(WORKSHOP_RUN_KEY);
    console.warn(
      `Flag the Feed: the saved workshop run could not be read (${loaded.reason}); kept aside as ${UNREADABLE_WORKSHOP_RUN_KEY}.`,
    );
  }
  return loaded;
}

/** false when the browser could not store it (full or blocked). */
export function saveRun(store: KeyValueStore, run: SavedRun): boolean {
  return store.set(WORKSHOP_RUN_KEY, serializeRun(run));
}

export function clearSavedRun(store: KeyValueStore): void {
  store.remove(WORKSHOP_RUN_KEY);
}
