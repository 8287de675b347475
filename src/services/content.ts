/**
 * Loads the taxonomy and the level files the way a browser gets any content: by
 * fetching their bytes, then validating them with the same code as levels:check.
 * One broken or missing file never stops the others.
 *
 * Validation (valibot, jsonc-parser) runs in a worker fetched with the levels, so the
 * title, which needs no levels, starts without that code, and the main thread goes on
 * booting Phaser while a second core checks the files.
 */
import type { LevelFile } from '../core/level/catalog';
import type { Level, Taxonomy } from '../core/level/schema';
import { LURE_ID, type TacticInfo, tacticsForLevel } from '../core/taxonomy';
import type { ValidationRequest, ValidationResult } from './content-validation';
import type { Translator } from './i18n';
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

const BASE = new URL('levels/', document.baseURI);

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Validates in a worker; where none can start, in this thread (same code, one chunk). */
async function validate(request: ValidationRequest): Promise<ValidationResult> {
  try {
    return await new Promise<ValidationResult>((resolve, reject) => {
      const worker = new Worker(new URL('./content-worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.onmessage = (event: MessageEvent<ValidationResult>) => {
        worker.terminate();
        resolve(event.data);
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(event.message));
      };
      worker.postMessage(request);
    });
  } catch {
    const { validateContent } = await import('./content-validation');
    return validateContent(request);
  }
}

/**
 * Fetches at once, but validates only once `validateAfter` resolves, so the work and
 * the worker's download wait until the title's first frame is drawn.
 */
export async function loadContent(
  translator: Translator,
  validateAfter: Promise<unknown> = Promise.resolve(),
): Promise<Content> {
  const { t } = translator;
  const taxonomyBytes = fetchBytes(new URL('taxonomy.json', BASE));
  // Awaited below; this keeps an early failure from counting as unhandled meanwhile.
  taxonomyBytes.catch(() => {});

  const index = JSON.parse(
    new TextDecoder().decode(await fetchBytes(new URL('index.json', BASE))),
  ) as {
    levels: string[];
  };

  const broken: BrokenLevel[] = [];
  const files: LevelFile[] = [];
  await Promise.all(
    index.levels.map(async (name) => {
      const file = `levels/${name}`;
      try {
        files.push({ name: file, source: await fetchBytes(new URL(name, BASE)) });
      } catch (error) {
        broken.push({
          file,
          messages: [t('levels.unreachable', { file, reason: (error as Error).message })],
        });
      }
    }),
  );
  files.sort((a, b) => a.name.localeCompare(b.name));

  const taxonomy = await taxonomyBytes;
  await validateAfter;
  const { taxonomy: taxonomyResult, catalog } = await validate({ taxonomy, files });
  if (!taxonomyResult.ok) {
    const lines = taxonomyResult.problems.map((problem) =>
      formatProblem(t, 'levels/taxonomy.json', problem),
    );
    throw new Error(lines.join('\n'));
  }
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
    taxonomy: taxonomyResult.value,
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
