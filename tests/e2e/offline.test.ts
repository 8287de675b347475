/**
 * Offline after the first visit: load the game once, wait for the service worker to
 * take charge, cut the network, reload, and play level 1 to the debrief with the
 * keyboard. Every response after the cut must come from the service worker.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Level } from '../../src/core/level/schema';
import { collectErrors, press, screenshot, useBrowser } from './browser';

const level = JSON.parse(readFileSync('levels/01-tutorial.json', 'utf8')) as Level;

describe('offline play', () => {
  const browser = useBrowser();

  it('reloads with the network off and plays level 1 to the debrief', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?seed=offline&lang=en`);
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    // The worker controls the page once it has installed, i.e. once everything is precached.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 90_000,
    });

    await context.setOffline(true);
    const fromNetwork: string[] = [];
    let fromWorker = 0;
    page.on('response', (response) => {
      if (!response.url().startsWith('http')) return;
      if (response.fromServiceWorker()) fromWorker++;
      else fromNetwork.push(response.url());
    });
    await page.reload();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    await press(page, page.getByRole('button', { name: 'Play' }));
    await press(page, page.getByRole('button', { name: /^Level 1: / }));
    const start = page.getByRole('dialog').getByRole('button', { name: 'Start scrolling' });
    await expect.poll(() => start.count()).toBe(1);
    await press(page, start);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    const total = level.posts.length;
    for (let index = 0; index < total; index++) {
      await press(
        page,
        page.getByRole('button', { name: new RegExp(`^Post ${index + 1} of ${total},`) }),
      );
      const dialog = page.getByRole('dialog');
      await press(page, dialog.getByRole('button', { name: 'Looks genuine' }));
      const next = dialog.getByRole('button', { name: 'Continue' });
      await expect.poll(() => next.count()).toBe(1);
      await press(page, next);
    }
    await expect
      .poll(() => page.getByRole('table', { name: 'Your numbers' }).count(), { timeout: 10_000 })
      .toBe(1);
    await screenshot(page, 'offline-debrief');

    expect(fromNetwork).toEqual([]);
    // The page, its script, the levels and the sounds at least.
    expect(fromWorker).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await context.close();
  });
});
