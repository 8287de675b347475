/**
 * The monkey test: thousands of random but legal inputs (clicks, taps, keys, wheel,
 * resizes, language switches, Back and Forward) across every scene, from a fixed seed,
 * for a bounded time. It fails on any uncaught error, any console error, or a session
 * state the core calls inconsistent, and says how many inputs the game survived.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it, onTestFailed } from 'vitest';
import { mulberry32 } from '../../src/core/random';
import { type SessionState, sessionProblems } from '../../src/core/session';
import { collectErrors, useBrowser } from './browser';

const SEED = Number(process.env.MONKEY_SEED ?? 20261122);
const MAX_INPUTS = Number(process.env.MONKEY_INPUTS ?? 2000);
const MAX_SECONDS = Number(process.env.MONKEY_SECONDS ?? 300);
const SIZES = [
  { width: 360, height: 640 },
  { width: 640, height: 360 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];
const KEYS = [
  'Tab',
  'Shift+Tab',
  'Enter',
  'Space',
  'Escape',
  'ArrowDown',
  'ArrowUp',
  'PageDown',
  'Home',
];

interface Target {
  x: number;
  y: number;
  kind: 'button' | 'select' | 'range';
  label: string;
  options: number;
}

/**
 * Runs page scripts again once the page has loaded if a navigation replaced it meanwhile:
 * Enter on a focused link (the progress transfer page, the editor) is a legal input whose
 * navigation may start only after the monkey has moved on.
 */
async function acrossNavigation<Result>(page: Page, run: () => Promise<Result>): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const navigated = /context was destroyed|navigat/i.test(String(error));
      if (!navigated || attempt >= 3) throw error;
      await page.waitForLoadState('domcontentloaded').catch(() => null);
    }
  }
}

/** Every control a person could reach now: inside the open dialog if there is one. */
async function targets(page: Page): Promise<Target[]> {
  return page.evaluate(() => {
    const dialogs = [...document.querySelectorAll('dialog[open]')];
    const scope: ParentNode = dialogs.at(-1) ?? document;
    const found: Target[] = [];
    for (const element of scope.querySelectorAll<HTMLElement>(
      'button, select, input[type="range"]',
    )) {
      const box = element.getBoundingClientRect();
      const inView =
        box.width > 0 &&
        box.height > 0 &&
        box.bottom > 0 &&
        box.right > 0 &&
        box.top < innerHeight &&
        box.left < innerWidth;
      if (!inView || (element as HTMLButtonElement).disabled) continue;
      const label = element.getAttribute('aria-label') ?? element.textContent ?? '';
      // The report's copy button only touches the clipboard; everything else is fair game.
      if (element.closest('#error-screen')) continue;
      const x = Math.min(Math.max(box.left + box.width / 2, 1), innerWidth - 1);
      const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 40), 1), innerHeight - 1);
      const kind =
        element.tagName === 'SELECT' ? 'select' : element.tagName === 'INPUT' ? 'range' : 'button';
      found.push({
        x,
        y,
        kind,
        label: label.slice(0, 40),
        options: (element as HTMLSelectElement).options?.length ?? 0,
      });
    }
    return found;
  }) as Promise<Target[]>;
}

async function activeScenes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Game = { scene: { getScenes(active: boolean): { sys: { settings: { key: string } } }[] } };
    const handle = (window as unknown as { __ftf?: { game: Game } }).__ftf;
    return handle ? handle.game.scene.getScenes(true).map((scene) => scene.sys.settings.key) : [];
  });
}

/**
 * A burst of purposeful but still legal input: answer every post in the open feed
 * as genuine (activating buttons as a screen reader does), so the random walk also
 * reaches the debrief and what follows it.
 */
async function finishLevel(page: Page): Promise<number> {
  let inputs = 0;
  for (let guard = 0; guard < 120; guard++) {
    const pressed = await page.evaluate(() => {
      // Found by role in the markup rather than by words: the monkey may have switched language.
      const dialog = [...document.querySelectorAll('dialog[open]')].at(-1);
      const state = (
        window as unknown as { __ftf?: { context: { play: { state: SessionState } | null } } }
      ).__ftf?.context.play?.state;
      const next = dialog
        ? dialog.querySelector<HTMLButtonElement>('button.ok, button.primary')
        : state
          ? state.order
              .filter((id) => !state.answers[id])
              .map((id) =>
                document.querySelector<HTMLButtonElement>(`[data-key="post-${CSS.escape(id)}"]`),
              )
              .find(Boolean)
          : null;
      next?.click();
      return Boolean(next);
    });
    if (!pressed) break;
    inputs++;
    await page.waitForTimeout(20);
  }
  return inputs;
}

async function gameState(page: Page): Promise<SessionState | null> {
  return page.evaluate(() => {
    const handle = (
      window as unknown as { __ftf?: { context: { play: { state: SessionState } | null } } }
    ).__ftf;
    return handle?.context.play?.state ?? null;
  });
}

