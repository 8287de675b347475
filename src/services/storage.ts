/**
 * localStorage behind a small port, so a blocked or full storage (private mode,
 * school policies) degrades to an in-memory session instead of crashing the game.
 */
export interface KeyValueStore {
  /** false when nothing outlives the tab (storage blocked or unavailable). */
  readonly persistent: boolean;
  get(key: string): string | null;
  /**
   * false when the write could not be stored (full, blocked). One key is written in
   * one setItem call, which either stores the whole value or throws: a save is never
   * half-written, so each save format keeps everything it needs under one key.
   */
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

export function browserStore(): KeyValueStore {
  const memory = new Map<string, string>();
  // Reading and writing are probed apart: a full storage still holds saves to read.
  const storage = (() => {
    try {
      const candidate = window.localStorage;
      candidate.getItem('__ftf_probe__');
      return candidate;
    } catch {
      return null;
    }
  })();
  const writable = (() => {
    try {
      const probe = '__ftf_probe__';
      storage?.setItem(probe, probe);
      storage?.removeItem(probe);
      return storage !== null;
    } catch {
      return false;
    }
  })();
  return {
    persistent: writable,
    get(key) {
      if (!storage) return memory.get(key) ?? null;
      try {
        return storage.getItem(key);
      } catch {
        return memory.get(key) ?? null;
      }
    },
    set(key, value) {
      memory.set(key, value);
      if (!storage) return false;
      try {
        storage.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      memory.delete(key);
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing to do: the in-memory copy is gone already.
      }
    },
  };
}

export function memoryStore(): KeyValueStore {
  const memory = new Map<string, string>();
  return {
    persistent: false,
    get: (key) => memory.get(key) ?? null,
    set: (key, value) => {
      memory.set(key, value);
      return true;
    },
    remove: (key) => {
      memory.delete(key);
    },
  };
}
