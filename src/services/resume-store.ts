/**
 * The unfinished session, saved after every action so a closed tab comes back to the
 * same post in the same mode. Unreadable data is kept aside and reported, never thrown.
 */
import { type LoadedResume, parseResume, type ResumeData } from '../core/resume';
import type { KeyValueStore } from './storage';

export const RESUME_KEY = 'flag-the-feed:session';
export const UNREADABLE_RESUME_KEY = 'flag-the-feed:session:unreadable';

export interface ResumeStore {
  /** The session waiting to be resumed, if any. */
  pending: ResumeData | null;
  /** What happened on load, for the title screen to tell the player. */
  loaded: LoadedResume['status'];
  save(data: ResumeData): void;
  clear(): void;
  /** The pending data could not be replayed on its level: keep it aside and forget it. */
  discard(reason: string): void;
  /** The player starts this level over: its unfinished session goes, nothing is kept aside. */
  forget(levelId: string): void;
}

export function openResumeStore(store: KeyValueStore): ResumeStore {
  const text = store.get(RESUME_KEY);
  const loaded = parseResume(text);
  const keepAside = (reason: string) => {
    const current = store.get(RESUME_KEY);
    if (current !== null) store.set(UNREADABLE_RESUME_KEY, current);
    store.remove(RESUME_KEY);
    console.warn(
      `Flag the Feed: the unfinished level could not be resumed (${reason}); kept aside as ${UNREADABLE_RESUME_KEY}.`,
    );
  };
  if (loaded.status === 'corrupt' || loaded.status === 'too-new') keepAside(loaded.reason);
  const state: ResumeStore = {
    pending: loaded.status === 'ok' ? loaded.resume : null,
    loaded: loaded.status,
    save(data) {
      state.pending = data;
      store.set(RESUME_KEY, JSON.stringify(data));
    },
    clear() {
      state.pending = null;
      store.remove(RESUME_KEY);
    },
    discard(reason) {
      keepAside(reason);
      state.pending = null;
    },
    forget(levelId) {
      if (state.pending?.levelId === levelId) state.clear();
    },
  };
  return state;
}
