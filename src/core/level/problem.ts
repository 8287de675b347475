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

/** `posts[3].truth.tactics[0]` from ['posts', 3, 'truth', 'tactics', 0]. */
export function formatJsonPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}
