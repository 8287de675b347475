/**
 * The whole of level 1 in every shipped language, by keyboard through the accessible
 * layer. Button and post names come from the locale and level files (through i18next,
 * as the game does), so a missing or mistranslated name fails here. On the way, every
 * canvas text is measured against its post card or button: Chinese lines that do not
 * wrap, or a Russian label too long for its button, would stick out. Screenshots per
 * language go to test-results/screenshots/lang-<lng>-*.png.
 *
 * A second test switches language in the settings mid-level and comes back to the same
 * session, now in the new language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Level, Taxonomy } from '../../src/core/level/schema';
import { FONT_STACK } from '../../src/ui/theme';
import { collectErrors, press, screenshot, sessionState, useBrowser } from './browser';
import {
  installLayoutProbe,
  measuredCards,
  onPhone,
  sceneProblems,
  sceneShown,
  watchCards,
} from './layout-probe';
import { type Words, wordsFor } from './words';

const LANGUAGES = readdirSync('locales', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const level = JSON.parse(readFileSync('levels/01-tutorial.json', 'utf8')) as Level;
const taxonomy = JSON.parse(readFileSync('levels/taxonomy.json', 'utf8')) as Taxonomy;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const isManipulative = (post: Level['posts'][number]) =>
  post.truth.tactics.length > 0 || post.truth.lure;

function tacticName(words: Words, id: string): string {
  if (id === 'lure') return words.text(taxonomy.lure.name);
  const tactic = [...taxonomy.tactics, ...(level.tactics ?? [])].find((entry) => entry.id === id);
  if (!tactic) throw new Error(`unknown tactic ${id}`);
  return words.text(tactic.name);
}

function authorName(words: Words, post: Level['posts'][number]): string {
  const account = level.accounts.find((entry) => entry.id === post.author);
  return account ? words.text(account.name) : post.author;
}

/** The accessible name the feed gives a post. */
function postLabel(words: Words, postId: string, order: string[], status: string): string {
  const post = level.posts.find((entry) => entry.id === postId);
  if (!post) throw new Error(`unknown post ${postId}`);
  return words.t('feed.postLabel', {
    index: order.indexOf(postId) + 1,
    total: order.length,
    name: authorName(words, post),
    status,
    text: words.text(post.text),
  });
}

/**
 * Characters the canvas font stack has no glyph for: they draw exactly like an
 * unassigned code point (the "tofu" box). Chinese shows this when no CJK font is
 * installed; .ci/run installs fonts-noto-cjk for that.
 */
async function missingGlyphs(page: Page, text: string): Promise<string[]> {
  const letters = [...new Set(text.replace(/[\s\p{P}\p{S}\p{N}]/gu, ''))];
  return page.evaluate(
    ({ letters, fontStack }) => {
      const draw = (char: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 48;
        canvas.height = 48;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.font = `32px ${fontStack}`;
        context.fillText(char, 4, 36);
        return context.getImageData(0, 0, 48, 48).data.join();
      };
      const box = draw('\u{10FFFD}');
      return letters.filter((char) => draw(char) === box);
    },
    { letters, fontStack: FONT_STACK },
  );
}

