/**
 * Validates the taxonomy and the level files: the CPU-heavy half of loading content
 * (parsing with offsets, schema, cross-checks). It runs in a worker (content-worker.ts)
 * so it never holds up the main thread, or here when a worker cannot start.
 */
import { buildCatalog, type LevelCatalog, type LevelFile } from '../core/level/catalog';
import type { Taxonomy } from '../core/level/schema';
import { type Validated, validateTaxonomySource } from '../core/level/validate';

export interface ValidationRequest {
  taxonomy: Uint8Array;
  files: LevelFile[];
}

export interface ValidationResult {
  taxonomy: Validated<Taxonomy>;
  /** Empty when the taxonomy is invalid: levels are checked against it. */
  catalog: LevelCatalog;
}

export function validateContent({ taxonomy, files }: ValidationRequest): ValidationResult {
  const result = validateTaxonomySource(taxonomy);
  if (!result.ok) return { taxonomy: result, catalog: { levels: [], failures: [] } };
  return {
    taxonomy: result,
    catalog: buildCatalog(files, {
      builtInTactics: result.value.tactics.map((tactic) => tactic.id),
    }),
  };
}
