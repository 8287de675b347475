/**
 * What the canvas draws, and when. A button on the title lights up at once under the
 * pointer. A Loopy fixture with two clips: a clip plays when the player first sees it
 * (not while it waits below the screen) and then rests; a feed nobody touches draws no
 * new frames (a software renderer pays for each one), nor does a screen with nothing
 * on it; and the screen follows at once when the player moves on. All of it with the
 * canvas renderer the game picks where WebGL runs on the CPU, and with WebGL.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { type LevelJson, validLevel } from '../unit/level-fixture';
import { collectErrors, press, serveLevels, useBrowser } from './browser';

function loopyFixture(): LevelJson {
  const level = validLevel();
  const [genuine, lure] = level.posts;
  level.id = 'fixture-drawing';
  level.platform = 'shortvideo';
  level.shuffle = false;
  level.posts = [
    { ...genuine, kind: 'video', media: { en: 'A cat on a piano', ru: 'Кот на пианино' } },
    { ...lure, kind: 'video', media: { en: 'A man with banknotes', ru: 'Мужчина с деньгами' } },
  ];
  return level;
}

async function openFixture(page: Page, query: string): Promise<void> {
  const level = loopyFixture();
  await serveLevels(page, { 'zz-drawing.json': JSON.stringify(level) });
  await page.goto(`${inject('baseUrl')}?lang=en&seed=e2e&level=${level.id}${query}`);
}

/** The game's scenes and textures, through the test-only handle. */
interface Ftf {
  __ftf: {
    game: {
      scene: { add(key: string, config: object, start: boolean): void; stop(key: string): void };
      textures: { createCanvas(key: string, width: number, height: number): void };
    };
  };
}

/** Counts the frames the game actually draws from now on (from zero again, if counting already). */
async function countDrawnFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __ftf: { game: { renderer: { postRender: () => void } } };
      __drawn?: number;
    };
    const counting = w.__drawn !== undefined;
    w.__drawn = 0;
    if (counting) return;
    const renderer = w.__ftf.game.renderer;
    const postRender = renderer.postRender.bind(renderer);
    renderer.postRender = () => {
      w.__drawn = (w.__drawn ?? 0) + 1;
      postRender();
    };
  });
}

const drawnFrames = (page: Page) =>
  page.evaluate(() => (window as unknown as { __drawn: number }).__drawn);

/** The clip's post on screen (its picture, caption and side rail), as PNG bytes. */
async function clip(page: Page): Promise<Buffer> {
  return page.screenshot({ clip: { x: 443, y: 117, width: 394, height: 636 } });
}

/** The share of pixels that differ visibly between two screenshots of the same size. */
async function differingShare(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ({ first, second }) => {
      const pixels = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [x, y] = [await pixels(first), await pixels(second)];
      let differing = 0;
      for (let i = 0; i < x.length; i += 4) {
        const channel = (at: number) => Math.abs((x[at] ?? 0) - (y[at] ?? 0));
        const delta = Math.max(channel(i), channel(i + 1), channel(i + 2));
        if (delta > 24) differing++;
      }
      return differing / (x.length / 4);
    },
    { first: a.toString('base64'), second: b.toString('base64') },
  );
}

/** The renderer Phaser drew with (its renderType: 1 canvas, 2 WebGL). */
const rendererType = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __ftf: { game: { config: { renderType: number } } } }).__ftf.game
        .config.renderType,
  );

