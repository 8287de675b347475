import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { earlyWorkerScript } from '../../scripts/vite-early-worker';
import { requestFromName } from '../../src/services/content-validation';
import { EARLY_WORKER_GLOBAL } from '../../src/services/early-worker';

const BASE = 'https://school.example/flag-the-feed/';

class FakeWorker {
  static started: FakeWorker[] = [];
  private readonly listeners = new Map<string, Set<(event: { data?: unknown }) => void>>();
  constructor(
    readonly url: string,
    readonly options: { type: string; name: string },
  ) {
    FakeWorker.started.push(this);
  }
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void {
    this.listeners.set(type, (this.listeners.get(type) ?? new Set()).add(listener));
  }
  removeEventListener(type: string, listener: (event: { data?: unknown }) => void): void {
    this.listeners.get(type)?.delete(listener);
  }
  emit(type: string, data?: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
}

interface Early {
  worker: FakeWorker;
  request: string;
  take(): unknown[];
}

/** Runs the head script as the page would, in a page at `search`; returns the page's globals. */
function runHeadScript(search: string, globals: Record<string, unknown> = {}) {
  FakeWorker.started = [];
  const page: Record<string, unknown> = {
    location: { search },
    document: { baseURI: BASE },
    URLSearchParams,
    Worker: FakeWorker,
    ...globals,
  };
  page.self = page;
  runInNewContext(earlyWorkerScript('assets/content-worker-abc123.js'), page);
  return page as Record<string, unknown> & { [EARLY_WORKER_GLOBAL]?: Early | null };
}

describe('the head script that starts the level worker (?level=)', () => {
  it('starts the worker as a module with the request the game makes, in its name', () => {
    const page = runHeadScript('?lang=en&level=tutorial');
    expect(FakeWorker.started).toHaveLength(1);
    const worker = FakeWorker.started[0] as FakeWorker;
    expect(worker.url).toBe('./assets/content-worker-abc123.js');
    expect(worker.options.type).toBe('module');
    expect(requestFromName(worker.options.name)).toEqual({ baseUrl: BASE, first: 'tutorial' });
    expect(page[EARLY_WORKER_GLOBAL]?.worker).toBe(worker);
    expect(page[EARLY_WORKER_GLOBAL]?.request).toBe(worker.options.name);
  });

  it('keeps the answers that come before the game takes the worker, and no more after', () => {
    const page = runHeadScript('?level=tutorial');
    const worker = FakeWorker.started[0] as FakeWorker;
    worker.emit('message', { kind: 'first', first: null });
    const kept = page[EARLY_WORKER_GLOBAL]?.take();
    worker.emit('message', { kind: 'all', ok: false, message: 'late' });
    expect(kept).toEqual([{ kind: 'first', first: null }]);
  });

  it('starts nothing without a level, or with an empty one', () => {
    runHeadScript('?lang=en');
    runHeadScript('?level=');
    expect(FakeWorker.started).toEqual([]);
  });

  it('starts nothing when the game ran first and started its own', () => {
    runHeadScript('?level=tutorial', { [EARLY_WORKER_GLOBAL]: null });
    expect(FakeWorker.started).toEqual([]);
  });

  it('drops a worker that fails before the game takes it, so the game starts its own', () => {
    const page = runHeadScript('?level=tutorial');
    FakeWorker.started[0]?.emit('error');
    expect(EARLY_WORKER_GLOBAL in page).toBe(false);
  });

  it('leaves the game a page without workers, where the script cannot start one', () => {
    const page = runHeadScript('?level=tutorial', { Worker: undefined });
    expect(page[EARLY_WORKER_GLOBAL]).toBeUndefined();
  });
});
