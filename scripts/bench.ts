/**
 * `npm run bench [-- --json] [-- --runs N] [-- --only startup|frames|heap|lighthouse]`: builds the game and a bare Phaser page, then
 * measures both in headless Chromium (see docs/performance.md for what each figure
 * means). Every figure is the median over N runs (default 5), each in a fresh browser
 * context (cold cache, no service worker). With --json, stdout carries one JSON object
 * and nothing else; progress goes to stderr. --only measures one group of figures (the
 * others are null), for quicker comparisons while working on one of them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { build, type Plugin, type PreviewServer, preview } from 'vite';
import { launch } from '../tests/e2e/browser';
import { measureLighthouse } from './bench-lighthouse';

const ROOT = join(import.meta.dirname, '..');
const VIEWPORT = { width: 1280, height: 800 };
const THROTTLE = 4;
const SCROLL_MS = 10_000;
const SETTLE_MS = 3_000;
const RESTARTS = 20;
const READY_TIMEOUT_MS = 120_000;

const args = process.argv.slice(2);
const json = args.includes('--json');
const runsArg = args.find((arg) => arg.startsWith('--runs'));
const runs = Math.max(
  1,
  Number(runsArg?.includes('=') ? runsArg.split('=')[1] : args[args.indexOf('--runs') + 1]) || 5,
);
const onlyArg = args.find((arg) => arg.startsWith('--only'));
const only = onlyArg?.includes('=')
  ? onlyArg.split('=')[1]
  : onlyArg && args[args.indexOf(onlyArg) + 1];
const measures = (group: 'startup' | 'frames' | 'heap' | 'lighthouse') => !only || only === group;
// Vite and plugins print to stdout; keep it for the one JSON object.
console.log = console.error;
const log = (message: string) => console.error(`bench: ${message}`);

type ReadyMatch = { name: string } | { prefix: string };

/**
 * Runs in the page before its own scripts: resolves window.__benchReady with
 * performance.now() (ms since navigation start) at the first animation frame after a
 * button with the given accessible name appears, i.e. once the frame that created it
 * has been drawn; window.__benchButton holds when the button appeared.
 */
function watchReady(match: ReadyMatch): void {
  const named = () =>
    Array.from(document.querySelectorAll('button')).some((button) => {
      const name = (button.getAttribute('aria-label') ?? button.textContent ?? '').trim();
      return 'name' in match ? name === match.name : name.startsWith(match.prefix);
    });
  const w = window as unknown as { __benchReady: Promise<number>; __benchButton: number };
  w.__benchReady = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!named()) return;
      observer.disconnect();
      w.__benchButton = performance.now();
      requestAnimationFrame(() => resolve(performance.now()));
    });
    observer.observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-label'],
    });
  });
}

function withTimeout<T>(promise: Promise<T>, what: string, ms = READY_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms);
  });
  // Cleared once answered: a pending timer kept the process alive 2 minutes after --only startup.
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function newPage(browser: Browser, rate: number): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  // tsx names functions with a __name helper; functions sent to the page need it too.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return page;
}

/** Time from navigation start to the ready signal, and the scripts fetched by then. */
async function timeToReady(
  browser: Browser,
  url: string,
  match: ReadyMatch,
): Promise<{ ms: number; scripts: string[] }> {
  const page = await newPage(browser, THROTTLE);
  await page.addInitScript(watchReady, match);
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await withTimeout(
    page.evaluate(() => (window as unknown as { __benchReady: Promise<number> }).__benchReady),
    url,
  );
  // Scripts requested before the button appeared: the ones it could need. Chunks loaded
  // after the first frame may start in the frame the ready signal waits for.
  const scripts = await page.evaluate(() => {
    const appeared = (window as unknown as { __benchButton: number }).__benchButton;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime <= appeared && /\.m?js(\?|$)/.test(entry.name))
      .map((entry) => new URL(entry.name).pathname);
  });
  await page.context().close();
  return { ms, scripts };
}

