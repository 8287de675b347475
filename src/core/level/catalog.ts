/**
 * Turns a set of level files into the playable levels plus, per broken file, its
 * problems: one broken file never stops the others.
 */
import type { Problem } from './problem';
import type { Level } from './schema';
import { type LevelValidationOptions, validateLevelSource } from './validate';

export interface LevelFile {
  /** Shown in messages, e.g. levels/01-tutorial.json. */
  name: string;
  source: string | Uint8Array;
}

export interface LevelFailure {
  file: string;
  problems: Problem[];
}

export interface LevelCatalog {
  levels: { file: string; level: Level }[];
  failures: LevelFailure[];
}

export function buildCatalog(files: readonly LevelFile[], options: LevelValidationOptions): LevelCatalog {
  const levels: { file: string; level: Level }[] = [];
  const failures: LevelFailure[] = [];
  const byId = new Map<string, string>();
  for (const file of files) {
    const result = validateLevelSource(file.source, options);
    if (!result.ok) {
      failures.push({ file: file.name, problems: result.problems });
      continue;
    }
    const other = byId.get(result.value.id);
    if (other) {
      failures.push({
        file: file.name,
        problems: [{ path: 'id', code: 'level.duplicate-level-id', params: { id: result.value.id, other } }],
      });
      continue;
    }
    byId.set(result.value.id, file.name);
    levels.push({ file: file.name, level: result.value });
  }
  levels.sort((a, b) => a.level.order - b.level.order || a.level.id.localeCompare(b.level.id));
  return { levels, failures };
}
