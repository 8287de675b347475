/**
 * `npm run icons`: draws the app icons (public/icons/*.png) from assets/icons/icon.svg
 * with the same headless Chromium as the end-to-end tests. The PNGs are committed, so a
 * fresh clone builds without running this; run it again after changing the SVG.
 *
 * - icon-192.png, icon-512.png: the icon as drawn, transparent corners ("any" purpose).
 * - icon-maskable-512.png: full-bleed background with the icon inside the 80% safe zone
 *   that launchers may crop to a circle or squircle ("maskable" purpose).
 * - apple-touch-icon.png (180): full-bleed, since iOS fills transparency with black.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../tests/e2e/browser';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'public', 'icons');
const BACKGROUND = '#14161f';

const svg = readFileSync(join(ROOT, 'assets', 'icons', 'icon.svg'), 'utf8');
const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const ICONS = [
  { file: 'icon-192.png', size: 192, scale: 1, background: null },
  { file: 'icon-512.png', size: 512, scale: 1, background: null },
  { file: 'icon-maskable-512.png', size: 512, scale: 0.72, background: BACKGROUND },
  { file: 'apple-touch-icon.png', size: 180, scale: 1, background: BACKGROUND },
];

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await launch();
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({
        viewport: { width: icon.size, height: icon.size },
        deviceScaleFactor: 1,
      });
      const inner = Math.round(icon.size * icon.scale);
      await page.setContent(
        `<html><body style="margin:0;display:grid;place-items:center;width:${icon.size}px;height:${icon.size}px;background:${icon.background ?? 'transparent'}">` +
          `<img src="${source}" width="${inner}" height="${inner}" alt=""></body></html>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      await page.screenshot({ path: join(OUT, icon.file), omitBackground: !icon.background });
      await page.close();
      console.log(`public/icons/${icon.file}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
