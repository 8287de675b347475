/**
 * The campaign's loading protocol, page and worker together: the requested level
 * first, the rest only once the page lets it in, and the same outcome whether the
 * worker runs or cannot start.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { levelIndex } from '../../scripts/level-index';
import type { CampaignSource, LevelWorker } from '../../src/services/campaign';
import { loadCampaign } from '../../src/services/campaign';
import {
  answerLoadRequests,
  type FirstLevel,
  type LoadRequest,
  loadAndValidate,
  type PageMessage,
  requestFromName,
  type WorkerAnswer,
} from '../../src/services/content-validation';
import { EARLY_WORKER_GLOBAL } from '../../src/services/early-worker';
import { BASE, LEVELS, serve } from './level-server';

const LEVEL_COUNT = levelIndex(LEVELS).levels.length;

/**
 * A worker that runs the real worker side in this thread, with messages copied and
 * delayed; it takes its request at once, as the real one reads it from its name.
 */
function inProcessWorker(request: LoadRequest, sent: PageMessage[] = []): LevelWorker {
  const worker: LevelWorker = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      sent.push(message);
      setTimeout(() => handle(structuredClone(message)));
    },
    terminate() {},
  };
  const handle = answerLoadRequests((answer) =>
    setTimeout(() => worker.onmessage?.({ data: structuredClone(answer) })),
  );
  setTimeout(() => handle(structuredClone(request)));
  return worker;
}

type Path = 'worker' | 'no worker' | 'worker fails after starting';

function source(
  path: Path,
  sent: PageMessage[] = [],
): CampaignSource & { loadedHere: number; requests: LoadRequest[] } {
  const counted = {
    baseUrl: BASE,
    loadedHere: 0,
    requests: [] as LoadRequest[],
    startWorker(request: LoadRequest): LevelWorker {
      counted.requests.push(request);
      if (path === 'no worker') throw new Error('Worker is not defined');
      if (path === 'worker') return inProcessWorker(request, sent);
      const broken: LevelWorker = {
        onmessage: null,
        onerror: null,
        postMessage() {},
        terminate() {},
      };
      setTimeout(() => broken.onerror?.({ message: 'script blocked' }));
      return broken;
    },
    async loadHere() {
      counted.loadedHere++;
      return loadAndValidate;
    },
  };
  return counted;
}

