/**
 * The campaign (the taxonomy and every level): the one owner of what is loaded, in
 * what order, and when the rest may come.
 *
 * - Where: in a worker (content-worker.ts), so the title starts without the validator's
 *   code and a second core checks the files while the main thread boots Phaser; on
 *   the main thread when no worker can start. Both run loadAndValidate.
 * - Order: with ?level=, that level's file comes first and alone, so the feed shows
 *   before the other files are downloaded and checked. The worker starts on it as soon
 *   as it runs: a built page's head script starts it before the bundle is even compiled
 *   (scripts/vite-early-worker.ts), else src/preload.ts as the bundle evaluates.
 *   Without ?level=, loading starts after the title's first frame.
 * - The rest: it comes once `letRestIn()` is called (the feed is drawn), and only
 *   behind a first level that was handed over (restWaitsFor, content-validation.ts).
 *   A worker checks the rest meanwhile and holds its answer; the main thread, which
 *   would do that work in the feed's frames, holds the downloads.
 */
import type { Level } from '../core/level/schema';
import { type Content, registerContentTactics, toContent } from './content';
import type {
  FirstLevel,
  LoadRequest,
  LoadResult,
  loadAndValidate,
  PageMessage,
  WorkerAnswer,
} from './content-validation';
import { EARLY_WORKER_GLOBAL, type EarlyWorker } from './early-worker';
import type { Translator } from './i18n';

/** The parts of a Worker the page uses; a test connects it to answerLoadRequests. */
export interface LevelWorker {
  onmessage: ((event: { data: WorkerAnswer }) => void) | null;
  onerror: ((event: { message: string }) => void) | null;
  postMessage(message: PageMessage): void;
  terminate(): void;
}

export interface CampaignSource {
  baseUrl: string;
  /**
   * Starts the level worker on this request, which it reads from its name (the worker
   * starts loading before the page's main thread is free to send it anything); throws
   * when none can start.
   */
  startWorker(request: LoadRequest): LevelWorker;
  /** The main-thread fallback, loaded only when it is needed. */
  loadHere(): Promise<typeof loadAndValidate>;
}

export interface CampaignLoad {
  /** The requested level alone, checked; null when there is none to show before `all`. */
  first: Promise<FirstLevel>;
  all: Promise<LoadResult>;
  /** The rest of the campaign may come (the feed is drawn). */
  letRestIn(): void;
}

/** The worker could not run at all (as opposed to the levels failing to load). */
class NoWorker extends Error {}

/**
 * The worker the head script started for ?level=, taken once and only for this very
 * request; null leaves that script, should it run later, nothing to start. The answers
 * it kept reach the worker's handler once the caller has set it.
 */
function earlyWorker(request: string): Worker | null {
  const scope = self as { [EARLY_WORKER_GLOBAL]?: EarlyWorker | null };
  const early = scope[EARLY_WORKER_GLOBAL];
  scope[EARLY_WORKER_GLOBAL] = null;
  if (!early) return null;
  const kept = early.take();
  if (early.request !== request) {
    early.worker.terminate();
    return null;
  }
  const { worker } = early;
  queueMicrotask(() => {
    for (const data of kept) worker.onmessage?.(new MessageEvent('message', { data }));
  });
  return worker;
}

function browserSource(): CampaignSource {
  return {
    baseUrl: document.baseURI,
    // Seen through the parts the page uses: its events carry more than those read here.
    startWorker: (request) => {
      const name = JSON.stringify(request);
      return (earlyWorker(name) ??
        new Worker(new URL('./content-worker.ts', import.meta.url), {
          type: 'module',
          name,
        })) as unknown as LevelWorker;
    },
    loadHere: async () => (await import('./content-validation')).loadAndValidate,
  };
}

/** Loads the campaign, the `first` level first, in a worker or else on this thread. */
export function loadCampaign(first: string | null, source: CampaignSource): CampaignLoad {
  let letRestIn = (): void => {};
  const restAfter = new Promise<void>((resolve) => {
    letRestIn = resolve;
  });
  let settleFirst: (first: FirstLevel) => void = () => {};
  const firstLevel = new Promise<FirstLevel>((resolve) => {
    settleFirst = resolve;
  });
  const request = { baseUrl: source.baseUrl, first };
  const all = inWorker(source, request, settleFirst, restAfter).catch(async (error) => {
    if (!(error instanceof NoWorker)) throw error;
    const load = await source.loadHere();
    return load(source.baseUrl, { first, onFirst: settleFirst, restAfter });
  });
  // The campaign came (or failed) without a first level: nothing to show before it.
  all.then(
    () => settleFirst(null),
    () => settleFirst(null),
  );
  return { first: firstLevel, all, letRestIn };
}

