/**
 * Downloads the taxonomy and the level files and validates them: parsing with
 * offsets, schema, cross-checks. It runs in a worker (content-worker.ts), so neither
 * the downloads nor the checking wait for a main thread busy booting Phaser; or here,
 * on the main thread, when a worker cannot start.
 */
import { buildCatalog, type LevelCatalog, type LevelFile } from '../core/level/catalog';
import type { Taxonomy } from '../core/level/schema';
import { type Validated, validateTaxonomySource } from '../core/level/validate';

export interface LoadResult {
  taxonomy: Validated<Taxonomy>;
  /** Empty when the taxonomy is invalid: levels are checked against it. */
  catalog: LevelCatalog;
  /** Listed in levels/index.json but not downloadable. */
  unreachable: { file: string; reason: string }[];
}

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Rejects only when the taxonomy or the list of levels cannot be downloaded. */
export async function loadAndValidate(baseUrl: string): Promise<LoadResult> {
  const base = new URL('levels/', baseUrl);
  const taxonomyBytes = fetchBytes(new URL('taxonomy.json', base));
  // Awaited below; this keeps an early failure from counting as unhandled meanwhile.
  taxonomyBytes.catch(() => {});
  const index = JSON.parse(
    new TextDecoder().decode(await fetchBytes(new URL('index.json', base))),
  ) as { levels: string[] };

  const unreachable: LoadResult['unreachable'] = [];
  const files: LevelFile[] = [];
  await Promise.all(
    index.levels.map(async (name) => {
      const file = `levels/${name}`;
      try {
        files.push({ name: file, source: await fetchBytes(new URL(name, base)) });
      } catch (error) {
        unreachable.push({ file, reason: (error as Error).message });
      }
    }),
  );
  files.sort((a, b) => a.name.localeCompare(b.name));

  const taxonomy = validateTaxonomySource(await taxonomyBytes);
  if (!taxonomy.ok) return { taxonomy, catalog: { levels: [], failures: [] }, unreachable };
  const builtInTactics = taxonomy.value.tactics.map((tactic) => tactic.id);
  return { taxonomy, catalog: buildCatalog(files, { builtInTactics }), unreachable };
}
