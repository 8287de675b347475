/**
 * The bench's Lighthouse group (`npm run bench -- --only lighthouse`): the built game's
 * title page and the bare Phaser page, each served with gzip, measured by Lighthouse
 * 12.2.3 with its default (mobile) settings: a phone-sized screen, simulated slow 4G
 * and a CPU four times slower than this machine's. Game and floor take turns within
 * each run, so load from other work on the machine falls on both alike.
 */
import * as chromeLauncher from 'chrome-launcher';
import compression from 'compression';
import type { Connect, Plugin, PreviewServer } from 'vite';
import { CHROME_FLAGS, CHROME_PATH } from '../tests/e2e/browser';

/** One Lighthouse run of one page: total blocking time and the performance score (0-100). */
export interface LighthouseRun {
  tbtMs: number;
  score: number;
}

export interface LighthouseFigures {
  game: LighthouseRun[];
  floor: LighthouseRun[];
}

/** Compresses the preview server's responses, as a real host would: Lighthouse counts bytes sent. */
export function gzip(): Plugin {
  return {
    name: 'bench-gzip',
    // Added before Vite's own middlewares, so it wraps the static files they send.
    configurePreviewServer(server) {
      // Typed for Express, written for plain Node requests and responses, as Connect's are.
      server.middlewares.use(compression() as unknown as Connect.NextHandleFunction);
    },
  };
}

async function audit(url: string, port: number): Promise<LighthouseRun> {
  // Loaded only for this group: Lighthouse is large, and the other groups do not need it.
  const { default: lighthouse } = await import('lighthouse');
  const result = await lighthouse(url, {
    port,
    logLevel: 'error',
    output: 'json',
    onlyCategories: ['performance'],
  });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned no result for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const tbtMs = lhr.audits['total-blocking-time']?.numericValue;
  const score = lhr.categories.performance?.score;
  if (tbtMs === undefined || score === undefined || score === null)
    throw new Error(`Lighthouse on ${url} gave no total blocking time or performance score`);
  return { tbtMs, score: score * 100 };
}

/**
 * Serves both builds with gzip for the group's runs and closes the servers after; one
 * Chromium for all runs (Lighthouse clears the origin's cache and storage before each).
 */
export async function measureLighthouse(options: {
  runs: number;
  serveGame: (plugins: Plugin[]) => Promise<PreviewServer>;
  serveFloor: (plugins: Plugin[]) => Promise<PreviewServer>;
  log: (message: string) => void;
}): Promise<LighthouseFigures> {
  const figures: LighthouseFigures = { game: [], floor: [] };
  const game = await options.serveGame([gzip()]);
  const floor = await options.serveFloor([gzip()]);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: ['--headless=new', ...CHROME_FLAGS],
    logLevel: 'silent',
  });
  try {
    const gameUrl = game.resolvedUrls?.local[0] as string;
    const floorUrl = floor.resolvedUrls?.local[0] as string;
    for (let run = 1; run <= options.runs; run++) {
      figures.floor.push(await audit(floorUrl, chrome.port));
      figures.game.push(await audit(gameUrl, chrome.port));
      const show = (runs: LighthouseRun[]) => {
        const last = runs.at(-1) as LighthouseRun;
        return `TBT ${last.tbtMs.toFixed(0)} ms, score ${last.score.toFixed(0)}`;
      };
      options.log(
        `lighthouse run ${run}/${options.runs}: floor ${show(figures.floor)}, title ${show(figures.game)}`,
      );
    }
  } finally {
    chrome.kill();
    await game.close();
    await floor.close();
  }
  return figures;
}
