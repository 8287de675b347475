/**
 * Hostile content and broken environments: script in level text, hostile URL
 * parameters, blocked or corrupt storage, and an unexpected error. Nothing may run,
 * nothing may crash, and the player is told what happened.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { collectErrors, press, screenshot, serveLevels, sessionState, useBrowser } from './browser';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3">',
  'javascript:window.__pwned=4',
];

/** Level 1 with every text replaced by hostile markup plus its own words, and one huge text. */
function hostileLevel(): string {
  const level = JSON.parse(readFileSync('levels/01-tutorial.json', 'utf8'));
  let n = 0;
  const poison = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(poison);
    if (value && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      const isText =
        entries.length > 0 &&
        entries.every(
          ([key, text]) => /^[a-z]{2}(-[A-Z][a-z]{3})?$/.test(key) && typeof text === 'string',
        );
      if (isText) {
        return Object.fromEntries(
          entries.map(([key, text]) => [key, `${PAYLOADS[n++ % PAYLOADS.length]} ${text}`]),
        );
      }
      return Object.fromEntries(
        entries.map(([key, inner]) => [key, key === 'evidence' ? inner : poison(inner)]),
      );
    }
    return value;
  };
  const hostile = poison(level) as typeof level;
  // Evidence phrases must still occur in the text; they are untouched and still do.
  hostile.id = 'hostile';
  hostile.order = 99;
  hostile.posts[0].text = Object.fromEntries(
    Object.keys(hostile.posts[0].text).map((key) => [key, `${'A very long post. '.repeat(220)}`]),
  );
  return JSON.stringify(hostile);
}

describe('untrusted content and broken environments', () => {
  const browser = useBrowser();

  it('shows hostile level text as text: nothing runs, nothing breaks', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await serveLevels(page, { 'zz-hostile.json': hostileLevel() });
    await page.goto(`${inject('baseUrl')}?lang=en&level=hostile&seed=hostile`);
    const start = page.getByRole('dialog').getByRole('button', { name: 'Start scrolling' });
    await expect.poll(() => start.count()).toBe(1);
    // The briefing shows the markup literally.
    expect(await page.getByRole('dialog').textContent()).toContain('<');
    await start.click();
    // Post 1 is huge, so post 2 is far below: reach it by keyboard, which scrolls it into view.
    await press(page, page.getByRole('button', { name: /^Post 2 of / }));
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    expect(await page.getByRole('dialog').textContent()).toMatch(
      /<img src=x onerror|<script>|<svg onload|javascript:/,
    );
    await screenshot(page, 'hostile-post');

    // Investigation results are level text too: run every check on the post with most.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const { order } = await sessionState(page);
    const investigated = order.indexOf('t02-contract-abroad');
    await press(
      page,
      page.getByRole('button', { name: new RegExp(`^Post ${investigated + 1} of `) }),
    );
    const checks = page.getByRole('dialog').locator('[data-check]');
    await expect.poll(() => checks.count()).toBe(4);
    for (const check of await checks.all()) await press(page, check);
    const results = page.getByRole('dialog').locator('.results');
    await expect.poll(() => results.getByRole('region').count()).toBe(4);
    expect(await results.textContent()).toMatch(
      /<img src=x onerror|<script>|<svg onload|javascript:/,
    );
    await screenshot(page, 'hostile-investigation');

    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    // The only images are the game's own pictures (src/pictures/), drawn as SVG data
    // from the level's data, never from its markup; no element came from level text.
    expect(
      await page
        .locator(
          '#overlay img:not(.picture), #overlay script, #overlay svg, dialog img:not(.picture), dialog script, dialog svg',
        )
        .count(),
    ).toBe(0);
    const pictures = await page
      .locator('dialog img.picture')
      .evaluateAll((images) => images.map((image) => (image as HTMLImageElement).src));
    expect(pictures.length).toBeGreaterThan(0);
    for (const src of pictures) expect(src).toMatch(/^data:image\/svg\+xml/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ignores hostile URL parameters', async () => {
    const page = await browser().newPage();
    const errors = collectErrors(page);
    const hostile = encodeURIComponent('<img src=x onerror=window.__pwned=1>');
    await page.goto(
      `${inject('baseUrl')}?lang=${hostile}&level=${hostile}&seed=${'9'.repeat(5000)}`,
    );
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays with storage blocked and says progress will not be kept', async () => {
    const page = await browser().newPage();
    const errors = collectErrors(page);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await page.goto(`${inject('baseUrl')}?lang=en`);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'not letting the game save' }).count())
      .toBe(1);
    await screenshot(page, 'storage-blocked');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Level 1:/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a corrupt save aside, says so, and starts', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?lang=en`);
    await page.evaluate(() =>
      localStorage.setItem('flag-the-feed:progress', '{"version":1,"levels":{"tutorial":'),
    );
    await page.reload();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'could not be read' }).count())
      .toBe(1);
    expect(
      await page.evaluate(() => localStorage.getItem('flag-the-feed:progress:unreadable')),
    ).toBe('{"version":1,"levels":{"tutorial":');
    // The console hears about it as a warning, not an error.
    expect(errors).toEqual([]);
    await context.close();
  });

  it('catches an unexpected error: a friendly screen, a copyable report, and back to the menu', async () => {
    const page = await browser().newPage();
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?lang=en`);
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('simulated failure');
      });
    });
    const screen = page.getByRole('alertdialog', { name: 'Something went wrong' });
    await expect.poll(() => screen.count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Error report' }).inputValue()).toContain(
      'Error: simulated failure',
    );
    await screenshot(page, 'error-screen');
    await screen.getByRole('button', { name: 'Back to the menu' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    // The simulated failure itself is the only error the page saw.
    expect(errors.every((error) => error.includes('simulated failure'))).toBe(true);
    await page.close();
  });
});
