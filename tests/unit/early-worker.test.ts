import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EARLY_WORKER_GLOBAL, earlyWorkerScript } from '../../scripts/vite-early-worker';

class FakeWorker {
  static started: FakeWorker[] = [];
  private readonly errorListeners: (() => void)[] = [];
  constructor(
    readonly url: string,
    readonly options: unknown,
  ) {
    FakeWorker.started.push(this);
  }
  addEventListener(type: string, listener: () => void): void {
    if (type === 'error') this.errorListeners.push(listener);
  }
  fail(): void {
    for (const listener of this.errorListeners) listener();
  }
}

/** Runs the head script as the page would, in a page at `search`; returns the page's globals. */
function runHeadScript(search: string, globals: Record<string, unknown> = {}) {
  FakeWorker.started = [];
  const page: Record<string, unknown> = {
    location: { search },
    URLSearchParams,
    Worker: FakeWorker,
    ...globals,
  };
  page.self = page;
  runInNewContext(earlyWorkerScript('assets/content-worker-abc123.js'), page);
  return page;
}

describe('the head script that starts the level worker (?level=)', () => {
  it('starts the worker as a module, from the page, and leaves it for the game', () => {
    const page = runHeadScript('?lang=en&level=tutorial');
    expect(FakeWorker.started).toHaveLength(1);
    expect(FakeWorker.started[0]?.url).toBe('./assets/content-worker-abc123.js');
    expect(FakeWorker.started[0]?.options).toEqual({ type: 'module' });
    expect(page[EARLY_WORKER_GLOBAL]).toBe(FakeWorker.started[0]);
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
    FakeWorker.started[0]?.fail();
    expect(EARLY_WORKER_GLOBAL in page).toBe(false);
  });

  it('leaves the game a page without workers, where the script cannot start one', () => {
    const page = runHeadScript('?level=tutorial', { Worker: undefined });
    expect(page[EARLY_WORKER_GLOBAL]).toBeUndefined();
  });
});