function inWorker(
  source: CampaignSource,
  request: LoadRequest,
  onFirst: (first: FirstLevel) => void,
  restAfter: Promise<unknown>,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    let worker: LevelWorker;
    try {
      worker = source.startWorker(request);
    } catch (error) {
      reject(new NoWorker((error as Error).message));
      return;
    }
    worker.onmessage = ({ data: answer }) => {
      if (answer.kind === 'first') {
        onFirst(answer.first);
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
    // The worker holds the rest only behind a first level (restWaitsFor).
    restAfter.then(() => worker.postMessage('rest'));
  });
}

/** The level ?level= asks for; null without one. */
export function requestedLevel(search: string): string | null {
  return new URLSearchParams(search).get('level') || null;
}

let started: CampaignLoad | null = null;

/**
 * Starts loading now when the page asks for a level: src/preload.ts calls this before
 * the main bundle evaluates Phaser, so the worker downloads and checks meanwhile.
 */
export function preloadCampaign(search: string): void {
  const first = requestedLevel(search);
  if (first === null) return;
  started ??= loadCampaign(first, browserSource());
  // Handled by openCampaign; this keeps a failure from counting as unhandled meanwhile.
  started.all.catch(() => {});
}

export function holdsLevel(content: Content | null, levelId: string): boolean {
  return content?.levels.some((level: Level) => level.id === levelId) ?? false;
}

/** What the game reads of the campaign (the GameContext's content fields). */
export interface Campaign {
  /** The level ?level= asks for, or null. */
  readonly requested: string | null;
  /** The whole campaign, once loaded; reading it before throws (see hasContent). */
  readonly content: Content;
  hasContent(): boolean;
  /** Resolves when `content` can be read; rejects when the levels could not load. */
  contentReady: Promise<Content>;
  /** The requested level alone (with the taxonomy); null when it cannot come first. */
  firstReady: Promise<Content | null>;
  /** The campaign once loaded; before that the requested level alone, if it is this one. */
  levelContent(levelId: string): Content | null;
  /** Resolves when `levelContent(levelId)` can hold the level (it may still lack it). */
  levelReady(levelId: string): Promise<unknown>;
  /** The rest of the campaign may come to the page: the feed is drawn. */
  letRestIn(): void;
}

export interface OpenCampaignOptions {
  /** location.search: ?level= */
  search?: string;
  /** Without a requested level, loading starts once this resolves (the title's first frame). */
  loadAfter?: Promise<unknown>;
  source?: () => CampaignSource;
}

/**
 * The campaign as the game sees it, with each level's tactic names given to i18next
 * as they arrive. Reuses what preloadCampaign started.
 */
export function openCampaign(
  translator: Translator,
  { search = '', loadAfter = Promise.resolve(), source = browserSource }: OpenCampaignOptions = {},
): Campaign {
  const requested = requestedLevel(search);
  const loading =
    started && requested !== null
      ? Promise.resolve(started)
      : (requested ? Promise.resolve() : loadAfter).then(
          () => (started ??= loadCampaign(requested, source())),
        );
  let content: Content | null = null;
  let firstLevel: Content | null = null;
  const firstReady = loading
    .then((current) => current.first)
    .then(
      (level) => {
        firstLevel = level ? { taxonomy: level.taxonomy, levels: [level.level], broken: [] } : null;
        if (firstLevel) registerContentTactics(translator, firstLevel);
        return firstLevel;
      },
      () => null,
    );
  const contentReady = loading
    .then((current) => current.all)
    .then((result) => {
      content = toContent(translator, result);
      registerContentTactics(translator, content);
      return content;
    });
  // Handled by whoever reads it; this keeps a failure from counting as unhandled meanwhile.
  contentReady.catch(() => {});
  return {
    requested,
    get content() {
      if (!content) throw new Error('the levels have not loaded yet');
      return content;
    },
    hasContent: () => content !== null,
    contentReady,
    firstReady,
    levelContent: (levelId) => content ?? (holdsLevel(firstLevel, levelId) ? firstLevel : null),
    levelReady: (levelId) =>
      firstReady.then((loaded) => (holdsLevel(loaded, levelId) ? loaded : contentReady)),
    letRestIn: () => void loading.then((current) => current.letRestIn()),
  };
}
