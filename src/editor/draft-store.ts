/**
 * Drafts in localStorage, one key each (see core/editor/drafts.ts). Where the browser
 * keeps nothing (private mode, blocked storage) they live in memory for this tab and
 * the editor says so; a full storage is reported on the save that failed.
 */
import {
  type Draft,
  draftKey,
  listDrafts,
  parseDraft,
  serializeDraft,
} from '../core/editor/drafts';

export type SaveResult = 'saved' | 'full' | 'unavailable';

export interface DraftStore {
  readonly persistent: boolean;
  list(): ReturnType<typeof listDrafts>;
  load(id: string): Draft | null;
  save(draft: Draft): SaveResult;
  remove(id: string): void;
}

function localStorageOrNull(): Storage | null {
  try {
    const storage = window.localStorage;
    storage.getItem('__ftf_probe__');
    return storage;
  } catch {
    return null;
  }
}

export function openDraftStore(): DraftStore {
  const storage = localStorageOrNull();
  const memory = new Map<string, string>();
  const entries = (): [string, string | null][] => {
    if (!storage) return [...memory];
    const found: [string, string | null][] = [];
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      if (key !== null) found.push([key, storage.getItem(key)]);
    }
    return found;
  };
  return {
    persistent: storage !== null,
    list: () => listDrafts(entries()),
    load: (id) =>
      parseDraft(storage ? storage.getItem(draftKey(id)) : (memory.get(draftKey(id)) ?? null)),
    save(draft) {
      const text = serializeDraft(draft);
      memory.set(draftKey(draft.id), text);
      if (!storage) return 'unavailable';
      try {
        storage.setItem(draftKey(draft.id), text);
        return 'saved';
      } catch {
        return 'full';
      }
    },
    remove(id) {
      memory.delete(draftKey(id));
      try {
        storage?.removeItem(draftKey(id));
      } catch {
        // The in-memory copy is gone already.
      }
    },
  };
}