/** Whether the promise has settled after the loaders had time to run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  return done;
}

const PATHS: Path[] = ['worker', 'no worker', 'worker fails after starting'];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe.each(PATHS)('loading the campaign (%s)', (path) => {
  it('hands over the requested level first, and the rest only once it is let in', async () => {
    serve();
    const campaign = loadCampaign('economic', source(path));
    const first = (await campaign.first) as NonNullable<FirstLevel>;
    expect(first.level.id).toBe('economic');
    expect(await settled(campaign.all)).toBe(false);
    campaign.letRestIn();
    const { catalog, unreachable } = await campaign.all;
    expect(catalog.levels).toHaveLength(LEVEL_COUNT);
    expect(catalog.failures).toEqual([]);
    expect(unreachable).toEqual([]);
  });

  it.each([
    ['missing', { '01-tutorial.json': 404 }],
    ['broken', { '01-tutorial.json': '{ "formatVersion": 1, "id": "tutorial", "posts": [' }],
  ])(
    'with the requested file %s: nothing first, the campaign at once, the file reported',
    async (_, replace) => {
      serve(replace);
      const campaign = loadCampaign('tutorial', source(path));
      // Never let in: the page has no feed to draw, so nothing may wait for it.
      const { catalog, unreachable } = await campaign.all;
      expect(await campaign.first).toBeNull();
      const reported = [...catalog.failures.map((f) => f.file), ...unreachable.map((u) => u.file)];
      expect(reported).toEqual(['levels/01-tutorial.json']);
      expect(catalog.levels).toHaveLength(LEVEL_COUNT - 1);
    },
  );

  it('with an id no file claims: nothing first, the whole campaign at once', async () => {
    serve();
    const campaign = loadCampaign('no-such-level', source(path));
    const { catalog } = await campaign.all;
    expect(await campaign.first).toBeNull();
    expect(catalog.levels).toHaveLength(LEVEL_COUNT);
  });

  it('without a requested level: the whole campaign, nothing held back', async () => {
    serve();
    const campaign = loadCampaign(null, source(path));
    expect((await campaign.all).catalog.levels).toHaveLength(LEVEL_COUNT);
    expect(await campaign.first).toBeNull();
  });

  it('rejects with the reason when the list of levels cannot be downloaded', async () => {
    serve({ 'index.json': 500 });
    const campaign = loadCampaign('economic', source(path));
    await expect(campaign.all).rejects.toThrow('HTTP 500');
    expect(await campaign.first).toBeNull();
  });
});

describe('the worker side of the protocol', () => {
  it('uses the worker when it starts, and this thread only when it cannot', async () => {
    serve();
    const running = source('worker');
    await loadCampaign(null, running).all;
    expect(running.loadedHere).toBe(0);
    for (const path of ['no worker', 'worker fails after starting'] as const) {
      const fallback = source(path);
      await loadCampaign(null, fallback).all;
      expect(fallback.loadedHere).toBe(1);
    }
  });

  it('starts the worker on its request, and tells it the rest may come once the page lets it in', async () => {
    serve();
    const sent: PageMessage[] = [];
    const worker = source('worker', sent);
    const campaign = loadCampaign('economic', worker);
    await campaign.first;
    expect(worker.requests).toEqual([{ baseUrl: BASE, first: 'economic' }]);
    expect(sent).toEqual([]);
    campaign.letRestIn();
    await campaign.all;
    expect(sent).toEqual(['rest']);
  });

  it('reads the request from the worker name the page gives, and nothing else', () => {
    const request = { baseUrl: BASE, first: 'economic' };
    expect(requestFromName(JSON.stringify(request))).toEqual(request);
    expect(requestFromName(JSON.stringify({ baseUrl: BASE, first: null }))).toEqual({
      baseUrl: BASE,
      first: null,
    });
    for (const name of ['', 'level', '{"first":"economic"}', '{"baseUrl":1,"first":null}', 'null'])
      expect(requestFromName(name)).toBeNull();
  });

  it('answers a second request with an error that says so, and still answers the first', async () => {
    serve();
    const answers: WorkerAnswer[] = [];
    const handle = answerLoadRequests((answer) => answers.push(answer));
    handle({ baseUrl: BASE, first: null });
    handle({ baseUrl: BASE, first: 'economic' });
    expect(answers).toEqual([
      { kind: 'all', ok: false, message: 'the level worker takes one request' },
    ]);
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(answers[1]).toMatchObject({ kind: 'all', ok: true });
  });
});

describe('the campaign as the game sees it (openCampaign)', () => {
  /** A fresh module each time: the page keeps one load for its whole life. */
  async function open(search: string, path: Path = 'worker') {
    vi.resetModules();
    vi.stubGlobal('document', { documentElement: {} });
    const { openCampaign } = await import('../../src/services/campaign');
    const { createTranslator } = await import('../../src/services/i18n');
    const translator = await createTranslator('en');
    const counted = source(path);
    let workers = 0;
    const startWorker = counted.startWorker;
    counted.startWorker = (request) => {
      workers++;
      return startWorker(request);
    };
    const campaign = openCampaign(translator, { search, source: () => counted });
    return { campaign, openCampaign, translator, counted, workers: () => workers };
  }

  it('gives a feed its level alone before the rest, then the whole campaign', async () => {
    serve();
    const { campaign, translator } = await open('?lang=en&level=economic');
    expect(campaign.requested).toBe('economic');
    await campaign.levelReady('economic');
    expect(campaign.levelContent('economic')?.levels.map((level) => level.id)).toEqual([
      'economic',
    ]);
    expect(campaign.levelContent('tutorial')).toBeNull();
    expect(campaign.hasContent()).toBe(false);
    // The level's tactic names reach i18next with it.
    expect(translator.t('tactics:economic-incentive.name')).not.toBe('economic-incentive.name');
    campaign.letRestIn();
    const content = await campaign.contentReady;
    expect(campaign.levelContent('tutorial')).toBe(content);
    expect(content.levels).toHaveLength(LEVEL_COUNT);
  });

  it('answers a second request from the load already under way, with one worker', async () => {
    serve();
    const { campaign, openCampaign, translator, workers } = await open('?level=economic');
    const again = openCampaign(translator, { search: '?level=economic' });
    again.letRestIn();
    expect((await again.contentReady).levels).toHaveLength(LEVEL_COUNT);
    expect((await campaign.contentReady).levels).toHaveLength(LEVEL_COUNT);
    expect(workers()).toBe(1);
  });

  /** What the built page's head script leaves (scripts/vite-early-worker.ts), for `request`. */
  async function headScriptWorker(request: LoadRequest) {
    const worker = inProcessWorker(request);
    let terminated = false;
    worker.terminate = () => {
      terminated = true;
    };
    // The head script keeps what comes before the game takes the worker: here, the level.
    const kept: unknown[] = [];
    worker.onmessage = ({ data }) => kept.push(data);
    await vi.waitFor(() => expect(kept).toHaveLength(1));
    const early = {
      worker,
      request: JSON.stringify(request),
      take() {
        worker.onmessage = null;
        return kept;
      },
    };
    return { early, terminated: () => terminated };
  }

  async function openInPage(search: string, early: object) {
    vi.resetModules();
    const page = { [EARLY_WORKER_GLOBAL]: early };
    vi.stubGlobal('self', page);
    vi.stubGlobal('document', { baseURI: BASE, documentElement: {} });
    const started: string[] = [];
    // `new Worker(url, options)` gives the object this function returns.
    vi.stubGlobal('Worker', function Worker(_url: URL, options: { name: string }) {
      started.push(options.name);
      return inProcessWorker(JSON.parse(options.name));
    });
    const { openCampaign } = await import('../../src/services/campaign');
    const { createTranslator } = await import('../../src/services/i18n');
    const campaign = openCampaign(await createTranslator('en'), { search });
    return { campaign, page, started };
  }

  it("takes the head script's worker, with the level it sent before it was taken", async () => {
    serve();
    const { early, terminated } = await headScriptWorker({ baseUrl: BASE, first: 'economic' });
    const { campaign, page, started } = await openInPage('?level=economic', early);
    await campaign.levelReady('economic');
    expect(campaign.levelContent('economic')?.levels.map((level) => level.id)).toEqual([
      'economic',
    ]);
    campaign.letRestIn();
    expect((await campaign.contentReady).levels).toHaveLength(LEVEL_COUNT);
    expect(started).toEqual([]);
    expect(terminated()).toBe(true); // by the page, once it had the whole campaign
    // Taken: a head script running only now would start nothing.
    expect(page[EARLY_WORKER_GLOBAL]).toBeNull();
  });

  it("stops a head script's worker that was asked for another level, and starts its own", async () => {
    serve();
    const { early, terminated } = await headScriptWorker({ baseUrl: BASE, first: 'tutorial' });
    const { campaign, started } = await openInPage('?level=economic', early);
    expect(terminated()).toBe(true);
    await campaign.levelReady('economic');
    expect(campaign.levelContent('economic')?.levels.map((level) => level.id)).toEqual([
      'economic',
    ]);
    expect(started.map((name) => JSON.parse(name))).toEqual([{ baseUrl: BASE, first: 'economic' }]);
  });

  it('sends a level the campaign lacks to the whole campaign, which says it is not there', async () => {
    serve();
    const { campaign } = await open('?level=no-such-level', 'no worker');
    await campaign.levelReady('no-such-level');
    expect(campaign.hasContent()).toBe(true);
    expect(
      campaign.levelContent('no-such-level')?.levels.some((l) => l.id === 'no-such-level'),
    ).toBe(false);
  });
});
