/** Reads level files from disk for the command-line tools. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  buildCatalog,
  type LevelCatalog,
  type LevelFailure,
  type LevelFile,
} from '../src/core/level/catalog';
import type { Taxonomy } from '../src/core/level/schema';
import { type Validated, validateTaxonomySource } from '../src/core/level/validate';
import { levelFileNames } from './level-index';

export const ROOT = new URL('..', import.meta.url).pathname;
export const LEVELS_DIR = join(ROOT, 'levels');
export const TAXONOMY_PATH = join(LEVELS_DIR, 'taxonomy.json');

/** The level files in a folder: its .json files except the taxonomy and the schema. */
export function levelPathsIn(dir: string): string[] {
  return levelFileNames(dir).map((name) => join(dir, name));
}

export function shippedLevelPaths(): string[] {
  return levelPathsIn(LEVELS_DIR);
}

/** A level the game ships: a file directly inside levels/. */
export function isShippedLevelPath(path: string): boolean {
  return dirname(resolve(path)) === resolve(LEVELS_DIR);
}

/** The locales the game ships: the folders under locales/. */
export function shippedLocales(): string[] {
  return readdirSync(join(ROOT, 'locales'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** levels/taxonomy.json validated; the game checks it with every shipped locale required. */
export function readTaxonomy(requiredLanguages: readonly string[] = []): Validated<Taxonomy> {
  return validateTaxonomySource(readFileSync(TAXONOMY_PATH), { requiredLanguages });
}

/** The taxonomy's tactics for checking levels; throws when the file itself is broken. */
export function loadTaxonomy(): Taxonomy {
  const result = readTaxonomy();
  if (!result.ok) {
    throw new Error(`levels/taxonomy.json is invalid: ${JSON.stringify(result.problems)}`);
  }
  return result.value;
}

/** Command-line arguments to file paths: a folder stands for the level files in it. */
export function expandLevelPaths(args: readonly string[]): string[] {
  return args.flatMap((arg) => {
    const path = resolve(arg);
    try {
      if (statSync(path).isDirectory()) return levelPathsIn(path);
    } catch {
      // Missing: readLevelFiles reports it with the file's name.
    }
    return [path];
  });
}

export function displayName(path: string): string {
  return relative(process.cwd(), path) || path;
}

export interface ReadOptions {
  /** Require the shipped locales of files inside levels/ (default true). */
  requireShippedLocales?: boolean;
}

export function readLevelFiles(
  paths: readonly string[],
  { requireShippedLocales = true }: ReadOptions = {},
): { files: LevelFile[]; unreadable: LevelFailure[] } {
  const files: LevelFile[] = [];
  const unreadable: LevelFailure[] = [];
  const locales = shippedLocales();
  for (const path of paths) {
    const name = displayName(path);
    try {
      files.push({
        name,
        source: readFileSync(path),
        // Per file: checking a draft next to the shipped levels must not hold it to their rule.
        requiredLanguages: requireShippedLocales && isShippedLevelPath(path) ? locales : [],
      });
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      unreadable.push({
        file: name,
        problems: [
          code === 'ENOENT'
            ? { path: '', code: 'file.not-found', params: {} }
            : { path: '', code: 'file.unreadable', params: { reason: code ?? message } },
        ],
      });
    }
  }
  return { files, unreadable };
}

export function catalogOf(
  paths: readonly string[],
  options: ReadOptions = {},
): LevelCatalog & { unreadable: LevelFailure[] } {
  const taxonomy = loadTaxonomy();
  const { files, unreadable } = readLevelFiles(paths, options);
  const catalog = buildCatalog(files, {
    builtInTactics: taxonomy.tactics.map((tactic) => tactic.id),
  });
  return { ...catalog, unreadable };
}
