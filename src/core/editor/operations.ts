/**
 * The editor's changes to a level, as pure functions on plain data: every change
 * returns a new level and leaves the old one as it was (the undo history keeps it).
 */
import {
  type Account,
  FORMAT_VERSION,
  type Level,
  type LocalizedText,
  type Post,
} from '../level/schema';
import { forEachLocalizedText, type JsonPath } from '../level/texts';
import { isPlainObject } from '../plain-object';
import { LURE_ID } from '../taxonomy';

export type { JsonPath };

export function getAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** A copy of root with the value at path replaced (undefined removes an object key). */
export function setAt<T>(root: T, path: readonly (string | number)[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const container: unknown = root;
  const child =
    isPlainObject(container) || Array.isArray(container) ? container[key as never] : undefined;
  const next = setAt(child, rest, value);
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[key as number] = next;
    return copy as T;
  }
  const copy: Record<string, unknown> = isPlainObject(container) ? { ...container } : {};
  if (next === undefined) delete copy[key as string];
  else copy[key as string] = next;
  return copy as T;
}

function listAt(level: Level, path: JsonPath): unknown[] {
  const list = getAt(level, path);
  return Array.isArray(list) ? list : [];
}

/** Moves an item of the list at path from one place to another. */
export function moveItem(level: Level, path: JsonPath, from: number, to: number): Level {
  const list = [...listAt(level, path)];
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return level;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
  return setAt(level, path, list);
}

export function removeItem(level: Level, path: JsonPath, index: number): Level {
  const list = listAt(level, path);
  if (index < 0 || index >= list.length) return level;
  return setAt(
    level,
    path,
    list.filter((_, at) => at !== index),
  );
}

export function insertItem(level: Level, path: JsonPath, index: number, item: unknown): Level {
  const list = [...listAt(level, path)];
  list.splice(Math.max(0, Math.min(index, list.length)), 0, item);
  return setAt(level, path, list);
}

/** Levels are plain JSON, so a JSON round trip copies them whole. */
const cloneJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** An id not used yet among `taken`: base, base-2, base-3... */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const stem = base.replace(/-\d+$/, '') || 'item';
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** A copy of a post or account right after it, with a fresh id. */
export function duplicateItem(
  level: Level,
  list: 'posts' | 'accounts' | 'tactics',
  index: number,
): Level {
  const items: readonly { id: string }[] = level[list];
  const item = items[index];
  if (!item) return level;
  const copy = {
    ...cloneJson(item),
    id: freshId(
      item.id,
      items.map((other) => other.id),
    ),
  };
  return insertItem(level, [list], index + 1, copy);
}

/** Deleting an account its posts still name is refused: the caller says why. */
export function accountInUse(level: Level, index: number): boolean {
  const account = level.accounts[index];
  return account !== undefined && level.posts.some((post) => post.author === account.id);
}

/** Renames an account and every post that names it as author. */
export function renameAccount(level: Level, index: number, id: string): Level {
  const old = level.accounts[index]?.id;
  if (old === undefined) return level;
  return {
    ...level,
    accounts: level.accounts.map((account, at) => (at === index ? { ...account, id } : account)),
    posts: level.posts.map((post) => (post.author === old ? { ...post, author: id } : post)),
  };
}

export const emptyText = (languages: readonly string[]): LocalizedText =>
  Object.fromEntries(languages.map((language) => [language, '']));

export function blankAccount(level: Level): Account {
  return {
    id: freshId(
      'account',
      level.accounts.map((account) => account.id),
    ),
    name: emptyText(level.languages),
    handle: '@new_account',
    verified: false,
    accountAgeDays: 365,
    followers: 100,
    following: 100,
    bio: emptyText(level.languages),
    history: [],
  };
}

export function blankPost(level: Level): Post {
  return {
    id: freshId(
      'post',
      level.posts.map((post) => post.id),
    ),
    author: level.accounts[0]?.id ?? '',
    kind: 'text',
    text: emptyText(level.languages),
    minutesAgo: 10,
    likes: 0,
    shares: 0,
    comments: [],
    truth: { tactics: [], lure: false, evidence: [], explanations: {} },
  };
}

/** A new level in the given languages: one account, two posts, nothing written yet. */
export function blankLevel(languages: readonly string[], id = 'my-level'): Level {
  const base: Level = {
    $schema: './level.schema.json',
    formatVersion: FORMAT_VERSION,
    id,
    order: 100,
    languages: [...languages],
    title: emptyText(languages),
    platform: 'microblog',
    briefing: emptyText(languages),
    goals: [],
    debrief: emptyText(languages),
    discussion: [],
    mode: 'learn',
    shuffle: true,
    passMark: 60,
    tactics: [],
    accounts: [],
    posts: [],
  };
  const withAccount = { ...base, accounts: [blankAccount(base)] };
  const first = blankPost(withAccount);
  const second = { ...blankPost({ ...withAccount, posts: [first] }) };
  return { ...withAccount, posts: [first, second] };
}

/** A campaign level as the start of a new one: the same content under a new id. */
export function copyOfLevel(level: Level, takenIds: readonly string[]): Level {
  return { ...cloneJson(level), id: freshId(`${level.id}-copy`, takenIds) };
}

/**
 * Adds or removes a language: every text of the level gains an empty entry for a new
 * language (marked missing until written) or loses the removed one. The texts are
 * found by following the schema, so a new text field needs no change here.
 */
export function setLanguages(level: Level, languages: readonly string[]): Level {
  if (languages.length === 0) return level;
  const paths: JsonPath[] = [];
  forEachLocalizedText(level, (_, path) => paths.push(path));
  let next: Level = { ...level, languages: [...languages] };
  for (const path of paths) {
    const text = getAt(level, path) as LocalizedText;
    const entries = languages.map((language) => [language, text[language] ?? '']);
    next = setAt(next, path, Object.fromEntries(entries));
  }
  return next;
}

/** Every text of the level with a language left empty: where, and which language. */
export function missingTranslations(level: Level): { path: JsonPath; language: string }[] {
  const missing: { path: JsonPath; language: string }[] = [];
  forEachLocalizedText(level, (text, path) => {
    for (const language of level.languages) {
      const value = text[language];
      if (typeof value !== 'string' || value.trim() === '') missing.push({ path, language });
    }
  });
  return missing;
}

/**
 * Sets what a post uses (tactics and the lure flag) and keeps its explanations in
 * step: one (empty) for each tactic and for the lure, none for what it no longer uses.
 */
export function setTruth(
  level: Level,
  postIndex: number,
  tactics: readonly string[],
  lure: boolean,
): Level {
  const post = level.posts[postIndex];
  if (!post) return level;
  const wanted = lure ? [...tactics, LURE_ID] : [...tactics];
  const explanations = Object.fromEntries(
    wanted.map((id) => [id, post.truth.explanations[id] ?? emptyText(level.languages)]),
  );
  return setAt(level, ['posts', postIndex, 'truth'], {
    ...post.truth,
    tactics: [...tactics],
    lure,
    explanations,
  });
}
