/**
 * Downloads the taxonomy and the level files and validates them: parsing with
 * offsets, schema, cross-checks. It runs in a worker (content-worker.ts), so neither
 * the downloads nor the checking wait for a main thread busy booting Phaser; or here,
 * on the main thread, when a worker cannot start.
 *
 * With ?level=, the requested level comes first: its file alone is downloaded and
 * checked and handed over (`onFirst`), so the feed can show while the rest of the
 * campaign is still on its way for the level list. The worker's side of that protocol
 * (answerLoadRequests) is here too, so a unit test drives it without a worker; the
 * page's side and the order of things are campaign.ts's.
 */
import { buildCatalog, type LevelCatalog, type LevelFile } from '../core/level/catalog';
import type { Level, Taxonomy } from '../core/level/schema';
import {
  type Validated,
  validateLevelSource,
  validateTaxonomySource,
} from '../core/level/validate';

export interface LoadResult {
  taxonomy: Validated<Taxonomy>;
  /** Empty when the taxonomy is invalid: levels are checked against it. */
  catalog: LevelCatalog;
  /** Listed in levels/index.json but not downloadable. */
  unreachable: { file: string; reason: string }[];
}

/**
 * The requested level, checked on its own, with the taxonomy it was checked against.
 * Null when it cannot be played before the whole campaign is checked: the index does
 * not say which file holds it, or that file is missing, broken or holds another level.
 * Whatever is wrong is reported with the campaign, as for any other file.
 */
export type FirstLevel = { taxonomy: Taxonomy; level: Level } | null;

/** levels/index.json, written by the build (vite.config.ts). */
export interface LevelIndex {
  levels: string[];
  /** Level id -> file name, for ids exactly one file claims. */
  files?: Record<string, string>;
}

export interface LoadOptions {
  /** A level id to check and hand over first (?level=). */
  first?: string | null;
  onFirst?: (first: FirstLevel) => void;
  /** The other level files are downloaded and checked once this resolves. */
  restAfter?: Promise<unknown>;
}

/**
 * The one rule for holding the rest of the campaign back: only behind a first level
 * that was handed over. Without one the page waits for the whole campaign (which says
 * what is wrong with the requested level), so nothing may wait for a feed to be drawn.
 */
export function restWaitsFor(first: FirstLevel | undefined, restAfter: Promise<unknown>) {
  return first ? restAfter : Promise.resolve();
}

/**
 * What the level worker is asked for: one request, which the page puts in the worker's
 * name, then the message `rest` (see campaign.ts).
 */
export interface LoadRequest {
  baseUrl: string;
  first: string | null;
}
export type PageMessage = LoadRequest | 'rest';

/** The request in a worker's name; null when the name holds none. */
export function requestFromName(name: string): LoadRequest | null {
  try {
    const request: unknown = JSON.parse(name);
    if (typeof request !== 'object' || request === null) return null;
    const { baseUrl, first } = request as Record<string, unknown>;
    if (typeof baseUrl !== 'string' || (first !== null && typeof first !== 'string')) return null;
    return { baseUrl, first };
  } catch {
    return null;
  }
}

export type WorkerAnswer =
  | { kind: 'first'; first: FirstLevel }
  | { kind: 'all'; ok: true; result: LoadResult }
  | { kind: 'all'; ok: false; message: string };

/**
 * The worker's side of the protocol, apart from the worker so a test can drive it.
 * With a first level it answers `first` as soon as that level is checked, goes on
 * checking the rest, and answers `all` once the page says `rest`: copying the whole
 * campaign into the page never falls into the feed's first frame. A failure is
 * answered at once (the page may be waiting for the level it asked for). One request
 * per worker: a second one is answered with an error that says so.
 */
export function answerLoadRequests(
  answer: (message: WorkerAnswer) => void,
  load: typeof loadAndValidate = loadAndValidate,
): (message: PageMessage) => void {
  let letRestIn = (): void => {};
  const restAfter = new Promise<void>((resolve) => {
    letRestIn = resolve;
  });
  let asked = false;
  return (message) => {
    if (message === 'rest') {
      letRestIn();
      return;
    }
    if (asked) {
      answer({ kind: 'all', ok: false, message: 'the level worker takes one request' });
      return;
    }
    asked = true;
    let first: FirstLevel | undefined;
    load(message.baseUrl, {
      first: message.first,
      onFirst: (level) => {
        first = level;
        answer({ kind: 'first', first: level });
      },
    }).then(
      async (result) => {
        await restWaitsFor(first, restAfter);
        answer({ kind: 'all', ok: true, result });
      },
      (error: unknown) => answer({ kind: 'all', ok: false, message: (error as Error).message }),
    );
  };
}

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Rejects only when the taxonomy or the list of levels cannot be downloaded. */
export async function loadAndValidate(
  baseUrl: string,
  { first = null, onFirst = () => {}, restAfter = Promise.resolve() }: LoadOptions = {},
): Promise<LoadResult> {
  const base = new URL('levels/', baseUrl);
  const taxonomyBytes = fetchBytes(new URL('taxonomy.json', base));
  // Awaited below; this keeps an early failure from counting as unhandled meanwhile.
  taxonomyBytes.catch(() => {});
  const index = JSON.parse(
    new TextDecoder().decode(await fetchBytes(new URL('index.json', base))),
  ) as LevelIndex;

  const unreachable: LoadResult['unreachable'] = [];
  const files: LevelFile[] = [];
  const download = async (name: string) => {
    const file = `levels/${name}`;
    try {
      files.push({ name: file, source: await fetchBytes(new URL(name, base)) });
    } catch (error) {
      unreachable.push({ file, reason: (error as Error).message });
    }
  };

  // Own keys only: an id such as "constructor" must not find Object.prototype's.
  const firstName =
    first !== null && index.files && Object.hasOwn(index.files, first)
      ? index.files[first]
      : undefined;
  if (first !== null) {
    const firstFile = firstName !== undefined && index.levels.includes(firstName);
    if (firstFile) await download(firstName);
    const level = checkFirst(first, await taxonomyBytes.catch(() => null), files[0]);
    onFirst(level);
    await restWaitsFor(level, restAfter);
  }
  await Promise.all(index.levels.filter((name) => name !== firstName).map(download));
  files.sort((a, b) => a.name.localeCompare(b.name));

  const taxonomy = validateTaxonomySource(await taxonomyBytes);
  if (!taxonomy.ok) return { taxonomy, catalog: { levels: [], failures: [] }, unreachable };
  const builtInTactics = taxonomy.value.tactics.map((tactic) => tactic.id);
  return { taxonomy, catalog: buildCatalog(files, { builtInTactics }), unreachable };
}

/** The requested level if its file holds it and passes every check on its own. */
function checkFirst(
  id: string,
  taxonomyBytes: Uint8Array | null,
  file: LevelFile | undefined,
): FirstLevel {
  if (!taxonomyBytes || !file) return null;
  const taxonomy = validateTaxonomySource(taxonomyBytes);
  if (!taxonomy.ok) return null;
  const builtInTactics = taxonomy.value.tactics.map((tactic) => tactic.id);
  const level = validateLevelSource(file.source, { builtInTactics });
  return level.ok && level.value.id === id
    ? { taxonomy: taxonomy.value, level: level.value }
    : null;
}
