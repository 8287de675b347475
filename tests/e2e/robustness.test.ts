import { describe, expect, inject, it } from 'vitest';
import { collectErrors, screenshot, serveLevels, sessionState, useBrowser } from './browser';

describe('level list and pointer input', () => {
  const browser = useBrowser();

  /**
   * A page whose level list has one more file, truncated; without workers, the levels
   * load on the main thread as where none can start (blocked, or not supported).
   */
  async function pageWithBrokenFile(workers: boolean) {
    const page = await browser().newPage({ viewport: { width: 1024, height: 768 } });
    const errors = collectErrors(page);
    if (!workers)
      await page.addInitScript(() => {
        delete (window as { Worker?: unknown }).Worker;
      });
    await serveLevels(page, {
      'zz-broken.json': '{ "formatVersion": 1, "id": "broken", "posts": [',
    });
    return { page, errors };
  }

  // Levels load and are checked in a worker; where none can start (blocked, or not
  // supported), the same code runs on the main thread and must report the same.
  it.each([
    { where: 'in a worker', workers: true },
    { where: 'without workers', workers: false },
  ])(
    'lists a truncated level file with its problem and keeps the others playable, $where',
    async ({ workers }) => {
      const { page, errors } = await pageWithBrokenFile(workers);
      const scripts: string[] = [];
      page.on('request', (request) => scripts.push(new URL(request.url()).pathname));
      await page.goto(`${inject('baseUrl')}?lang=en`);
      await page.getByRole('button', { name: 'Play' }).click();

      const problem = page.getByText(/levels\/zz-broken\.json: \(whole file\): a closing bracket/);
      await expect.poll(() => problem.count()).toBe(1);
      await expect
        .poll(() =>
          page.getByText('This level file could not be loaded: levels/zz-broken.json').count(),
        )
        .toBe(1);
      await screenshot(page, 'level-list-broken-file');
      // The console carries the same message, and nothing else went wrong.
      expect(errors.filter((error) => !error.includes('levels/zz-broken.json'))).toEqual([]);
      expect(errors.some((error) => error.includes('a closing bracket'))).toBe(true);

      // The code that checked the files: the worker's, or the main thread's chunk.
      expect(scripts.some((path) => path.includes('/content-worker-'))).toBe(workers);
      expect(scripts.some((path) => path.includes('/content-validation-'))).toBe(!workers);

      await page.getByRole('button', { name: /^Level 1: First scroll/ }).click();
      await expect
        .poll(() => page.getByRole('button', { name: 'Start scrolling' }).count())
        .toBe(1);
      await page.close();
    },
  );

  // ?level= loads its own file first and shows the feed; the other files follow for the
  // level list, where a broken one is still listed with its problem.
  it.each([
    { where: 'in a worker', workers: true },
    { where: 'without workers', workers: false },
  ])(
    'opens ?level= from its own file first and still lists a broken file, $where',
    async ({ workers }) => {
      const { page, errors } = await pageWithBrokenFile(workers);
      // Which level files had been requested when the feed's briefing appeared.
      const levelFiles: string[] = [];
      const workerScripts: string[] = [];
      page.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        const name = /\/levels\/(\d\d-[\w-]+\.json)$/.exec(path)?.[1];
        if (name) levelFiles.push(name);
        if (/\/(start-level-worker|content-worker)-/.test(path)) workerScripts.push(path);
      });
      await page.goto(`${inject('baseUrl')}?lang=en&level=economic&seed=first`);
      const start = page.getByRole('dialog').getByRole('button', { name: 'Start scrolling' });
      await expect.poll(() => start.count()).toBe(1);
      expect(levelFiles[0]).toBe('02-economic.json');
      // The page's first script started the one worker (scripts/vite-early-worker.ts),
      // and the game took it rather than starting a second.
      expect(
        workerScripts.map((path) => /(start-level-worker|content-worker)-/.exec(path)?.[1]),
      ).toEqual(workers ? ['start-level-worker', 'content-worker'] : ['start-level-worker']);
      await start.click();
      await expect.poll(() => page.getByRole('button', { name: /^Post 1 of / }).count()).toBe(1);

      await page.getByRole('button', { name: 'Levels', exact: true }).click();
      const problem = page.getByText(/levels\/zz-broken\.json: \(whole file\): a closing bracket/);
      await expect.poll(() => problem.count()).toBe(1);
      await expect
        .poll(() => page.getByRole('button', { name: /^Level 1: First scroll/ }).count())
        .toBe(1);
      expect(new Set(levelFiles).size).toBe(10);
      expect(errors.filter((error) => !error.includes('levels/zz-broken.json'))).toEqual([]);
      await page.close();
    },
  );

  it('plays a post by mouse, and by touch on a phone-sized screen', async () => {
    for (const device of [
      { name: 'mouse', viewport: { width: 1280, height: 800 }, hasTouch: false },
      { name: 'touch', viewport: { width: 360, height: 640 }, hasTouch: true },
    ]) {
      const context = await browser().newContext({
        viewport: device.viewport,
        hasTouch: device.hasTouch,
      });
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${inject('baseUrl')}?lang=en&seed=pointer`);
      const activate = (locator: ReturnType<typeof page.getByRole>) =>
        device.hasTouch ? locator.tap() : locator.click();
      await activate(page.getByRole('button', { name: 'Play' }));
      await activate(page.getByRole('button', { name: /^Level 1: First scroll/ }));
      await activate(page.getByRole('button', { name: 'Start scrolling' }));
      await activate(page.getByRole('button', { name: /^Post 1 of / }));
      const dialog = page.getByRole('dialog');
      await activate(dialog.getByRole('button', { name: /^Misinformation/ }));
      await expect
        .poll(() =>
          dialog.getByRole('button', { name: /^Misinformation/ }).getAttribute('aria-pressed'),
        )
        .toBe('true');
      await screenshot(page, `post-open-${device.name}`);
      await activate(dialog.getByRole('button', { name: /^Flag post/ }));
      await activate(dialog.getByRole('button', { name: 'Continue' }));
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      await expect
        .poll(() => sessionState(page).then((state) => Object.keys(state.answers).length))
        .toBe(1);
      await expect
        .poll(() => page.getByRole('button', { name: /^Post 1 of .*, flagged:/ }).count())
        .toBe(1);
      await screenshot(page, `feed-${device.name}`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
