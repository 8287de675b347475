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
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Level, Taxonomy } from '../../src/core/level/schema';
import { FONT_STACK } from '../../src/ui/theme';
import { collectErrors, launch, press, screenshot, sessionState } from './browser';
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

/** PostCard's CARD_LAID_OUT scene event (src/ui/post-card.ts, which needs a browser to import). */
const CARD_LAID_OUT = 'post-card-laid-out';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface LayoutProbe {
  /** Texts sticking out of their button, and texts and images running off the screen. */
  sceneProblems(sceneKey: string): string[];
  /** From now on, measures each post card the feed lays out (cards become textures after). */
  watchCards(event: string): void;
  cards: { count: number; problems: string[] };
}

/**
 * Runs in the page before the game: measures canvas texts with Phaser's getBounds() on
 * the live display list. Canvas buttons are containers named "button" sized to the
 * button; a PostCard is measured as it is laid out, through its scene event.
 */
function installLayoutProbe(): void {
  interface Node {
    type: string;
    name: string;
    x: number;
    y: number;
    width: number;
    height: number;
    visible: boolean;
    text?: string;
    cardWidth?: number;
    cardHeight?: number;
    list?: Node[];
    getBounds(): Box;
  }
  interface Scene {
    children: { list: Node[] };
    scale: { gameSize: Box };
    events: { on(event: string, listener: (card: Node) => void): void };
  }
  const SLACK = 0.5;
  const scene = (key: string) =>
    (
      window as unknown as { __ftf: { game: { scene: { getScene(key: string): Scene } } } }
    ).__ftf.game.scene.getScene(key);
  const texts = (node: Node): Node[] =>
    node.type === 'Text' ? [node] : (node.list ?? []).flatMap(texts);
  const inside = (inner: Box, outer: Box) =>
    inner.x >= outer.x - SLACK &&
    inner.y >= outer.y - SLACK &&
    inner.x + inner.width <= outer.x + outer.width + SLACK &&
    inner.y + inner.height <= outer.y + outer.height + SLACK;
  const show = (box: Box) =>
    `${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}`;
  const quote = (node: Node) => `"${(node.text ?? '').replace(/\s+/gu, ' ').slice(0, 60)}"`;
  const outside = (frame: Box, node: Node, what: string) =>
    texts(node)
      .filter((text) => !inside(text.getBounds(), frame))
      .map(
        (text) =>
          `${quote(text)} at ${show(text.getBounds())} sticks out of its ${what} at ${show(frame)}`,
      );
  let watching = false;
  const probe: LayoutProbe = {
    cards: { count: 0, problems: [] },
    sceneProblems(key) {
      const { children, scale } = scene(key);
      const screen = scale.gameSize.width;
      const problems: string[] = [];
      const buttons = children.list
        .filter((node) => node.type === 'Container' && node.name === 'button')
        .map((node) => ({
          node,
          frame: {
            x: node.x - node.width / 2,
            y: node.y - node.height / 2,
            width: node.width,
            height: node.height,
          },
        }));
      for (const { node, frame } of buttons) problems.push(...outside(frame, node, 'button'));
      const overlaps = (a: Box, b: Box) =>
        a.x < b.x + b.width - SLACK &&
        b.x < a.x + a.width - SLACK &&
        a.y < b.y + b.height - SLACK &&
        b.y < a.y + a.height - SLACK;
      // Decoration (the title's drifting backdrop) may run off screen on purpose.
      for (const node of children.list.filter((candidate) => candidate.name !== 'decoration')) {
        for (const drawn of node.type === 'Image' ? [node] : texts(node)) {
          const bounds = drawn.getBounds();
          if (drawn.visible && (bounds.x < -SLACK || bounds.x + bounds.width > screen + SLACK))
            problems.push(`${quote(drawn)} at ${show(bounds)} runs off the ${screen}px screen`);
          // A heading that has grown under a button (the button draws over it).
          if (drawn.type === 'Text' && node.name !== 'button')
            for (const { frame } of buttons)
              if (overlaps(bounds, frame))
                problems.push(
                  `${quote(drawn)} at ${show(bounds)} runs under a button at ${show(frame)}`,
                );
        }
      }
      // The feed's cards are images (textures) of one width and must stay in their column.
      // Other scenes' images are decoration (the title's drifting backdrop).
      const images =
        key === 'feed' ? children.list.filter((node) => node.type === 'Image' && node.visible) : [];
      const card = images.reduce<Node | null>(
        (widest, image) => (!widest || image.width > widest.width ? image : widest),
        null,
      );
      if (card)
        for (const image of images) {
          const bounds = image.getBounds();
          if (bounds.x < card.x - SLACK || bounds.x + bounds.width > card.x + card.width + SLACK)
            problems.push(`an image at ${show(bounds)} sticks out of the card column`);
        }
      return problems.map((problem) => `${key}: ${problem}`);
    },
    watchCards(event) {
      probe.cards = { count: 0, problems: [] };
      if (watching) return;
      watching = true;
      scene('feed').events.on(event, (card) => {
        probe.cards.count++;
        const frame = {
          x: card.x,
          y: card.y,
          width: card.cardWidth ?? 0,
          height: card.cardHeight ?? 0,
        };
        probe.cards.problems.push(...outside(frame, card, 'post card'));
      });
    },
  };
  (window as unknown as { __layoutProbe: LayoutProbe }).__layoutProbe = probe;
}

