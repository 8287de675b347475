/**
 * Loads the taxonomy and the level files the way a browser gets any content: by
 * fetching their bytes, then validating them with the same code as levels:check.
 * One broken or missing file never stops the others.
 *
 * Both happen in a worker (content-worker.ts): the title, which needs no levels,
 * starts without the validator's code (valibot, jsonc-parser), and with ?level= a
 * second core fetches and checks the files while the main thread boots Phaser. With
 * ?level=, that level's file comes first and alone, so the feed shows before the other
 * nine files (about 1 MB) are downloaded and checked for the level list.
 */
import type { Level, Taxonomy } from '../core/level/schema';
import { LURE_ID, type TacticInfo, tacticsForLevel } from '../core/taxonomy';
import type { FirstLevel, LoadResult } from './content-validation';
import type { LoadRequest, WorkerAnswer } from './content-worker';
import { registerTactics, type Translator } from './i18n';
import { formatProblem } from './problems';

export interface BrokenLevel {
  file: string;
  /** Human-readable lines, `FILE: PATH: message`. */
  messages: string[];
}

export interface Content {
  taxonomy: Taxonomy;
  levels: Level[];
  broken: BrokenLevel[];
}

/** The worker could not run at all (as opposed to the levels failing to load). */
class NoWorker extends Error {}

interface Loading {
  /** The requested level, checked alone; null when there is none to show before `all`. */
  first: Promise<FirstLevel>;
  all: Promise<LoadResult>;
}

function loadInWorker(
  request: LoadRequest,
  onFirst: (first: FirstLevel) => void,
  restAfter: Promise<unknown>,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./content-worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      reject(new NoWorker((error as Error).message));
      return;
    }
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      const answer = event.data;
      if (answer.kind === 'first') {
        onFirst(answer.first);
        // The worker holds the campaign back until then (see content-worker.ts).
        if (answer.first) restAfter.then(() => worker.postMessage('rest'));
        return;
      }
      worker.terminate();
      if (answer.ok) resolve(answer.result);
      else reject(new Error(answer.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new NoWorker(event.message));
    };
    worker.postMessage(request);
  });
}

function load(first: string | null, restAfter: Promise<unknown>): Loading {
  let settleFirst: (first: FirstLevel) => void = () => {};
  const firstLevel = new Promise<FirstLevel>((resolve) => {
    settleFirst = resolve;
  });
  const baseUrl = document.baseURI;
  const all = loadInWorker({ baseUrl, first }, settleFirst, restAfter).catch(async (error) => {
    if (!(error instanceof NoWorker)) throw error;
    const { loadAndValidate } = await import('./content-validation');
    return loadAndValidate(baseUrl, { first, onFirst: settleFirst, restAfter });
  });
  // The campaign came (or failed) without a first level: nothing to show before it.
  all.then(
    () => settleFirst(null),
    () => settleFirst(null),
  );
  return { first: firstLevel, all };
}

let started: Loading | null = null;
let letRestIn = (): void => {};
/** Opened by loadContent's `restAfter`: until then only the requested level is handed over. */
const restMayLoad = new Promise<void>((resolve) => {
  letRestIn = resolve;
});

/**
 * Starts loading now, the given level first. src/preload.ts calls this for ?level=
 * before the main bundle evaluates Phaser, so the worker downloads and checks meanwhile.
 */
export function preloadContent(first: string | null): void {
  started ??= load(first, restMayLoad);
  // Handled by loadContent; this keeps a failure from counting as unhandled meanwhile.
  started.all.catch(() => {});
}

export interface ContentLoading {
  /**
   * The taxonomy and the requested level alone (`levels` holds just it, `broken` is
   * empty), as soon as that level is checked; null when there was none to ask for, or
   * it cannot be shown before the whole campaign is checked (then `all` tells why).
   */
  first: Promise<Content | null>;
  /** The whole campaign: every valid level and every broken file with its problems. */
  all: Promise<Content>;
}

export interface LoadContentOptions {
  /** A level id (?level=) to load and check before the others. */
  first?: string | null;
  /** Loading starts once this resolves: the title's first frame need not share the CPU. */
  validateAfter?: Promise<unknown>;
  /** The rest of the campaign reaches the page once this resolves (the feed is drawn). */
  restAfter?: Promise<unknown>;
}

/** Loads and validates in a worker (on the main thread where none can start). */
export function loadContent(
  translator: Translator,
  {
    first = null,
    validateAfter = Promise.resolve(),
    restAfter = Promise.resolve(),
  }: LoadContentOptions = {},
): ContentLoading {
  restAfter.then(letRestIn, letRestIn);
  const loading = started
    ? Promise.resolve(started)
    : validateAfter.then(() => (started ??= load(first, restMayLoad)));
  return {
    first: loading
      .then((current) => current.first)
      .then((level) =>
        level ? { taxonomy: level.taxonomy, levels: [level.level], broken: [] } : null,
      ),
    all: loading.then((current) => current.all).then((result) => campaign(translator, result)),
  };
}

function campaign({ t }: Translator, { taxonomy, catalog, unreachable }: LoadResult): Content {
  if (!taxonomy.ok) {
    const lines = taxonomy.problems.map((problem) =>
      formatProblem(t, 'levels/taxonomy.json', problem),
    );
    throw new Error(lines.join('\n'));
  }
  const broken: BrokenLevel[] = unreachable.map(({ file, reason }) => ({
    file,
    messages: [t('levels.unreachable', { file, reason })],
  }));
  for (const failure of catalog.failures) {
    broken.push({
      file: failure.file,
      messages: failure.problems.map((p) => formatProblem(t, failure.file, p)),
    });
  }
  for (const { file, messages } of broken)
    console.error(`Level file ${file} could not be loaded:\n${messages.join('\n')}`);
  broken.sort((a, b) => a.file.localeCompare(b.file));
  return {
    taxonomy: taxonomy.value,
    levels: catalog.levels.map((entry) => entry.level),
    broken,
  };
}

export function levelTactics(content: Content, level: Level): TacticInfo[] {
  return tacticsForLevel(content.taxonomy, level);
}

export function lureInfo(taxonomy: Taxonomy): TacticInfo {
  return { id: LURE_ID, ...taxonomy.lure };
}

/** Gives i18next the names of the built-in tactics, the lure and every level's own tactics. */
export function registerContentTactics(translator: Translator, content: Content): void {
  const lure = lureInfo(content.taxonomy);
  registerTactics(translator, tacticsForLevel(content.taxonomy, { tactics: [] }), lure);
  for (const level of content.levels) registerTactics(translator, level.tactics, lure);
}
