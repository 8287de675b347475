/** Debian's Chromium through playwright-core: test tools cannot download browsers here. */
import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { SessionState } from '../../src/core/session';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = 'test-results/screenshots';

/** No sandbox (containers), WebGL in software, and nothing fetched from the network by Chromium itself. */
export const CHROME_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** `extraArgs`: more Chromium switches, e.g. a fake camera for the dashboard's scanner. */
export async function launch(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, args: [...CHROME_FLAGS, ...extraArgs] });
}

/**
 * One Chromium for the tests of the enclosing `describe` (or file): launched before
 * them, closed after them, also when one fails. Call the returned function for it.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('useBrowser: the browser is used before beforeAll launched it');
    return browser;
  };
}

/** Every uncaught exception and console error a page produces, for the test to assert on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

/**
 * Serves more level files as if they were in levels/: each listed in the index, with
 * its text as the body. `byId` maps level ids to these files, so ?level= opens one
 * from its own file first; without it the game loads the whole campaign for it.
 */
export async function serveLevels(
  page: Page,
  files: Record<string, string>,
  byId: Record<string, string> = {},
): Promise<void> {
  await page.route('**/levels/index.json', async (route) => {
    const response = await route.fetch();
    const index = (await response.json()) as { levels: string[]; files: Record<string, string> };
    await route.fulfill({
      response,
      json: {
        ...index,
        levels: [...index.levels, ...Object.keys(files)],
        files: { ...index.files, ...byId },
      },
    });
  });
  for (const [name, body] of Object.entries(files))
    await page.route(`**/levels/${name}`, (route) =>
      route.fulfill({ contentType: 'application/json', body }),
    );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await page.screenshot({ path });
  return path;
}

/** Moves keyboard focus to an element found by role and name, then presses a key: no mouse involved. */
export async function press(
  page: Page,
  locator: ReturnType<Page['getByRole']>,
  key = 'Enter',
): Promise<void> {
  await locator.focus();
  await page.keyboard.press(key);
}

/** The session state as the core holds it, read through the test-only window.__ftf handle. */
export async function sessionState(page: Page): Promise<SessionState> {
  return page.evaluate(() => {
    const handle = (
      window as unknown as { __ftf: { context: { play: { state: SessionState } | null } } }
    ).__ftf;
    if (!handle.context.play) throw new Error('no session is being played');
    return handle.context.play.state;
  });
}