// This machine's WebGL is SwiftShader, on the CPU: the game picks the canvas renderer by
// itself, and a GPU's WebGL is what ?renderer=webgl gives.
describe.each([
  { renderer: 'canvas', query: '', type: 1 },
  { renderer: 'WebGL', query: '&renderer=webgl', type: 2 },
])('drawing the game with the $renderer renderer', ({ query, type }) => {
  const browser = useBrowser();

  it('lights a button up at once under the pointer, and back when it leaves', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?lang=en${query}`);
    const settings = page.getByRole('button', { name: 'Settings', exact: true });
    await settings.waitFor();
    expect(await rendererType(page)).toBe(type);
    await page.waitForTimeout(500);
    const box = await settings.boundingBox();
    if (!box) throw new Error('the Settings button has no place on screen');
    // Inside the rounded corners: the button's face and label only.
    const face = () =>
      page.screenshot({
        clip: { x: box.x + 8, y: box.y + 4, width: box.width - 16, height: box.height - 8 },
      });
    const rest = await face();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // Well within the once-a-second redraw that would show any change eventually.
    await page.waitForTimeout(200);
    expect((await face()).equals(rest)).toBe(false);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(200);
    expect((await face()).equals(rest)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays a clip when it is first seen, then rests, and draws nothing while the feed is still', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await openFixture(page, query);
    const start = page.getByRole('dialog').getByRole('button', { name: 'Start scrolling' });
    await start.waitFor();
    // Behind the briefing the first clip waits: it has not started when the player arrives.
    await page.waitForTimeout(5000);
    await press(page, start);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // The clip moves for a few seconds (4 s)...
    const shown = Date.now();
    const at = (ms: number) => page.waitForTimeout(Math.max(0, shown + ms - Date.now()));
    await at(400);
    const early = await clip(page);
    await at(1300);
    expect((await clip(page)).equals(early)).toBe(false);
    // ...then rests on its last frame, drawn into its post: as it looked at the end of
    // its motion, under the post's caption and side rail.
    await at(3400);
    const ending = await clip(page);
    await at(5800);
    const rested = await clip(page);
    await page.waitForTimeout(700);
    expect((await clip(page)).equals(rested)).toBe(true);
    expect(await differingShare(page, ending, rested)).toBeLessThan(0.1);

    // A feed nobody touches: at most the once-a-second check in 2.5 s.
    await countDrawnFrames(page);
    await page.waitForTimeout(2500);
    expect(await drawnFrames(page)).toBeLessThanOrEqual(3);

    // Scenes that show nothing change nothing on screen, so they draw no frame: scenes
    // joining the game (the game's others do while a level opens) and one running empty
    // (the feed while its level loads). Four changes in 800 ms: at most the check.
    await countDrawnFrames(page);
    const steps = [
      ['add', 'zz-waiting'],
      ['add', 'zz-waiting-too'],
      ['start', 'zz-empty'],
      ['stop', 'zz-empty'],
    ] as const;
    for (const [step, key] of steps) {
      await page.evaluate(
        ({ step, key }) => {
          const { scene } = (window as unknown as Ftf).__ftf.game;
          if (step === 'stop') scene.stop(key);
          else scene.add(key, {}, step === 'start');
        },
        { step, key },
      );
      await page.waitForTimeout(200);
    }
    expect(await drawnFrames(page)).toBeLessThanOrEqual(1);

    // J moves to the next clip: the screen follows, and that clip starts from its beginning.
    await page.keyboard.press('j');
    await expect.poll(() => drawnFrames(page)).toBeGreaterThan(3);
    await page.waitForTimeout(1000);
    const next = await clip(page);
    expect(next.equals(rested)).toBe(false);
    await page.waitForTimeout(900);
    expect((await clip(page)).equals(next)).toBe(false);

    // With nothing on show (the feed gone, as between Phaser's boot and a level's
    // arrival), textures coming in and the seconds passing draw nothing, and the canvas
    // is hidden: a compositor copies a visible one into every frame the page makes.
    const nothingShown = await page.evaluate(async () => {
      const w = window as unknown as Ftf & { __drawn: number };
      const { game } = w.__ftf;
      const canvas = document.querySelector('#game canvas') as HTMLCanvasElement;
      const shownWithFeed = getComputedStyle(canvas).visibility;
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      game.scene.stop('feed');
      // The frame that clears the feed away.
      await pause(300);
      w.__drawn = 0;
      for (let texture = 0; texture < 4; texture++) {
        game.textures.createCanvas(`zz-texture-${texture}`, 4, 4);
        await pause(300);
      }
      return { drawn: w.__drawn, shownWithFeed, shownEmpty: getComputedStyle(canvas).visibility };
    });
    expect(nothingShown).toEqual({ drawn: 0, shownWithFeed: 'visible', shownEmpty: 'hidden' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
