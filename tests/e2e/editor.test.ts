/**
 * The level editor, keyboard first: a trainer writes a 6-post level from a blank one,
 * sees the validator's and the cue check's messages come and go, translates, undoes,
 * previews, plays the level to its debrief in a new tab and exports a file that
 * `levels:check` accepts. Drafts survive a reload and a closed tab and never overwrite
 * each other; a shipped level imports and exports with its meaning, a broken file
 * imports as its problems.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importLevel, levelMeaning } from '../../src/core/editor/normalise';
import { buildCatalog } from '../../src/core/level/catalog';
import { unpackLevels } from '../../src/core/workshop/pack';
import { OPTIONS } from '../unit/level-fixture';
import { axeProblems } from './axe';
import { collectErrors, press, screenshot, sessionState, useBrowser } from './browser';

const editorUrl = () => `${inject('baseUrl')}?editor&lang=en`;
const byPath = (page: Page, path: string) => page.locator(`[data-path="${path}"]`);

/** Focuses a field by its place in the level and types over what it holds. */
async function type(page: Page, path: string, text: string): Promise<void> {
  await byPath(page, path).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

async function startBlank(page: Page, name: string): Promise<void> {
  await page.goto(editorUrl());
  const draftName = page.getByRole('textbox', { name: 'Draft name' });
  await expect.poll(() => draftName.count(), { timeout: 60_000 }).toBe(1);
  await draftName.fill(name);
  await press(page, page.getByRole('button', { name: 'Start a blank level' }));
  await expect.poll(() => page.getByRole('heading', { name: 'Level settings' }).count()).toBe(1);
}

const problems = (page: Page) => page.locator('.editor-problems button').allTextContents();
const cueWarnings = (page: Page) => page.locator('.editor-cues li').allTextContents();
const saved = (page: Page) => page.locator('.editor-status').textContent();

async function openSection(page: Page, name: RegExp): Promise<void> {
  await press(page, page.getByRole('button', { name }));
}

/** Presses a download button and reads what it saved. */
async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    press(page, page.getByRole('button', { name })),
  ]);
  return readFileSync(await file.path());
}

/** Answers every post of the level being played, then waits for the debrief. */
async function playToDebrief(game: Page, manipulative: ReadonlySet<string>): Promise<void> {
  const start = game.getByRole('dialog').getByRole('button', { name: 'Start scrolling' });
  await expect.poll(() => start.count(), { timeout: 30_000 }).toBe(1);
  await press(game, start);
  const { order } = await sessionState(game);
  expect(order).toHaveLength(6);
  for (const [index, postId] of order.entries()) {
    await press(game, game.getByRole('button', { name: new RegExp(`^Post ${index + 1} of 6,`) }));
    const dialog = game.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    if (manipulative.has(postId)) {
      await press(game, dialog.getByRole('button', { name: /^Economic incentive/ }), 'Space');
      await press(game, dialog.getByRole('button', { name: /^Flag post/ }));
    } else await press(game, dialog.getByRole('button', { name: 'Looks genuine' }));
    const next = game.getByRole('dialog').getByRole('button', { name: 'Continue' });
    await expect.poll(() => next.count()).toBe(1);
    await press(game, next);
  }
  await expect
    .poll(() => game.getByRole('table', { name: 'Your numbers' }).count(), { timeout: 20_000 })
    .toBe(1);
}

