/**
 * What the screenshot scripts share: the game built and served, one browser, and a
 * level's feed opened with its briefing closed and the first posts drawn.
 */
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import { launch } from '../tests/e2e/browser';

const OUT_DIR = 'dist-shots';

export interface FeedShot {
  /** The page's query, e.g. `lang=ru&level=celebrities`. */
  query: string;
  viewport: { width: number; height: number };
  /** Saved preferences (localStorage) the game starts with, e.g. a text size. */
  saved?: Record<string, string>;
}

export type OpenFeed = (shot: FeedShot) => Promise<Page>;

export async function withBuiltGame(work: (openFeed: OpenFeed) => Promise<void>): Promise<void> {
  await build({ logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const base = server.resolvedUrls?.local[0];
  const browser = await launch();
  try {
    await work(async ({ query, viewport, saved }) => {
      const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
      if (saved)
        await page.addInitScript((entries) => {
          for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
        }, saved);
      await page.goto(`${base}?seed=shots&${query}`);
      const start = page.getByRole('dialog').getByRole('button').last();
      await start.waitFor({ timeout: 30_000 });
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1200);
      return page;
    });
  } finally {
    await browser.close();
    await server.close();
  }
}
