/**
 * Loads the taxonomy and the level files the way a browser gets any content: by
 * fetching their bytes, then validating them with the same code as levels:check.
 * One broken or missing file never stops the others.
 *
 * Both happen in a worker (content-worker.ts): the title, which needs no levels,
 * starts without the validator's code (valibot, jsonc-parser), and with ?level= a
 * second core fetches and checks the files while the main thread boots Phaser.
 */
import type { Level, Taxonomy } from '../core/level/schema';
import { LURE_ID, type TacticInfo, tacticsForLevel } from '../core/taxonomy';
import type { LoadResult } from './content-validation';
import type { WorkerAnswer } from './content-worker';
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

function loadInWorker(baseUrl: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./content-worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      reject(new NoWorker((error as Error).message));
      return;
    }
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.result);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new NoWorker(event.message));
    };
    worker.postMessage(baseUrl);
  });
}

async function load(): Promise<LoadResult> {
  try {
    return await loadInWorker(document.baseURI);
  } catch (error) {
    if (!(error instanceof NoWorker)) throw error;
    const { loadAndValidate } = await import('./content-validation');
    return loadAndValidate(document.baseURI);
  }
}

let started: Promise<LoadResult> | null = null;

/**
 * Starts loading now. src/preload.ts calls this for ?level= before the main bundle
 * evaluates Phaser, so the worker downloads and checks the levels meanwhile.
 */
export function preloadContent(): void {
  started ??= load();
  // Handled by loadContent; this keeps a failure from counting as unhandled meanwhile.
  started.catch(() => {});
}

/**
 * Loads and validates in a worker (on the main thread where none can start), once
 * `validateAfter` resolves: the title's first frame need not share the CPU with it.
 */
export async function loadContent(
  translator: Translator,
  validateAfter: Promise<unknown> = Promise.resolve(),
): Promise<Content> {
  const { t } = translator;
  if (!started) await validateAfter;
  const { taxonomy, catalog, unreachable } = await (started ?? load());
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
