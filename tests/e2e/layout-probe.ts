/**
 * Measures canvas layout in a running game: every canvas text inside its button or
 * post card, nothing off the screen's edges. Install `installLayoutProbe` with
 * page.addInitScript before the game starts; it reads the live display list through
 * the test-only window.__ftf handle.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './browser';

/** FeedList's CARD_LAID_OUT scene event (src/ui/feed-list.ts, which needs a browser to import). */
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
 * button, with their labels' boxes in their data; a PostCard is measured as it is laid
 * out, through its scene event.
 */
export function installLayoutProbe(): void {
  interface Node {
    type: string;
    name: string;
    x: number;
    y: number;
    width: number;
    height: number;
    visible: boolean;
    text?: string;
    list?: Node[];
    getBounds(): Box;
    getData(key: string): unknown;
  }
  interface Scene {
    children: { list: Node[] };
    scale: { gameSize: Box };
    events: { on(event: string, listener: (card: Node) => void): void };
  }
  const SLACK = 0.5;
  // The bars' image name (src/ui/chrome-canvas.ts), and DRAWN_LABELS, the data key where
  // bars and buttons record their labels (src/ui/canvas-label.ts): both need a browser to import.
  const CHROME_NAME = 'chrome';
  const DRAWN_LABELS = 'labels';
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
      /** Labels drawn on a canvas (which records them): inside their frame, on the screen. */
      const drawnLabels = (node: Node, frame: Box, what: string) =>
        ((node.getData(DRAWN_LABELS) ?? []) as (Box & { text: string })[]).map((label) => {
          const where = `"${label.text}" at ${show(label)}`;
          if (!inside(label, frame))
            problems.push(`${where} sticks out of its ${what} at ${show(frame)}`);
          if (label.x < -SLACK || label.x + label.width > screen + SLACK)
            problems.push(`${where} runs off the ${screen}px screen`);
          return { label, where };
        });
      // A button draws its label on its own canvas (src/ui/button.ts) and says where.
      for (const { node, frame } of buttons) {
        problems.push(...outside(frame, node, 'button'));
        drawnLabels(node, frame, 'button');
      }
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
      // The bars (status line, header, the apps' bars) are images with their labels drawn
      // in (src/ui/chrome-canvas.ts): each label inside its bar, on the screen, clear of
      // the buttons drawn over the bar.
      for (const bar of children.list.filter((node) => node.name === CHROME_NAME)) {
        for (const { label, where } of drawnLabels(bar, bar.getBounds(), 'bar'))
          for (const button of buttons)
            if (overlaps(label, button.frame))
              problems.push(`${where} runs under a button at ${show(button.frame)}`);
      }
      // The feed's cards are images (textures) of one width and must stay in their column.
      // Other scenes' images are decoration (the title's drifting backdrop).
      const images =
        key === 'feed'
          ? children.list.filter(
              (node) => node.type === 'Image' && node.visible && node.name !== CHROME_NAME,
            )
          : [];
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
          width: card.width,
          height: card.height,
        };
        probe.cards.problems.push(...outside(frame, card, 'post card'));
      });
    },
  };
  (window as unknown as { __layoutProbe: LayoutProbe }).__layoutProbe = probe;
}

export async function sceneProblems(page: Page, sceneKey: string): Promise<string[]> {
  return page.evaluate(
    (key) => (window as unknown as { __layoutProbe: LayoutProbe }).__layoutProbe.sceneProblems(key),
    sceneKey,
  );
}

export async function watchCards(page: Page): Promise<void> {
  await page.evaluate(
    (event) =>
      (window as unknown as { __layoutProbe: LayoutProbe }).__layoutProbe.watchCards(event),
    CARD_LAID_OUT,
  );
}

/** The cards measured since watchCards, once at least `count` of them have been laid out. */
export async function measuredCards(
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

/** Resizes the page and waits for the game to lay itself out again at that size. */
export async function resize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (window as unknown as { __ftf: { game: { scale: { gameSize: { width: number } } } } })
            .__ftf.game.scale.gameSize.width,
      ),
    )
    .toBe(size.width);
  await page.waitForTimeout(300); // the rebuild runs on the next frame
}

/**
 * The scene's layout problems on a 360×640 phone (the scene rebuilds on resize), with a
 * screenshot; the page is back at its own size afterwards.
 */
export async function onPhone(
  page: Page,
  sceneKey: string,
  shot: string,
  whileThere: () => Promise<void> = async () => {},
): Promise<string[]> {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await resize(page, { width: 360, height: 640 });
  await whileThere();
  await screenshot(page, shot);
  const problems = await sceneProblems(page, sceneKey);
  await page.setViewportSize(size);
  await page.waitForTimeout(300);
  return problems;
}

/** Waits until a scene is running and has drawn its texts. */
export async function sceneShown(page: Page, key: string): Promise<void> {
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