/** Opens a level by URL and closes its briefing. */
async function openLevel(page: Page, baseUrl: string, levelId: string): Promise<void> {
  await page.goto(`${baseUrl}?level=${encodeURIComponent(levelId)}&seed=bench&lang=en`);
  const start = page.getByRole('button', { name: 'Start scrolling' });
  await start.waitFor({ timeout: READY_TIMEOUT_MS });
  await start.click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/**
 * 95th percentile of requestAnimationFrame intervals while the wheel scrolls the feed
 * up and down for SCROLL_MS: 40 px per wheel event, one event every ~16 ms plus the
 * time the browser takes to dispatch it.
 */
async function frameP95(
  browser: Browser,
  baseUrl: string,
  levelId: string,
  rate: number,
): Promise<number> {
  const page = await newPage(browser, rate);
  await openLevel(page, baseUrl, levelId);
  // A player reads the briefing before scrolling; the game makes the cards below the
  // first screen meanwhile. Give it that time, so the figure is about scrolling.
  await page.waitForTimeout(SETTLE_MS);
  const feed = await page.getByRole('list').evaluate((list) => {
    const viewport = list.parentElement as HTMLElement;
    const box = viewport.getBoundingClientRect();
    const bottom = Math.max(
      ...Array.from(list.querySelectorAll('button'), (b) => b.offsetTop + b.offsetHeight),
    );
    return {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
      maxScroll: Math.max(0, bottom - box.height),
    };
  });
  const p95 = await wheelFrameP95(page, feed);
  await page.context().close();
  return p95;
}

/**
 * The same wheel over the bare Phaser page, which has nothing to scroll: what
 * software-rendered frames cost on this machine at this moment, whatever the game does.
 */
async function floorFrameP95(browser: Browser, floorUrl: string, rate: number): Promise<number> {
  const page = await newPage(browser, rate);
  await page.goto(floorUrl);
  await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: READY_TIMEOUT_MS });
  await page.waitForTimeout(SETTLE_MS);
  const p95 = await wheelFrameP95(page, {
    x: VIEWPORT.width / 2,
    y: VIEWPORT.height / 2,
    maxScroll: 0,
  });
  await page.context().close();
  return p95;
}

async function wheelFrameP95(
  page: Page,
  at: { x: number; y: number; maxScroll: number },
): Promise<number> {
  await page.mouse.move(at.x, at.y);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __raf: number };
    w.__frames = [];
    const tick = (time: number) => {
      w.__frames.push(time);
      w.__raf = requestAnimationFrame(tick);
    };
    w.__raf = requestAnimationFrame(tick);
  });
  const end = Date.now() + SCROLL_MS;
  let position = 0;
  let direction = 1;
  while (Date.now() < end) {
    await page.mouse.wheel(0, 40 * direction);
    position += 40 * direction;
    if (position >= at.maxScroll) direction = -1;
    else if (position <= 0) direction = 1;
    await page.waitForTimeout(16);
  }
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __raf: number };
    cancelAnimationFrame(w.__raf);
    return w.__frames;
  });
  const intervals = frames.slice(1).map((time, index) => time - (frames[index] as number));
  return percentile(intervals, 0.95);
}

/** Bytes of a heap snapshot's objects, leaving out compiled code (see heapGrowth). */
async function heapWithoutCode(cdp: CDPSession): Promise<number> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const type = fields.indexOf('type');
  const size = fields.indexOf('self_size');
  let bytes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length)
    if (types[snapshot.nodes[i + type] as number] !== 'code')
      bytes += snapshot.nodes[i + size] as number;
  return bytes;
}

/**
 * JS heap after 20 restarts of level 1 vs after 1, after a full GC each time. A restart
 * is the game's own flow: the feed's "Levels" button, then level 1 again from the list,
 * which tears the feed scene down and builds it anew.
 *
 * V8 keeps compiling hot functions for dozens of restarts, and that code counts in the
 * heap, so a second figure leaves compiled code out (from heap snapshots): growth
 * there is what the game keeps alive.
 */
