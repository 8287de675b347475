/**
 * `npx tsx scripts/room-shots.ts [outDir]`: the platforms' rooms on the smallest screen
 * the game supports (320×640), for looking at by eye: plain, at 200 % text, in high
 * contrast, in Chinese and in Russian, each with a post's message menu or comments
 * where the room has them. Builds the game and writes PNGs to test-results/room-shots/
 * (not to docs/: these are for checking, not for showing).
 */
import { mkdirSync } from 'node:fs';
import { build, preview } from 'vite';
import { launch } from '../tests/e2e/browser';

const OUT_DIR = 'dist-shots';
const SHOTS_DIR = process.argv[2] ?? 'test-results/room-shots';
const LEVELS = { natter: 'cross-platform', buzzline: 'nationalism', loopy: 'celebrities' } as const;
const VARIANTS: Record<string, { lang: string; textScale?: string; contrast?: string }> = {
  plain: { lang: 'en' },
  text200: { lang: 'en', textScale: '200' },
  contrast: { lang: 'en', contrast: 'more' },
  zh: { lang: 'zh-Hans' },
  ru: { lang: 'ru' },
  'ru-text200-contrast': { lang: 'ru', textScale: '200', contrast: 'more' },
};

await build({ logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
const server = await preview({
  logLevel: 'warn',
  build: { outDir: OUT_DIR },
  preview: { port: 0, host: '127.0.0.1' },
});
const base = server.resolvedUrls?.local[0];
const browser = await launch();
try {
  mkdirSync(SHOTS_DIR, { recursive: true });
  for (const [variant, settings] of Object.entries(VARIANTS))
    for (const [platform, level] of Object.entries(LEVELS)) {
      const page = await browser.newPage({
        viewport: { width: 320, height: 640 },
        deviceScaleFactor: 1,
      });
      await page.addInitScript((saved) => {
        if (saved.textScale) localStorage.setItem('flag-the-feed:text-scale', saved.textScale);
        if (saved.contrast) localStorage.setItem('flag-the-feed:contrast', saved.contrast);
      }, settings);
      await page.goto(`${base}?lang=${settings.lang}&seed=shots&level=${level}`);
      const start = page.getByRole('dialog').getByRole('button').last();
      await start.waitFor({ timeout: 30_000 });
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1200);
      const path = (what: string) => `${SHOTS_DIR}/${platform}-${variant}${what}.png`;
      await page.screenshot({ path: path('') });
      // The message menu (Natter) or the post's comments (the others), opened as a player would.
      const first = page.locator('[data-key^="post-"]').first();
      await first.focus();
      await page.keyboard.press(platform === 'natter' ? 'Shift+F10' : 'c');
      await page.waitForTimeout(500);
      await page.screenshot({ path: path(platform === 'natter' ? '-menu' : '-comments') });
      console.error(`wrote ${path('')}`);
      await page.close();
    }
} finally {
  await browser.close();
  await server.close();
}
