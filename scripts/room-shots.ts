/**
 * `npx tsx scripts/room-shots.ts [outDir]`: the platforms' rooms on the smallest screen
 * the game supports (320×640), for looking at by eye: plain, at 200 % text, in high
 * contrast, in Chinese and in Russian, each also with the first post's message menu
 * (Natter) or comments (the others) open. Writes PNGs to test-results/room-shots/
 * (not to docs/: these are for checking, not for showing).
 */
import { mkdirSync } from 'node:fs';
import { withBuiltGame } from './shot-game';

const SHOTS_DIR = process.argv[2] ?? 'test-results/room-shots';
const LEVELS = { natter: 'cross-platform', buzzline: 'nationalism', loopy: 'celebrities' } as const;
const TEXT_200 = { 'flag-the-feed:text-scale': '200' };
const CONTRAST = { 'flag-the-feed:contrast': 'more' };
const VARIANTS: Record<string, { lang: string; saved?: Record<string, string> }> = {
  plain: { lang: 'en' },
  text200: { lang: 'en', saved: TEXT_200 },
  contrast: { lang: 'en', saved: CONTRAST },
  zh: { lang: 'zh-Hans' },
  ru: { lang: 'ru' },
  'ru-text200-contrast': { lang: 'ru', saved: { ...TEXT_200, ...CONTRAST } },
};

await withBuiltGame(async (openFeed) => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  for (const [variant, { lang, saved }] of Object.entries(VARIANTS))
    for (const [platform, level] of Object.entries(LEVELS)) {
      const page = await openFeed({
        query: `lang=${lang}&level=${level}`,
        viewport: { width: 320, height: 640 },
        saved,
      });
      const path = (what: string) => `${SHOTS_DIR}/${platform}-${variant}${what}.png`;
      await page.screenshot({ path: path('') });
      // The first post's message menu (Natter) or comments (the others), as a keyboard player opens them.
      await page.locator('[data-key^="post-"]').first().focus();
      await page.keyboard.press(platform === 'natter' ? 'Shift+F10' : 'c');
      await page.waitForTimeout(500);
      await page.screenshot({ path: path(platform === 'natter' ? '-menu' : '-comments') });
      console.error(`wrote ${path('')}`);
      await page.close();
    }
});
