/**
 * localStorage behind a small port, so a blocked or full storage (private mode,
 * school policies) degrades to an in-memory session instead of crashing the game.
 */
export interface KeyValueStore {
  get(key: string): string | null;
  /** false when the write could not be stored (full, blocked). */
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

export function browserStore(): KeyValueStore {
  const memory = new Map<string, string>();
  const storage = (() => {
    try {
      const candidate = window.localStorage;
      const probe = '__ftf_probe__';
      candidate.setItem(probe, probe);
      candidate.removeItem(probe);
      return candidate;
    } catch {
      return null;
    }
  })();
  return {
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