async function sceneProblems(page: Page, sceneKey: string): Promise<string[]> {
  return page.evaluate(
    (key) => (window as unknown as { __layoutProbe: LayoutProbe }).__layoutProbe.sceneProblems(key),
    sceneKey,
  );
}

async function watchCards(page: Page): Promise<void> {
  await page.evaluate(
    (event) =>
      (window as unknown as { __layoutProbe: LayoutProbe }).__layoutProbe.watchCards(event),
    CARD_LAID_OUT,
  );
}

/** The cards measured since watchCards, once at least `count` of them have been laid out. */
async function measuredCards(
  page: Page,
  count: number,
): Promise<{ count: number; problems: string[] }> {
  const read = () =>
    page.evaluate(() => (window as unknown as { __layoutProbe: LayoutProbe }).__layoutProbe.cards);
  await expect
    .poll(async () => (await read()).count, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(count);
  return read();
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

/**
 * The scene's layout problems on a 360×640 phone (the scene rebuilds on resize), with a
 * screenshot; the page is back at its own size afterwards.
 */
async function onPhone(
  page: Page,
  sceneKey: string,
  shot: string,
  whileThere: () => Promise<void> = async () => {},
): Promise<string[]> {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: 360, height: 640 });
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (window as unknown as { __ftf: { game: { scale: { gameSize: { width: number } } } } })
            .__ftf.game.scale.gameSize.width,
      ),
    )
    .toBe(360);
  await page.waitForTimeout(300); // the rebuild runs on the next frame
  await whileThere();
  await screenshot(page, shot);
  const problems = await sceneProblems(page, sceneKey);
  await page.setViewportSize(size);
  await page.waitForTimeout(300);
  return problems;
}

/** Waits until a scene is running and has drawn its texts. */
async function sceneShown(page: Page, key: string): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        (k) =>
          (
            window as unknown as {
              __ftf: { game: { scene: { isActive(k: string): boolean } } };
            }
          ).__ftf.game.scene.isActive(k),
        key,
      ),
    )
    .toBe(true);
  await page.waitForTimeout(100);
}

describe.each(LANGUAGES)('level 1 in %s', (language) => {
  let browser: Browser;
  let words: Words;
  beforeAll(async () => {
    browser = await launch();
    words = await wordsFor(language);
  });
  afterAll(async () => {
    await browser?.close();
  });

  // A whole level per language: slower than one file's default on a loaded machine.
  it('plays to the debrief by keyboard, with every text inside its card or button', {
    timeout: 300_000,
  }, async () => {
    const { t, text } = words;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
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
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps the session and shows it in the new language', { timeout: 300_000 }, async () => {
    const from = await wordsFor('en');
    const toLanguage = LANGUAGES.includes('zh-Hans') ? 'zh-Hans' : (LANGUAGES.at(-1) as string);
    const to = await wordsFor(toLanguage);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
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
