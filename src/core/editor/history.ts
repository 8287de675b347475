/**
 * Undo and redo for the editor: a bounded list of past states. Typing in one field
 * merges into one step (same `group` within a pause), so undo takes back a word or a
 * sentence, not a letter.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** The group of the last change and when it was made: a change of the same group soon after merges. */
  readonly lastGroup: string | null;
  readonly lastAt: number;
}

export const HISTORY_LIMIT = 200;
/** Keystrokes in one field closer together than this are one undo step. */
export const MERGE_WINDOW_MS = 1500;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastGroup: null, lastAt: 0 };
}

/**
 * Records a new state. `group` names the field being typed in (null for a one-off
 * change like a move or a delete); `now` is the caller's clock, so this stays pure.
 */
export function record<T>(
  history: History<T>,
  next: T,
  group: string | null = null,
  now = 0,
): History<T> {
  if (Object.is(next, history.present)) return history;
  const merges =
    group !== null && group === history.lastGroup && now - history.lastAt < MERGE_WINDOW_MS;
  const past = merges ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], lastGroup: group, lastAt: now };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (history.past.length === 0) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous as T,
    future: [history.present, ...history.future],
    lastGroup: null,
    lastAt: 0,
  };
}

export function redo<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  const [next, ...rest] = history.future;
  return {
    past: [...history.past, history.present].slice(-HISTORY_LIMIT),
    present: next as T,
    future: rest,
    lastGroup: null,
    lastAt: 0,
  };
}
