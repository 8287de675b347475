/**
 * `npx tsx scripts/platform-screenshots.ts [lang...]`: builds the game and saves a phone
 * (390×844) and a desktop (1280×800) screenshot of each platform's feed to
 * docs/screenshots/<platform>-<phone|desktop>[-<lang>].png, with the briefing closed
 * and the first posts in view. English by default; other languages add a suffix.
 */
import { mkdirSync } from 'node:fs';
import { build, preview } from 'vite';
import { launch } from '../tests/e2e/browser';

const OUT_DIR = 'dist-shots';
const LEVELS = { natter: 'cross-platform', buzzline: 'nationalism', loopy: 'celebrities' } as const;
const SIZES = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;
const languages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['en'];

await build({ logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
const server = await preview({
  logLevel: 'warn',
  build: { outDir: OUT_DIR },
  preview: { port: 0, host: '127.0.0.1' },
});
const base = server.resolvedUrls?.local[0];
const browser = await launch();
try {
  mkdirSync('docs/screenshots', { recursive: true });
  for (const language of languages)
    for (const [platform, level] of Object.entries(LEVELS))
      for (const [size, viewport] of Object.entries(SIZES)) {
        const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
        await page.goto(`${base}?lang=${language}&seed=shots&level=${level}`);
        const start = page.getByRole('dialog').getByRole('button').last();
        await start.waitFor({ timeout: 30_000 });
        await page.keyboard.press('Escape');
        await page.waitForTimeout(1200);
        const suffix = language === 'en' ? '' : `-${language}`;
        const path = `docs/screenshots/${platform}-${size}${suffix}.png`;
        await page.screenshot({ path });
        console.error(`wrote ${path}`);
        await page.close();
      }
} finally {
  await browser.close();
  await server.close();
}
