/**
 * One thing wrong with a level file. `code` is a key of the `validation` i18n
 * namespace and `params` fill its placeholders, so the core stays free of wording.
 */
export interface Problem {
  /** Where in the JSON: `posts[3].author`; empty for the whole file. */
  path: string;
  code: string;
  params: Record<string, string | number>;
  line?: number;
  column?: number;
}

/**
 * At most this many problems are reported for one file, then `level.more-problems`.
 * Nobody reads further, and a hostile file could otherwise ask for millions.
 */
export const MAX_PROBLEMS = 200;

/** Keys, ids and values quoted in a message are cut to this many characters. */
const MAX_QUOTED = 64;

/** A string from the file, short enough to quote in a message. */
export function shorten(text: string, max = MAX_QUOTED): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `posts[3].truth.tactics[0]` from ['posts', 3, 'truth', 'tactics', 0]. */
export function formatJsonPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? shorten(key) : `.${shorten(key)}`;
  }
  return out;
}