describe.each(LANGUAGES)('level 1 in %s', (language) => {
  const browser = useBrowser();
  let words: Words;
  beforeAll(async () => {
    words = await wordsFor(language);
  });

  // A whole level per language: slower than one file's default on a loaded machine.
  it('plays to the debrief by keyboard, with every text inside its card or button', {
    timeout: 300_000,
  }, async () => {
    const { t, text } = words;
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(installLayoutProbe);
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?lang=${language}&seed=lang`);
    await sceneShown(page, 'title');
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    await screenshot(page, `lang-${language}-title`);
    expect(await missingGlyphs(page, t('title.tagline') + text(level.title))).toEqual([]);
    expect(await sceneProblems(page, 'title')).toEqual([]);
    expect(await onPhone(page, 'title', `lang-${language}-title-phone`)).toEqual([]);

    await press(page, page.getByRole('button', { name: t('title.play'), exact: true }));
    await sceneShown(page, 'levels');
    expect(await sceneProblems(page, 'levels')).toEqual([]);
    expect(await onPhone(page, 'levels', `lang-${language}-levels-phone`)).toEqual([]);
    await watchCards(page);
    await press(
      page,
      page.getByRole('button', {
        name: t('levels.open', { number: 1, title: text(level.title) }),
        exact: true,
      }),
    );
    const briefing = page.getByRole('dialog', { name: text(level.title), exact: true });
    await expect.poll(() => briefing.count()).toBe(1);
    await press(page, briefing.getByRole('button', { name: t('feed.start'), exact: true }));
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await sceneShown(page, 'feed');
    await screenshot(page, `lang-${language}-feed`);
    expect(await sceneProblems(page, 'feed')).toEqual([]);
    expect((await measuredCards(page, level.posts.length)).problems).toEqual([]);
    // Narrow cards wrap the most: lay the feed out again on a phone and measure again.
    await watchCards(page);
    const phoneCards = onPhone(page, 'feed', `lang-${language}-feed-phone`, async () => {
      expect((await measuredCards(page, level.posts.length)).problems).toEqual([]);
    });
    expect(await phoneCards).toEqual([]);

    const { order } = await sessionState(page);
    for (const [index, postId] of order.entries()) {
      const post = level.posts.find((entry) => entry.id === postId) as Level['posts'][number];
      await press(
        page,
        page.getByRole('button', {
          name: postLabel(words, postId, order, t('feed.statusOpen')),
          exact: true,
        }),
      );
      const dialog = page.getByRole('dialog', {
        name: t('post.title', { name: authorName(words, post) }),
        exact: true,
      });
      await expect.poll(() => dialog.count()).toBe(1);
      if (index === 0) await screenshot(page, `lang-${language}-post`);
      if (isManipulative(post)) {
        const choices = [...post.truth.tactics, ...(post.truth.lure ? ['lure'] : [])];
        for (const id of choices) {
          const choice = dialog.getByRole('button', {
            name: new RegExp(`^${escapeRegExp(tacticName(words, id))}`, 'u'),
          });
          await press(page, choice, 'Space');
          await expect.poll(() => choice.getAttribute('aria-pressed')).toBe('true');
        }
        await press(
          page,
          dialog.getByRole('button', {
            name: t('post.flagCount', { count: choices.length }),
            exact: true,
          }),
        );
      } else {
        await press(page, dialog.getByRole('button', { name: t('post.pass'), exact: true }));
      }
      const feedback = page.getByRole('dialog', { name: t('feedback.rightCall'), exact: true });
      await expect.poll(() => feedback.count()).toBe(1);
      if (index === 0) await screenshot(page, `lang-${language}-feedback`);
      await press(
        page,
        feedback.getByRole('button', { name: t('feedback.continue'), exact: true }),
      );
      if (index === 0) {
        // A decided card carries a stamp in this language: it must fit the card too.
        await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
        await page.waitForTimeout(300); // the stamp's animation
        expect(await sceneProblems(page, 'feed')).toEqual([]);
      }
    }

    await expect
      .poll(() => page.getByRole('table', { name: t('debrief.numbers') }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    const manipulative = level.posts.filter(isManipulative).length;
    const spotted = t('debrief.spotted', { count: manipulative, hits: manipulative });
    await expect.poll(() => page.getByText(spotted, { exact: false }).count()).toBe(1);
    await screenshot(page, `lang-${language}-debrief`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('switching language mid-level', () => {
  const browser = useBrowser();

  it('keeps the session and shows it in the new language', { timeout: 300_000 }, async () => {
    const from = await wordsFor('en');
    const toLanguage = LANGUAGES.includes('zh-Hans') ? 'zh-Hans' : (LANGUAGES.at(-1) as string);
    const to = await wordsFor(toLanguage);
    const page = await browser().newPage({ viewport: { width: 390, height: 844 } });
    await page.addInitScript(installLayoutProbe);
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?lang=en&seed=switch`);
    await press(page, page.getByRole('button', { name: from.t('title.play'), exact: true }));
    const levelOne = (words: Words) =>
      page.getByRole('button', {
        name: words.t('levels.open', { number: 1, title: words.text(level.title) }),
        exact: true,
      });
    await press(page, levelOne(from));
    await press(page, page.getByRole('button', { name: from.t('feed.start'), exact: true }));
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // Decide the first two posts: let them pass, right or wrong.
    const { order } = await sessionState(page);
    for (const postId of order.slice(0, 2)) {
      await press(
        page,
        page.getByRole('button', {
          name: postLabel(from, postId, order, from.t('feed.statusOpen')),
          exact: true,
        }),
      );
      await press(page, page.getByRole('button', { name: from.t('post.pass'), exact: true }));
      await press(
        page,
        page.getByRole('button', { name: from.t('feedback.continue'), exact: true }),
      );
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    }
    const before = await sessionState(page);
    expect(Object.keys(before.answers)).toHaveLength(2);

    // Out to the title, where the settings are, mid-level.
    await press(page, page.getByRole('button', { name: from.t('feed.levels'), exact: true }));
    await press(page, page.getByRole('button', { name: from.t('common.back'), exact: true }));
    await press(page, page.getByRole('button', { name: from.t('title.settings'), exact: true }));
    const settings = page.getByRole('dialog');
    await settings
      .getByRole('combobox', { name: from.t('settings.language') })
      .selectOption(toLanguage);

    // The dialog stays open, now in the new language, with focus still on the picker.
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(toLanguage);
    await expect
      .poll(() => page.getByRole('dialog', { name: to.t('settings.title'), exact: true }).count())
      .toBe(1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('settings-language');
    await screenshot(page, `lang-switch-${toLanguage}-settings`);
    await press(page, page.getByRole('button', { name: to.t('settings.done'), exact: true }));
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(to.t('title.settings'));

    // Back into level 1: the same session, no new briefing, every label translated.
    await press(page, page.getByRole('button', { name: to.t('title.play'), exact: true }));
    await watchCards(page);
    await press(page, levelOne(to));
    await sceneShown(page, 'feed');
    const after = await sessionState(page);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(after.order).toEqual(before.order);
    expect(after.answers).toEqual(before.answers);
    expect(after.openPostId).toBe(before.openPostId);
    expect(after.feedbackPostId).toBe(before.feedbackPostId);
    for (const postId of order.slice(0, 2))
      expect(
        await page
          .getByRole('button', {
            name: postLabel(to, postId, order, to.t('feed.statusPassed')),
            exact: true,
          })
          .count(),
      ).toBe(1);
    await screenshot(page, `lang-switch-${toLanguage}-feed`);
    expect(await sceneProblems(page, 'feed')).toEqual([]);
    expect((await measuredCards(page, level.posts.length)).problems).toEqual([]);

    // The next post opens in the new language.
    const third = order[2] as string;
    await press(
      page,
      page.getByRole('button', {
        name: postLabel(to, third, order, to.t('feed.statusOpen')),
        exact: true,
      }),
    );
    const post = level.posts.find((entry) => entry.id === third) as Level['posts'][number];
    await expect
      .poll(() =>
        page
          .getByRole('dialog', { name: to.t('post.title', { name: authorName(to, post) }) })
          .count(),
      )
      .toBe(1);

    // The choice is saved: without ?lang= the game opens in it.
    await page.goto(`${inject('baseUrl')}?seed=switch`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(toLanguage);
    expect(errors).toEqual([]);
    await page.close();
  });
});
