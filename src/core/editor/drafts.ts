/**
 * Editor drafts as saved in the browser: each draft under its own key, written whole
 * in one go, so two drafts never overwrite each other and a save is never half-made.
 * What is read back is checked: an unreadable entry is reported, never thrown.
 */
import type { Level } from '../level/schema';
import { isPlainObject } from '../plain-object';

export const DRAFT_PREFIX = 'flag-the-feed:editor:draft:';
const DRAFT_VERSION = 1;

export interface Draft {
  id: string;
  name: string;
  /** Milliseconds since 1970, when it was last saved. */
  savedAt: number;
  /** The level being written: shaped like a level, not necessarily valid yet. */
  level: Level;
}

export const draftKey = (id: string) => `${DRAFT_PREFIX}${id}`;

/** A new draft id: the time and a random part, so two tabs never pick the same one. */
export function newDraftId(now: number, random: () => number): string {
  return `${now.toString(36)}-${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}`;
}

export function serializeDraft(draft: Draft): string {
  return JSON.stringify({ version: DRAFT_VERSION, ...draft });
}

export function parseDraft(text: string | null): Draft | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (
    !isPlainObject(value) ||
    value.version !== DRAFT_VERSION ||
    typeof value.id !== 'string' ||
    typeof value.name !== 'string' ||
    typeof value.savedAt !== 'number' ||
    !isPlainObject(value.level) ||
    !Array.isArray(value.level.posts) ||
    !Array.isArray(value.level.accounts) ||
    !Array.isArray(value.level.languages)
  )
    return null;
  return {
    id: value.id,
    name: value.name,
    savedAt: value.savedAt,
    level: value.level as unknown as Level,
  };
}

/** Drafts found under their keys, newest first; unreadable ones are counted apart. */
export function listDrafts(entries: Iterable<[string, string | null]>): {
  drafts: Draft[];
  unreadable: string[];
} {
  const drafts: Draft[] = [];
  const unreadable: string[] = [];
  for (const [key, text] of entries) {
    if (!key.startsWith(DRAFT_PREFIX)) continue;
    const draft = parseDraft(text);
    if (draft && draftKey(draft.id) === key) drafts.push(draft);
    else unreadable.push(key);
  }
  drafts.sort((a, b) => b.savedAt - a.savedAt);
  return { drafts, unreadable };
}
