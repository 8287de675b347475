/**
 * `npx tsx scripts/platform-screenshots.ts [lang...]`: builds the game and saves a phone
 * (390×844) and a desktop (1280×800) screenshot of each platform's feed to
 * docs/screenshots/<platform>-<phone|desktop>[-<lang>].png, with the briefing closed
 * and the first posts in view. English by default; other languages add a suffix.
 */
import { mkdirSync } from 'node:fs';
import { withBuiltGame } from './shot-game';

const LEVELS = { natter: 'cross-platform', buzzline: 'nationalism', loopy: 'celebrities' } as const;
const SIZES = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;
const languages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['en'];

await withBuiltGame(async (openFeed) => {
  mkdirSync('docs/screenshots', { recursive: true });
  for (const language of languages)
    for (const [platform, level] of Object.entries(LEVELS))
      for (const [size, viewport] of Object.entries(SIZES)) {
        const page = await openFeed({ query: `lang=${language}&level=${level}`, viewport });
        const suffix = language === 'en' ? '' : `-${language}`;
        const path = `docs/screenshots/${platform}-${size}${suffix}.png`;
        await page.screenshot({ path });
        console.error(`wrote ${path}`);
        await page.close();
      }
});
