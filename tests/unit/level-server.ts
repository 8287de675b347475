/** Serves levels/ to a stubbed fetch as the build does, for the content-loading tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { levelIndex } from '../../scripts/level-index';

export const LEVELS = join(import.meta.dirname, '..', '..', 'levels');
export const BASE = 'https://game.test/';

/** Serves levels/ as the build does, with some responses replaced; records every request. */
export function serve(replace: Record<string, string | number> = {}, index = levelIndex(LEVELS)) {
  const requested: string[] = [];
  vi.stubGlobal('fetch', async (url: URL) => {
    const name = url.pathname.replace('/levels/', '');
    requested.push(name);
    const replaced = replace[name];
    if (typeof replaced === 'number') return new Response(null, { status: replaced });
    if (typeof replaced === 'string') return new Response(replaced);
    if (name === 'index.json') return new Response(JSON.stringify(index));
    try {
      return new Response(readFileSync(join(LEVELS, name)));
    } catch {
      return new Response(null, { status: 404 });
    }
  });
  return requested;
}