describe('the level editor', () => {
  const browser = useBrowser();
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser().newContext({
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
  });
  afterAll(async () => {
    await context.close();
  });

  it('writes a 6-post level from blank, checks, translates, previews, plays and exports it', async () => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await startBlank(page, 'Bonus scam');
    expect(await axeProblems(page, 'editor')).toEqual([]);

    // The validator lists what is missing; its message takes the trainer to the field.
    const titleProblem = /^title: the "en" text is missing or empty/;
    await expect
      .poll(async () => (await problems(page)).some((p) => titleProblem.test(p)))
      .toBe(true);
    await press(page, page.locator('.editor-problems button', { hasText: titleProblem }));
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.path))
      .toBe('title.en');
    await page.keyboard.type('The signing bonus');
    await expect
      .poll(async () => (await problems(page)).some((p) => titleProblem.test(p)))
      .toBe(false);
    await type(page, 'briefing.en', 'Some posts promise easy money.');
    await type(page, 'debrief.en', 'Easy money was the lure.');

    // Two accounts: an old neighbour and a young recruiter.
    await openSection(page, /^Accounts/);
    await type(page, 'accounts[0].id', 'neighbour');
    await type(page, 'accounts[0].name.en', 'Sam Lee');
    await type(page, 'accounts[0].handle', '@sam_lee');
    await type(page, 'accounts[0].accountAgeDays', '2400');
    await type(page, 'accounts[0].bio.en', 'Baker and runner.');
    await press(page, page.getByRole('button', { name: 'Add an account' }));
    await type(page, 'accounts[1].id', 'recruiter');
    await type(page, 'accounts[1].name.en', 'Easy Jobs');
    await type(page, 'accounts[1].handle', '@easy_jobs');
    await type(page, 'accounts[1].accountAgeDays', '20');
    await type(page, 'accounts[1].bio.en', 'Work abroad, good pay.');

    // Six posts: three genuine from the neighbour, three lures from the recruiter.
    await openSection(page, /^Posts/);
    const genuine = [
      'Fresh bread today at the corner shop.',
      'The park run starts at the old gate.',
      'Our street fair was lovely, thanks all.',
    ];
    const lures = [
      'Sign a contract today and get a huge signing bonus!',
      'Guaranteed pay, free housing, no questions asked.',
      'Only a few places left: message us for the bonus.',
    ];
    for (let index = 0; index < 6; index++) {
      // The blank level has two posts; pick the second, then add the rest.
      if (index === 1) await press(page, byPath(page, 'posts[1]'));
      if (index >= 2) await press(page, page.getByRole('button', { name: 'Add a post' }));
      await expect.poll(() => byPath(page, `posts[${index}].text.en`).count()).toBe(1);
      const lure = index >= 3;
      await type(
        page,
        `posts[${index}].text.en`,
        lure ? (lures[index - 3] as string) : (genuine[index] as string),
      );
      await byPath(page, `posts[${index}].author`).selectOption(lure ? 'recruiter' : 'neighbour');
      if (!lure) {
        await press(page, byPath(page, `posts[${index}].truth.whyGenuine`));
        await type(page, `posts[${index}].truth.whyGenuine.en`, 'A neighbour sharing local news.');
        continue;
      }
      await press(page, byPath(page, `posts[${index}].truth.tactics.economic-incentive`), 'Space');
      await expect
        .poll(() =>
          byPath(page, `posts[${index}].truth.explanations.economic-incentive.en`).count(),
        )
        .toBe(1);
      const evidenceProblem = `posts[${index}].truth.evidence: `;
      await expect
        .poll(async () => (await problems(page)).some((p) => p.startsWith(evidenceProblem)))
        .toBe(true);
      await type(
        page,
        `posts[${index}].truth.explanations.economic-incentive.en`,
        'Money that sounds too good to be true.',
      );
      // Evidence: select the words in the text, then mark them.
      await byPath(page, `posts[${index}].text.en`).focus();
      await page.keyboard.press('Control+A');
      await press(
        page,
        page.getByRole('button', { name: 'Mark the selected English words as a new phrase' }),
      );
      await expect
        .poll(async () => (await problems(page)).some((p) => p.startsWith(evidenceProblem)))
        .toBe(false);
    }
    await expect.poll(() => problems(page)).toEqual([]);
    expect(await page.getByRole('button', { name: /^Posts \(6\)/ }).count()).toBe(1);

    // The cue check: the recruiter's young account alone gives every lure away.
    await expect
      .poll(async () => (await cueWarnings(page)).join(' '))
      .toMatch(/younger than 100 days/);
    await openSection(page, /^Accounts/);
    await press(page, page.getByRole('button', { name: /^2\. recruiter/ }));
    await type(page, 'accounts[1].accountAgeDays', '900');
    await expect.poll(() => cueWarnings(page)).toEqual([]);
    expect(await page.getByText('No simple shortcut passes this level.').count()).toBe(1);

    // A translation: Russian added, one text translated and counted, then undone.
    await openSection(page, /^Level settings/);
    await press(page, byPath(page, 'languages.ru'), 'Space');
    const translations = page.getByRole('heading', { name: /^Translations:/ });
    await expect
      .poll(() => translations.textContent())
      .toMatch(/Translations: [1-9]\d* texts missing/);
    const before = Number((await translations.textContent())?.match(/\d+/)?.[0]);
    await expect.poll(() => byPath(page, 'title.ru').count()).toBe(1);
    await type(page, 'title.ru', 'Подъёмные');
    await expect.poll(() => translations.textContent()).toContain(`${before - 1} texts missing`);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => translations.textContent()).toContain(`${before} texts missing`);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => byPath(page, 'title.ru').inputValue()).toBe('Подъёмные');
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => byPath(page, 'languages.ru').isChecked()).toBe(false);
    await expect.poll(() => problems(page)).toEqual([]);
    await expect.poll(() => saved(page)).toBe('Saved in this browser');

    // The preview shows the selected post with its evidence marked.
    await openSection(page, /^Posts/);
    await press(page, page.getByRole('button', { name: /^4\. post-4/ }));
    const preview = page.locator('.editor-preview');
    await expect.poll(() => preview.textContent()).toContain('Easy Jobs @easy_jobs');
    expect(await preview.locator('mark').textContent()).toBe(lures[0]);
    expect(await axeProblems(page, 'editor with posts')).toEqual([]);
    await screenshot(page, 'editor');

    // Export: the file passes levels:check as it is.
    const exported = (await download(page, 'Export as .json')).toString('utf8');
    const folder = mkdtempSync(join(tmpdir(), 'ftf-editor-'));
    const file = join(folder, 'my-level.json');
    writeFileSync(file, exported);
    execFileSync('npx', ['tsx', 'scripts/levels-check.ts', file], { stdio: 'pipe' });
    const level = importLevel(exported, OPTIONS);
    if (!level.ok) throw new Error('the export is a valid level');
    expect(level.level.posts).toHaveLength(6);

    // Play: a new tab plays the draft to its debrief; the campaign is not changed.
    const [game] = await Promise.all([
      context.waitForEvent('page'),
      press(page, page.getByRole('link', { name: 'Play this level (new tab)' })),
    ]);
    errors.push(...collectErrors(game));
    const manipulative = new Set(
      level.level.posts.filter((post) => post.truth.tactics.length > 0).map((post) => post.id),
    );
    await playToDebrief(game, manipulative);
    expect(await game.getByText(/You spotted 3 of 3 manipulative posts/).count()).toBe(1);
    await game.close();
    expect(errors).toEqual([]);
  });

  it('keeps a draft through a reload and a closed tab, and two drafts apart', async () => {
    const first = await context.newPage();
    const errors = collectErrors(first);
    await startBlank(first, 'First draft');
    await type(first, 'title.en', 'First title');
    const second = await context.newPage();
    errors.push(...collectErrors(second));
    await startBlank(second, 'Second draft');
    await type(second, 'title.en', 'Second title');
    await type(first, 'briefing.en', 'First briefing');
    await expect.poll(() => saved(first)).toBe('Saved in this browser');
    await expect.poll(() => saved(second)).toBe('Saved in this browser');

    await first.reload();
    await expect.poll(() => byPath(first, 'title.en').inputValue()).toBe('First title');
    expect(await byPath(first, 'briefing.en').inputValue()).toBe('First briefing');
    // Typed, then the tab closed at once: the draft is written as the page goes.
    await type(second, 'debrief.en', 'Closed in a hurry');
    await second.close({ runBeforeUnload: true });
    const again = await context.newPage();
    errors.push(...collectErrors(again));
    await again.goto(editorUrl());
    // The page loads and checks the campaign first (its levels are the templates).
    const open = again.getByRole('button', { name: 'Open the draft Second draft' });
    await expect.poll(() => open.count(), { timeout: 60_000 }).toBe(1);
    await press(again, open);
    await expect.poll(() => byPath(again, 'title.en').inputValue()).toBe('Second title');
    expect(await byPath(again, 'debrief.en').inputValue()).toBe('Closed in a hurry');
    expect(await byPath(first, 'title.en').inputValue()).toBe('First title');

    // A full storage is said in place of "Saved", and saving resumes once there is room.
    await first.evaluate(() => {
      // Fill the storage to the last few bytes: big pieces first, then ever smaller ones.
      let index = 0;
      for (let size = 1024 * 1024; size >= 16; size = Math.floor(size / 4)) {
        try {
          for (;;) localStorage.setItem(`filler-${index++}`, 'x'.repeat(size));
        } catch {
          // This size no longer fits: try a smaller one.
        }
      }
    });
    await type(
      first,
      'briefing.en',
      'A briefing that no longer fits in the full storage of this browser, however short it is.',
    );
    await expect.poll(() => saved(first)).toMatch(/^Not saved: this browser’s storage is full/);
    await first.evaluate(() => {
      for (const key of Object.keys(localStorage))
        if (key.startsWith('filler-')) localStorage.removeItem(key);
    });
    await type(first, 'briefing.en', 'First briefing, again');
    await expect.poll(() => saved(first)).toBe('Saved in this browser');

    // The same draft in two tabs: the later save becomes a draft of its own.
    const twin = await context.newPage();
    errors.push(...collectErrors(twin));
    await twin.goto(first.url());
    await expect
      .poll(() => byPath(twin, 'title.en').inputValue(), { timeout: 60_000 })
      .toBe('First title');
    await type(twin, 'title.en', 'Changed in the twin tab');
    await expect.poll(() => saved(twin)).toBe('Saved in this browser');
    await type(first, 'title.en', 'Changed in the first tab');
    await expect
      .poll(() => saved(first))
      .toMatch(/^Saved as a new draft, “First draft \(another tab\)”/);
    await twin.reload();
    await expect
      .poll(() => byPath(twin, 'title.en').inputValue(), { timeout: 60_000 })
      .toBe('Changed in the twin tab');
    await first.reload();
    await expect
      .poll(() => byPath(first, 'title.en').inputValue(), { timeout: 60_000 })
      .toBe('Changed in the first tab');
    expect(errors).toEqual([]);
  });

  it('previews a post on its platform, its picture redrawn as the picture data changes', async () => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(editorUrl());
    const campaign = page.getByRole('combobox', { name: 'Campaign level' });
    await expect.poll(() => campaign.count(), { timeout: 60_000 }).toBe(1);
    await campaign.selectOption('economic');
    await press(page, page.getByRole('button', { name: 'Copy this level' }));
    await openSection(page, /^Posts/);
    await press(page, page.getByRole('button', { name: /^3\. / }));
    const preview = page.locator('.editor-preview');
    // Natter, as the game's room shows it: the app's bar, the author, the picture.
    await expect.poll(() => preview.locator('.preview-bar').textContent()).toContain('Natter');
    const image = preview.locator('img.picture');
    const drawn = () => image.first().getAttribute('src');
    await expect.poll(drawn).toMatch(/^data:image\/svg\+xml/);
    const own = await drawn();

    // Without picture data the post shows the picture drawn from its description; adding
    // picture data starts from that picture, so the preview does not jump, and the
    // preview follows each change.
    await press(page, page.getByRole('button', { name: /^Remove drawn picture/ }).first());
    await expect.poll(drawn).not.toBe(own);
    const before = await drawn();
    await press(page, byPath(page, 'posts[2].picture'));
    await expect.poll(() => byPath(page, 'posts[2].picture.people[0].face').count()).toBe(1);
    await expect.poll(drawn).toBe(before);
    await byPath(page, 'posts[2].picture.setting').focus();
    await byPath(page, 'posts[2].picture.setting').selectOption({ label: 'Night' });
    await expect.poll(drawn).not.toBe(before);
    const night = await drawn();
    await press(page, page.getByRole('button', { name: 'Add caption' }).first());
    await type(page, 'posts[2].picture.texts[0].text.en', 'PAID IN CASH');
    await expect.poll(drawn).not.toBe(night);
    expect(decodeURIComponent((await drawn()) ?? '')).toContain('PAID IN CASH');
    expect(await axeProblems(page, 'editor preview with a picture')).toEqual([]);
    await screenshot(page, 'editor-picture');
    expect(errors).toEqual([]);
  });

  it('imports a shipped level with its meaning and a broken file as its problems', async () => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(editorUrl());
    const files = page.getByLabel('Level files (.json or .zip)');
    await expect.poll(() => files.count(), { timeout: 60_000 }).toBe(1);
    expect(await axeProblems(page, 'editor start')).toEqual([]);
    await files.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"formatVersion": 1, "id": "Bad Id", "posts": []}'),
    });
    const report = page.getByRole('status').filter({ hasText: 'could not be opened' });
    await expect.poll(() => report.count()).toBe(1);
    expect(await report.textContent()).toContain('broken.json: id:');

    const source = readFileSync('levels/02-economic.json', 'utf8');
    await files.setInputFiles('levels/02-economic.json');
    await expect.poll(() => page.getByRole('heading', { name: 'Level settings' }).count()).toBe(1);
    const exported = (await download(page, 'Export as .json')).toString('utf8');
    // The pack is what the facilitator page reads: one valid level in a zip.
    const pack = unpackLevels('pack.zip', await download(page, 'Export as a pack (.zip)'));
    expect(pack.problems).toEqual([]);
    const packed = buildCatalog(pack.files, OPTIONS);
    expect(packed.failures).toEqual([]);
    expect(packed.levels.map((entry) => entry.level.id)).toEqual(['economic']);
    const original = importLevel(source, OPTIONS);
    const again = importLevel(exported, OPTIONS);
    if (!original.ok || !again.ok) throw new Error('both are valid levels');
    expect(levelMeaning(again.level)).toEqual(levelMeaning(original.level));
    expect(errors).toEqual([]);
  });
});