async function heapGrowth(
  browser: Browser,
  baseUrl: string,
): Promise<{ total: number; withoutCode: number }> {
  const page = await newPage(browser, 1);
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${baseUrl}?seed=bench&lang=en`);
  await page
    .getByRole('button', { name: 'Play', exact: true })
    .click({ timeout: READY_TIMEOUT_MS });
  const enter = async () => {
    await page.getByRole('button', { name: /^Level 1: / }).click({ timeout: READY_TIMEOUT_MS });
    await page.getByRole('button', { name: /^Post 1 of / }).waitFor({ state: 'attached' });
    const start = page.getByRole('button', { name: 'Start scrolling' });
    if ((await start.count()) > 0) {
      await start.click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
  };
  const leave = async () => {
    await page.getByRole('button', { name: 'Levels', exact: true }).click();
    await page.getByRole('button', { name: /^Level 1: / }).waitFor();
  };
  const heap = async () => {
    await page.waitForTimeout(500);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const total = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    return { total, withoutCode: await heapWithoutCode(cdp) };
  };
  await enter();
  let afterOne = { total: 0, withoutCode: 0 };
  for (let restart = 1; restart <= RESTARTS; restart++) {
    await leave();
    await enter();
    if (restart === 1) afterOne = await heap();
  }
  const afterAll = await heap();
  await page.context().close();
  const growth = (key: 'total' | 'withoutCode') =>
    ((afterAll[key] - afterOne[key]) / afterOne[key]) * 100;
  return { total: growth('total'), withoutCode: growth('withoutCode') };
}

interface Feed {
  id: string;
  platform: string;
  posts: number;
  chars: number;
}

/**
 * The longest feed (most posts; ties: the most English post text) of each platform,
 * longest first: each platform's room draws its posts its own way.
 */
function longestFeeds(): Feed[] {
  const best = new Map<string, Feed>();
  for (const name of readdirJson()) {
    const level = JSON.parse(readFileSync(join(ROOT, 'levels', name), 'utf8')) as {
      id: string;
      platform: string;
      posts: { text: Record<string, string> }[];
    };
    const feed = {
      id: level.id,
      platform: level.platform,
      posts: level.posts.length,
      chars: level.posts.reduce((sum, post) => sum + (post.text.en ?? '').length, 0),
    };
    const known = best.get(feed.platform);
    if (!known || longer(feed, known)) best.set(feed.platform, feed);
  }
  return [...best.values()].sort((a, b) => (longer(a, b) ? -1 : 1));
}

function longer(a: Feed, b: Feed): boolean {
  return a.posts > b.posts || (a.posts === b.posts && a.chars > b.chars);
}

function readdirJson(): string[] {
  const index = JSON.parse(readFileSync(join(OUT, 'game', 'levels', 'index.json'), 'utf8')) as {
    levels: string[];
  };
  return index.levels;
}

async function serve(
  outDir: string,
  configFile: string | false,
  plugins: Plugin[] = [],
): Promise<PreviewServer> {
  const server = await preview({
    configFile,
    plugins,
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report a URL');
  return server;
}

const OUT = mkdtempSync(join(tmpdir(), 'ftf-bench-'));

async function main(): Promise<void> {
  log(`building the game and the Phaser floor page into ${OUT}`);
  await build({
    root: ROOT,
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: join(OUT, 'game'), emptyOutDir: true },
  });
  await build({
    configFile: false,
    root: join(ROOT, 'bench', 'floor'),
    base: './',
    logLevel: 'warn',
    build: {
      outDir: join(OUT, 'floor'),
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
    },
  });
  const serveGame = (plugins: Plugin[] = []) =>
    serve(join(OUT, 'game'), join(ROOT, 'vite.config.ts'), plugins);
  const serveFloor = (plugins: Plugin[] = []) => serve(join(OUT, 'floor'), false, plugins);
  const game = await serveGame();
  const floor = await serveFloor();
  const gameUrl = game.resolvedUrls?.local[0] as string;
  const floorUrl = floor.resolvedUrls?.local[0] as string;
  const feeds = longestFeeds();
  const longest = (feeds[0] as Feed).id;
  const browser = await launch();
  try {
    const title: number[] = [];
    const level: number[] = [];
    const floorMs: number[] = [];
    let scripts: string[] = [];
    // Interleaved, so noise from other work on the machine spreads over all three.
    for (let run = 1; run <= (measures('startup') ? runs : 0); run++) {
      floorMs.push((await timeToReady(browser, floorUrl, { name: 'Play' })).ms);
      const titleRun = await timeToReady(browser, `${gameUrl}?lang=en`, { name: 'Play' });
      title.push(titleRun.ms);
      if (run === 1) scripts = titleRun.scripts;
      level.push(
        (
          await timeToReady(browser, `${gameUrl}?level=tutorial&seed=bench&lang=en`, {
            prefix: 'Post 1 of ',
          })
        ).ms,
      );
      log(
        `startup run ${run}/${runs}: floor ${floorMs.at(-1)?.toFixed(0)} ms, title ${title
          .at(-1)
          ?.toFixed(0)} ms, level ${level.at(-1)?.toFixed(0)} ms`,
      );
    }
    const base = new URL(gameUrl).pathname;
    let gzipBytes = 0;
    for (const path of new Set(scripts)) {
      const file = join(OUT, 'game', decodeURIComponent(path.slice(base.length)));
      gzipBytes += gzipSync(readFileSync(file)).length;
    }
    log(`JS before the title: ${[...new Set(scripts)].join(', ')}`);

    // Per platform, and the longest feed of all as frames/frames4x.
    const byPlatform = new Map(
      feeds.map((feed) => [feed.platform, { p95: [] as number[], p95_4x: [] as number[] }]),
    );
    const floorFrames: number[] = [];
    const floorFrames4x: number[] = [];
    for (let run = 1; run <= (measures('frames') ? runs : 0); run++) {
      const ms = (values: number[]) => `${values.at(-1)?.toFixed(1)} ms`;
      floorFrames.push(await floorFrameP95(browser, floorUrl, 1));
      floorFrames4x.push(await floorFrameP95(browser, floorUrl, THROTTLE));
      for (const feed of feeds) {
        const figures = byPlatform.get(feed.platform) as { p95: number[]; p95_4x: number[] };
        figures.p95.push(await frameP95(browser, gameUrl, feed.id, 1));
        figures.p95_4x.push(await frameP95(browser, gameUrl, feed.id, THROTTLE));
        log(
          `scroll run ${run}/${runs} (${feed.id}, ${feed.platform}): p95 ${ms(figures.p95)}, at 4x ${ms(figures.p95_4x)}`,
        );
      }
      log(`scroll run ${run}/${runs}: floor p95 ${ms(floorFrames)}, at 4x ${ms(floorFrames4x)}`);
    }
    const longestFigures = byPlatform.get((feeds[0] as Feed).platform) as {
      p95: number[];
      p95_4x: number[];
    };
    const frames = longestFigures.p95;
    const frames4x = longestFigures.p95_4x;
    const heap: number[] = [];
    const heapObjects: number[] = [];
    for (let run = 1; run <= (measures('heap') ? runs : 0); run++) {
      const growth = await heapGrowth(browser, gameUrl);
      heap.push(growth.total);
      heapObjects.push(growth.withoutCode);
      log(
        `heap run ${run}/${runs}: ${growth.total.toFixed(2)}%, without compiled code ${growth.withoutCode.toFixed(2)}%`,
      );
    }
    const lighthouse = measures('lighthouse')
      ? await measureLighthouse({ runs, serveGame, serveFloor, log })
      : { game: [], floor: [] };
    const lighthouseTbt = median(lighthouse.game.map((run) => run.tbtMs));
    const floorLighthouseTbt = median(lighthouse.floor.map((run) => run.tbtMs));

    // Null for figures not measured (--only).
    const round = (value: number, digits = 1) =>
      Number.isNaN(value) ? null : Number(value.toFixed(digits));
    const result = {
      js_gzip_kb: round(measures('startup') ? gzipBytes / 1000 : Number.NaN),
      title_ms: round(median(title), 0),
      level_ms: round(median(level), 0),
      phaser_floor_ms: round(median(floorMs), 0),
      frame_p95_ms: round(median(frames)),
      frame_p95_4x_ms: round(median(frames4x)),
      floor_frame_p95_ms: round(median(floorFrames)),
      floor_frame_p95_4x_ms: round(median(floorFrames4x)),
      heap_growth_pct: round(median(heap), 2),
      heap_growth_without_code_pct: round(median(heapObjects), 2),
      title_ratio: round(median(title) / median(floorMs), 2),
      level_ratio: round(median(level) / median(floorMs), 2),
      lighthouse_tbt_ms: round(lighthouseTbt, 0),
      floor_lighthouse_tbt_ms: round(floorLighthouseTbt, 0),
      lighthouse_tbt_ratio: round(lighthouseTbt / floorLighthouseTbt, 2),
      lighthouse_score: round(median(lighthouse.game.map((run) => run.score)), 0),
      floor_lighthouse_score: round(median(lighthouse.floor.map((run) => run.score)), 0),
      runs,
      longest_level: longest,
      frames_by_platform: measures('frames')
        ? Object.fromEntries(
            feeds.map((feed) => {
              const figures = byPlatform.get(feed.platform) as { p95: number[]; p95_4x: number[] };
              return [
                feed.platform,
                {
                  level: feed.id,
                  frame_p95_ms: round(median(figures.p95)),
                  frame_p95_4x_ms: round(median(figures.p95_4x)),
                },
              ];
            }),
          )
        : null,
    };
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else
      for (const [key, value] of Object.entries(result))
        process.stdout.write(`${key.padEnd(30)} ${value}\n`);
  } finally {
    await browser.close();
    await game.close();
    await floor.close();
    rmSync(OUT, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