describe('monkey test', () => {
  const browser = useBrowser();

  it(
    `survives up to ${MAX_INPUTS} random inputs (seed ${SEED})`,
    async () => {
      const random = mulberry32(SEED);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      const context = await browser().newContext({
        viewport: { width: 1280, height: 800 },
        hasTouch: true,
      });
      const page = await context.newPage();
      const errors = collectErrors(page);
      const base = `${inject('baseUrl')}?lang=en&seed=monkey`;
      await page.goto(base);
      await page.getByRole('button', { name: 'Play' }).waitFor();

      const log: string[] = [];
      // Whatever stops the walk, the inputs that led there are what a fix starts from.
      onTestFailed(() => {
        console.log(`monkey: last inputs (seed ${SEED}):\n${log.slice(-15).join('\n')}`);
      });
      const started = Date.now();
      let inputs = 0;
      const scenesSeen = new Set<string>();
      while (inputs < MAX_INPUTS && Date.now() - started < MAX_SECONDS * 1000) {
        const roll = random();
        let input: string;
        if (roll < 0.55) {
          const options = await acrossNavigation(page, () => targets(page));
          if (options.length === 0) {
            input = 'key Escape (nothing to press)';
            await page.keyboard.press('Escape');
          } else {
            const target = pick(options);
            if (target.kind === 'select' && target.options > 0) {
              const index = Math.floor(random() * target.options);
              input = `choose option ${index} in select`;
              const choose = () =>
                page.evaluate(
                  ({ x, y, index }) => {
                    const select =
                      document.elementFromPoint(x, y)?.closest('label')?.querySelector('select') ??
                      (document.elementFromPoint(x, y) as HTMLSelectElement | null);
                    if (select instanceof HTMLSelectElement) {
                      select.selectedIndex = index;
                      select.dispatchEvent(new Event('change', { bubbles: true }));
                    }
                  },
                  { x: target.x, y: target.y, index },
                );
              await acrossNavigation(page, choose);
            } else if (random() < 0.3) {
              input = `tap "${target.label}"`;
              await page.touchscreen.tap(target.x, target.y);
            } else {
              input = `click "${target.label}"`;
              await page.mouse.click(target.x, target.y);
            }
          }
        } else if (roll < 0.8) {
          const key = pick(KEYS);
          input = `key ${key}`;
          await page.keyboard.press(key);
        } else if (roll < 0.88) {
          const size = page.viewportSize() ?? SIZES[3];
          input = 'wheel';
          await page.mouse.move((size?.width ?? 800) / 2, (size?.height ?? 600) / 2);
          await page.mouse.wheel(0, (random() - 0.3) * 1600);
        } else if (roll < 0.93) {
          const size = pick(SIZES);
          input = `resize ${size.width}x${size.height}`;
          await page.setViewportSize(size);
        } else if (roll < 0.935) {
          input = 'play the open level to its end';
          inputs += await acrossNavigation(page, () => finishLevel(page));
        } else if (roll < 0.97) {
          input = 'back';
          await page.goBack({ waitUntil: 'commit' }).catch(() => null);
          // Back past the game's first screen leaves the page: coming Forward again is legal too.
          if (!page.url().startsWith(inject('baseUrl'))) {
            input = 'back out of the game, then forward';
            await page.goForward().catch(() => null);
            if (!page.url().startsWith(inject('baseUrl'))) await page.goto(base);
          }
        } else {
          input = 'forward';
          await page.goForward({ waitUntil: 'commit' }).catch(() => null);
        }
        inputs++;
        // The title links to the level editor (a page of its own): a player who follows it
        // comes back to the game, so the monkey does too.
        await page.waitForLoadState('domcontentloaded').catch(() => null);
        if (new URL(page.url()).searchParams.has('editor')) {
          input += ', which opened the level editor; back to the game';
          await page.goto(base);
        }
        log.push(input);
        await page.waitForTimeout(random() < 0.2 ? 60 : 5);

        if (inputs % 10 === 0 || errors.length > 0) {
          for (const scene of await activeScenes(page).catch(() => [])) scenesSeen.add(scene);
          const state = await gameState(page).catch(() => null);
          const problems = state ? sessionProblems(state) : [];
          if (errors.length > 0 || problems.length > 0) {
            throw new Error(
              `after ${inputs} inputs (seed ${SEED}):\n${[...errors, ...problems].join('\n')}\nlast inputs:\n${log.slice(-15).join('\n')}`,
            );
          }
        }
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `monkey: survived ${inputs} inputs in ${seconds} s (seed ${SEED}); scenes visited: ${[...scenesSeen].join(', ')}`,
      );
      expect(errors).toEqual([]);
      expect(inputs).toBeGreaterThan(300);
      await context.close();
      // The walk is bounded by MAX_SECONDS; the test's own limit leaves room to set up and report.
    },
    (MAX_SECONDS + 90) * 1000,
  );
});
