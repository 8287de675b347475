/**
 * Pictures instead of description boxes, read the way a screen reader reads them: a
 * short fixture level whose every post has media; each open post shows its picture
 * as an image named by its description; the words in a picture are sentences to mark;
 * the reverse image search puts the earlier picture beside this one; and emoji draw in
 * colour from the game's own emoji font, on a machine that has none.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { collectErrors, press, screenshot, serveLevels, sessionState, useBrowser } from './browser';

const FIXTURE = readFileSync('tests/fixtures/levels/pictures.json', 'utf8');
const LEVEL = JSON.parse(FIXTURE) as {
  posts: { id: string; media?: Record<string, string> }[];
};

async function start(page: Page, language: string): Promise<void> {
  await serveLevels(
    page,
    { 'zz-pictures.json': FIXTURE },
    { 'pictures-fixture': 'zz-pictures.json' },
  );
  await page.goto(`${inject('baseUrl')}?lang=${language}&level=pictures-fixture&seed=pictures`);
  const begin = page.getByRole('dialog').getByRole('button').last();
  await expect.poll(() => page.getByRole('dialog').count(), { timeout: 10_000 }).toBe(1);
  await press(page, begin);
  await expect.poll(() => page.getByRole('dialog').count(), { timeout: 10_000 }).toBe(0);
}

async function openPost(page: Page, postId: string): Promise<void> {
  const { order } = await sessionState(page);
  const buttons = page.locator('[data-key^="post-"]');
  await press(page, buttons.nth(order.indexOf(postId)));
  await expect.poll(() => page.getByRole('dialog').count(), { timeout: 10_000 }).toBe(1);
}

/** Whether an <img> has finished drawing a picture (a data: SVG with a size). */
function drawn(page: Page, selector: string): Promise<boolean[]> {
  return page.$$eval(selector, (images) =>
    (images as HTMLImageElement[]).map(
      (image) =>
        image.src.startsWith('data:image/svg+xml') && image.complete && image.naturalWidth > 0,
    ),
  );
}

describe('pictures', () => {
  const browser = useBrowser();

  it('every post with media shows a picture named by its description, not a description box', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 } });
    const errors = collectErrors(page);
    await start(page, 'en');
    await expect.poll(() => page.locator('canvas').count(), { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(600);
    await screenshot(page, 'pictures-feed-phone');
    for (const post of LEVEL.posts.filter((entry) => entry.media)) {
      await openPost(page, post.id);
      const dialog = page.getByRole('dialog');
      const image = dialog.getByRole('img', { name: post.media?.en });
      expect(await image.count(), post.id).toBe(1);
      await expect
        .poll(() => drawn(page, 'dialog img.picture'), { timeout: 10_000 })
        .toEqual([true]);
      if (post.id === 'hero') await screenshot(page, 'pictures-post-video');
      await press(page, dialog.getByRole('button', { name: 'Close' }));
      await expect.poll(() => page.getByRole('dialog').count(), { timeout: 10_000 }).toBe(0);
    }
    expect(errors).toEqual([]);
  });

  it.each([
    {
      language: 'en',
      close: 'Close',
      search: 'Reverse image search',
      group: 'Words in the picture',
    },
    { language: 'ru', search: null, group: 'Надписи на картинке' },
    { language: 'uk', search: null, group: 'Написи на зображенні' },
    { language: 'zh-Hans', search: null, group: '图片中的文字' },
  ])(
    'in $language the watermark is evidence the player can mark',
    async ({ language, search, group }) => {
      const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
      const errors = collectErrors(page);
      await start(page, language);
      await openPost(page, 'pay');
      const dialog = page.getByRole('dialog');
      const words = dialog.getByRole('group', { name: group });
      const watermark = words.getByRole('button', { name: 'recruit-centre-7' });
      await press(page, watermark, 'Space');
      await expect
        .poll(() => watermark.getAttribute('aria-pressed'), { timeout: 10_000 })
        .toBe('true');
      const { draft } = await sessionState(page);
      // The watermark is the last sentence: after the post text's and the caption's.
      expect(draft.evidence).toEqual([Number(await watermark.getAttribute('data-sentence'))]);
      if (search) {
        await press(page, dialog.getByRole('button', { name: search }));
        const result = dialog.getByRole('region', { name: 'Reverse image search result' });
        await expect.poll(() => result.count(), { timeout: 10_000 }).toBe(1);
        expect(await result.getByRole('img').count()).toBe(2);
        await expect
          .poll(() => drawn(page, '.side-by-side img'), { timeout: 10_000 })
          .toEqual([true, true]);
        await result.scrollIntoViewIfNeeded();
        await screenshot(page, 'pictures-reverse-image');
      }
      // Flag it: the marked watermark earns the evidence bonus.
      await press(page, dialog.locator('[data-tactic="economic-incentive"]'));
      await press(page, dialog.locator('[data-action="flag"]'));
      const bonus = page.locator('[data-evidence-bonus]');
      await expect.poll(() => bonus.count(), { timeout: 10_000 }).toBe(1);
      expect(Number(await bonus.getAttribute('data-evidence-bonus'))).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    },
  );

  it('emoji draw in colour from the game font, where the system has no emoji font', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 } });
    await start(page, 'en');
    const colourful = await page.evaluate(async () => {
      const family = getComputedStyle(document.body).fontFamily;
      await document.fonts.load(`32px ${family}`, '🎂🔥💰💪❄️');
      const canvas = document.createElement('canvas');
      canvas.width = 240;
      canvas.height = 48;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.font = `32px ${family}`;
      context.fillStyle = '#000';
      context.fillText('🎂🔥💰💪❄️', 4, 38);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
        if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
      }
      return coloured;
    });
    // Missing-glyph boxes are drawn in the text colour alone: no coloured pixel at all.
    expect(colourful).toBeGreaterThan(500);
  });
});
