/**
 * axe-core in real Chromium on every screen a student meets (title, level list, feed,
 * an open post, settings, feedback, debrief), in English and Chinese: no serious or
 * critical violation anywhere. axe's source goes in through the DevTools protocol
 * (page.evaluate), so the game's Content-Security-Policy stays as strict as it ships.
 * Screenshots of each screen at 360×640 and 1920×1080 go to test-results/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Level } from '../../src/core/level/schema';
import { collectErrors, launch, press, screenshot } from './browser';
import { wordsFor } from './words';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const level = JSON.parse(readFileSync('levels/01-tutorial.json', 'utf8')) as Level;

/** Serious and critical violations, one readable line per element. */
async function axeProblems(page: Page, screen: string): Promise<string[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe.run(
      document,
    ),
  );
  return results.violations
    .filter(
      (violation: Result) => violation.impact === 'serious' || violation.impact === 'critical',
    )
    .flatMap((violation: Result) =>
      violation.nodes.map(
        (node) =>
          `${screen}: ${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/gu, ' ')}`,
      ),
    );
}

const SIZES = [
  { name: 'phone', width: 360, height: 640 },
  { name: 'desktop', width: 1920, height: 1080 },
] as const;

describe.each(['en', 'zh-Hans'])('axe-core in %s', (language) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(SIZES)(
    'finds nothing serious on any screen at $width×$height',
    {
      timeout: 300_000,
    },
    async (size) => {
      const { t, text } = await wordsFor(language);
      const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
      const errors = collectErrors(page);
      const problems: string[] = [];
      const check = async (screen: string) => {
        await page.waitForTimeout(150);
        await screenshot(page, `a11y-${language}-${size.name}-${screen}`);
        problems.push(...(await axeProblems(page, screen)));
      };
      await page.goto(`${inject('baseUrl')}?lang=${language}&seed=axe`);
      const play = page.getByRole('button', { name: t('title.play'), exact: true });
      await expect.poll(() => play.count()).toBe(1);
      await check('title');

      await press(page, page.getByRole('button', { name: t('title.settings'), exact: true }));
      await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
      await check('settings');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      await press(page, play);
      const levelOne = page.getByRole('button', {
        name: t('levels.open', { number: 1, title: text(level.title) }),
        exact: true,
      });
      await expect.poll(() => levelOne.count()).toBe(1);
      await check('levels');

      await press(page, levelOne);
      const start = page.getByRole('button', { name: t('feed.start'), exact: true });
      await expect.poll(() => start.count()).toBe(1);
      await check('briefing');
      await press(page, start);
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      await check('feed');

      const posts = page
        .getByRole('list', {
          name: t('feed.listLabel', { platform: t(`platforms.${level.platform}.name`) }),
        })
        .getByRole('button');
      const count = level.posts.length;
      await expect.poll(() => posts.count()).toBe(count);
      for (let index = 0; index < count; index++) {
        await press(page, posts.nth(index));
        const dialog = page.getByRole('dialog');
        await expect.poll(() => dialog.count()).toBe(1);
        if (index === 0) await check('post');
        await press(page, dialog.getByRole('button', { name: t('post.pass'), exact: true }));
        const next = dialog.getByRole('button', { name: t('feedback.continue'), exact: true });
        await expect.poll(() => next.count()).toBe(1);
        if (index === 0) await check('feedback');
        await press(page, next);
        await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      }
      await expect
        .poll(() => page.getByRole('table', { name: t('debrief.numbers') }).count(), {
          timeout: 10_000,
        })
        .toBe(1);
      await check('debrief');

      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
