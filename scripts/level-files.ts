/** Reads level files from disk for the command-line tools. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildCatalog, type LevelCatalog, type LevelFile } from '../src/core/level/catalog';
import { validateTaxonomySource } from '../src/core/level/validate';

export const ROOT = new URL('..', import.meta.url).pathname;
const NOT_LEVELS = new Set(['taxonomy.json', 'level.schema.json']);

export function shippedLevelPaths(): string[] {
  const dir = join(ROOT, 'levels');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !NOT_LEVELS.has(name))
    .sort()
    .map((name) => join(dir, name));
}

/** The locales the game ships: the folders under locales/. */
export function shippedLocales(): string[] {
  return readdirSync(join(ROOT, 'locales'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function loadTaxonomy() {
  const result = validateTaxonomySource(readFileSync(join(ROOT, 'levels', 'taxonomy.json')));
  if (!result.ok) {
    throw new Error(`levels/taxonomy.json is invalid: ${JSON.stringify(result.problems)}`);
  }
  return result.value;
}

export function readLevelFiles(paths: readonly string[]): { files: LevelFile[]; unreadable: string[] } {
  const files: LevelFile[] = [];
  const unreadable: string[] = [];
  for (const path of paths) {
    const name = relative(process.cwd(), path) || path;
    try {
      files.push({ name, source: readFileSync(path) });
    } catch (error) {
      unreadable.push(`${name}: ${(error as Error).message}`);
    }
  }
  return { files, unreadable };
}

export function catalogOf(paths: readonly string[]): LevelCatalog & { unreadable: string[] } {
  const taxonomy = loadTaxonomy();
  const { files, unreadable } = readLevelFiles(paths);
  const shipped = new Set(shippedLevelPaths());
  const catalog = buildCatalog(files, {
    builtInTactics: taxonomy.tactics.map((tactic) => tactic.id),
    requiredLanguages: paths.every((path) => shipped.has(path)) ? shippedLocales() : [],
  });
  return { ...catalog, unreadable };
}
