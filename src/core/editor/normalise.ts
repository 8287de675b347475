/**
 * Import and export: a level file read into the editor and written out again keeps
 * its meaning. Both go through the format's one valibot definition, so defaults the
 * file left out are written in and nothing the format holds is dropped.
 */
import type { Problem } from '../level/problem';
import type { Level } from '../level/schema';
import { type LevelValidationOptions, validateLevelSource } from '../level/validate';

/** The level as a file: two-space JSON, fields in the format's order, a final newline. */
export function exportLevel(level: Level): string {
  return `${JSON.stringify(level, null, 2)}\n`;
}

/** A file read for editing: a valid level, or its problems (nothing is thrown). */
export type Imported = { ok: true; level: Level } | { ok: false; problems: Problem[] };

export function importLevel(
  source: string | Uint8Array,
  options: LevelValidationOptions,
): Imported {
  const result = validateLevelSource(source, options);
  return result.ok ? { ok: true, level: result.value } : { ok: false, problems: result.problems };
}

/**
 * The meaning of a level, to compare two versions: the validated value (defaults
 * filled in), without the `$schema` editor hint, which is no part of the level.
 */
export function levelMeaning(level: Level): Omit<Level, '$schema'> {
  const { $schema: _hint, ...meaning } = level;
  return meaning;
}
