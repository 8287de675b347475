/**
 * Turns a set of level files into the playable levels plus, per broken file, its
 * problems: one broken file never stops the others.
 */
import { parseUntrustedJson } from './parse-json';
import type { Problem } from './problem';
import type { Level } from './schema';
import { type LevelValidationOptions, validateLevelSource } from './validate';

export interface LevelFile {
  /** Shown in messages, e.g. levels/01-tutorial.json. */
  name: string;
  source: string | Uint8Array;
  /**
   * Languages this file must provide, when it differs from the catalog's options:
   * the shipped levels need every shipped locale, a trainer's draft elsewhere does not.
   */
  requiredLanguages?: readonly string[];
}

export interface LevelFailure {
  file: string;
  problems: Problem[];
}

export interface LevelCatalog {
  levels: { file: string; level: Level }[];
  failures: LevelFailure[];
}

export function buildCatalog(
  files: readonly LevelFile[],
  options: LevelValidationOptions,
): LevelCatalog {
  const levels: { file: string; level: Level }[] = [];
  const failures: LevelFailure[] = [];
  const byId = new Map<string, string>();
  for (const file of files) {
    const result = validateLevelSource(file.source, {
      ...options,
      requiredLanguages: file.requiredLanguages ?? options.requiredLanguages,
    });
    if (!result.ok) {
      failures.push({ file: file.name, problems: result.problems });
      continue;
    }
    const other = byId.get(result.value.id);
    if (other) {
      failures.push({
        file: file.name,
        problems: [
          {
            path: 'id',
            code: 'level.duplicate-level-id',
            params: { id: result.value.id, other },
            ...locateIn(file.source, ['id']),
          },
        ],
      });
      continue;
    }
    byId.set(result.value.id, file.name);
    levels.push({ file: file.name, level: result.value });
  }
  levels.sort((a, b) => a.level.order - b.level.order || a.level.id.localeCompare(b.level.id));
  return { levels, failures };
}

/** Line and column of a path in a file that already passed validation. */
function locateIn(source: string | Uint8Array, path: (string | number)[]) {
  const text = typeof source === 'string' ? source : new TextDecoder().decode(source);
  const parsed = parseUntrustedJson(text);
  return parsed.ok ? parsed.json.locate(path) : undefined;
}
