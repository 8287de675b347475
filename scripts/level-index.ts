/** levels/index.json, which the build writes and the game reads (see vite.config.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LevelIndex } from '../src/services/content-validation';

const NOT_LEVELS = new Set(['taxonomy.json', 'level.schema.json']);

/** The level files the game lists: every JSON in the folder except the schema and taxonomy. */
export function levelFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !NOT_LEVELS.has(name))
    .sort();
}

/**
 * The files, and level id -> file for ids exactly one file claims: with ?level=, the
 * game downloads and checks that file first. A file that does not parse is left out of
 * the map (the game finds it broken with the rest), and so is a shared id (the whole
 * campaign decides which file wins).
 */
export function levelIndex(dir: string): LevelIndex {
  const levels = levelFileNames(dir);
  const claims = new Map<string, string[]>();
  for (const name of levels) {
    try {
      const { id } = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { id?: unknown };
      if (typeof id === 'string') claims.set(id, [...(claims.get(id) ?? []), name]);
    } catch {
      // Reported by the game and by levels:check, with its place.
    }
  }
  const files: Record<string, string> = {};
  for (const [id, [name, ...others]] of claims) if (name && others.length === 0) files[id] = name;
  return { levels, files };
}
