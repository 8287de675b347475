/**
 * The three modes, locks, a resumed session and a corrupt save, in headless Chromium,
 * driven by keyboard through the accessible layer.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { Level } from '../../src/core/level/schema';
import type { Progress } from '../../src/core/progress';
import { collectErrors, press, screenshot, sessionState, useBrowser } from './browser';

const level = JSON.parse(readFileSync('levels/01-tutorial.json', 'utf8')) as Level;
const level2 = JSON.parse(readFileSync('levels/02-economic.json', 'utf8')) as Level;
const LEVEL_1 = /^Level 1: First scroll/;
const isManipulative = (postId: string) => {
  const truth = level.posts.find((post) => post.id === postId)?.truth;
  return Boolean(truth && (truth.tactics.length > 0 || truth.lure));
};

async function savedProgress(page: Page): Promise<Progress> {
  return page.evaluate(
    () =>
      (window as unknown as { __ftf: { context: { progress: { progress: Progress } } } }).__ftf
        .context.progress.progress,
  );
}

/** From the title: choose a mode in the level list, open level 1 and close the briefing. */
async function startLevel1(page: Page, mode: 'Learn' | 'Challenge' | 'Exam'): Promise<void> {
  await press(page, page.getByRole('button', { name: 'Play' }));
  const radio = page.getByRole('radio', { name: new RegExp(`^${mode}`) });
  await press(page, radio, 'Space');
  await expect.poll(() => radio.isChecked()).toBe(true);
  await press(page, page.getByRole('button', { name: LEVEL_1 }));
  const start = page.getByRole('dialog').getByRole('button', { name: 'Start scrolling' });
  await expect.poll(() => start.count()).toBe(1);
  await press(page, start);
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

/** How far the feed has scrolled, in CSS pixels: the accessible list moves with the canvas. */
async function feedScroll(page: Page): Promise<number> {
  const transform = await page
    .getByRole('list', { name: /feed$/ })
    .evaluate((list) => (list as HTMLElement).style.transform);
  return -Number(/translateY\((-?[\d.e+-]+)px\)/.exec(transform)?.[1] ?? 0);
}

/** The feed's scroll position over `ms` of waiting with no input: [before, after]. */
async function scrollOver(page: Page, ms: number): Promise<[number, number]> {
  const before = await feedScroll(page);
  await page.waitForTimeout(ms);
  return [before, await feedScroll(page)];
}

/** Opens the post at this feed position and flags it as a lure, or lets it pass. */
async function decidePost(page: Page, index: number, flag: boolean): Promise<void> {
  const total = level.posts.length;
  await press(
    page,
    page.getByRole('button', { name: new RegExp(`^Post ${index + 1} of ${total},`) }),
  );
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.count()).toBe(1);
  if (flag) {
    const lure = dialog.getByRole('button', { name: /^Recruitment lure/ });
    await press(page, lure, 'Space');
    await expect.poll(() => lure.getAttribute('aria-pressed')).toBe('true');
    await press(page, dialog.getByRole('button', { name: /^Flag post/ }));
  } else {
    await press(page, dialog.getByRole('button', { name: 'Looks genuine' }));
  }
}

describe('modes, progress and saves', () => {
  const browser = useBrowser();

  it('Exam: no feedback until the debrief, which shows every post; the result is kept for export', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?seed=exam&lang=en`);
    await startLevel1(page, 'Exam');
    const { order, rules, mode } = await sessionState(page);
    expect(mode).toBe('exam');
    expect(rules.feedback).toBe('end');
    for (const [index, postId] of order.entries()) {
      await decidePost(page, index, isManipulative(postId));
      // No feedback: the post closes at once, with no verdict and no Continue.
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Continue' }).count()).toBe(0);
      expect(await page.getByText(/Good call|Not quite/).count()).toBe(0);
    }
    const everyPost = page.getByRole('heading', { name: 'Every post, with the answers' });
    await expect.poll(() => everyPost.count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('li.post-review').count()).toBe(order.length);
    // Each reviewed post says what the player did and what was right or missed.
    expect(await page.getByText('You flagged it.').count()).toBeGreaterThan(0);
    expect(await page.getByText('You let it pass.').count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'Tactics you found' }).count()).toBe(1);
    await screenshot(page, 'modes-exam-debrief');
    await page.locator('.facet-chart').scrollIntoViewIfNeeded();
    await screenshot(page, 'modes-exam-chart');
    await page.locator('li.post-review').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'modes-exam-posts');
    const progress = await savedProgress(page);
    expect(progress.exams).toHaveLength(1);
    expect(Object.keys(progress.exams[0]?.answers ?? {})).toHaveLength(order.length);
    expect(progress.levels[level.id]?.last?.mode).toBe('exam');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Challenge: the timer runs, feedback follows each post, the debrief adds streak and time bonuses and keeps the best', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?seed=challenge&lang=en`);
    await startLevel1(page, 'Challenge');
    const { order, rules } = await sessionState(page);
    expect(rules).toEqual({
      feedback: 'immediate',
      timeLimitSeconds: 30 * level.posts.length,
      bonuses: true,
      hints: false,
    });
    await expect.poll(async () => (await sessionState(page)).elapsedMs).toBeGreaterThan(1500);
    // The time left, for screen readers as for the eye: under the full limit once time runs.
    const fullSeconds = 30 * level.posts.length;
    await expect
      .poll(async () => {
        const shown = /^(\d+):(\d\d) left$/.exec(
          (await page.getByRole('timer').textContent()) ?? '',
        );
        return shown ? fullSeconds - (Number(shown[1]) * 60 + Number(shown[2])) : -1;
      })
      .toBeGreaterThan(0);
    await screenshot(page, 'modes-challenge-feed');
    for (const [index, postId] of order.entries()) {
      await decidePost(page, index, isManipulative(postId));
      const next = page.getByRole('dialog').getByRole('button', { name: 'Continue' });
      await expect.poll(() => next.count()).toBe(1);
      await press(page, next);
    }
    const bonus = page.locator('[data-stat="challenge"]');
    await expect.poll(() => bonus.count(), { timeout: 20_000 }).toBe(1);
    const line = (await bonus.textContent()) ?? '';
    expect(line).toMatch(/streak bonus \+ [\d,]+ time bonus = [\d,]+/);
    expect(line).toContain('New best Challenge score!');
    await screenshot(page, 'modes-challenge-debrief');
    const progress = await savedProgress(page);
    const best = progress.levels[level.id]?.bestChallengeScore ?? 0;
    expect(best).toBeGreaterThan(progress.levels[level.id]?.bestPoints ?? 0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Challenge: the feed scrolls by itself, waits at the focused post, and stops when paused or a post is open', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?seed=glide&lang=en`);
    await startLevel1(page, 'Challenge');
    const total = level.posts.length;
    // Keyboard focus is on post 1, at the top: the feed may not push it out of view.
    const [, held] = await scrollOver(page, 1500);
    expect(held).toBeLessThan(5);
    // Focus on post 3: the feed goes on by itself, with no key pressed, toward it.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toMatch(new RegExp(`^Post 3 of ${total},`));
    await expect.poll(() => feedScroll(page), { timeout: 20_000 }).toBeGreaterThan(held + 8);
    await screenshot(page, 'modes-challenge-gliding');

    // Pause (WCAG 2.2.2): the feed stands still, the timer runs on.
    const pause = page.getByRole('button', { name: 'Pause scrolling' });
    await press(page, pause);
    const resume = page.getByRole('button', { name: 'Resume scrolling' });
    await expect.poll(() => resume.count()).toBe(1);
    const elapsedBefore = (await sessionState(page)).elapsedMs;
    const [pausedAt, stillAt] = await scrollOver(page, 2000);
    expect(stillAt).toBe(pausedAt);
    expect((await sessionState(page)).elapsedMs).toBeGreaterThan(elapsedBefore + 1000);
    await screenshot(page, 'modes-challenge-paused');
    // P resumes it.
    await page.keyboard.press('p');
    await expect.poll(() => pause.count()).toBe(1);
    await expect.poll(() => feedScroll(page), { timeout: 20_000 }).toBeGreaterThan(stillAt + 8);

    // An open post: the feed behind it stands still.
    await press(page, page.getByRole('button', { name: new RegExp(`^Post 4 of ${total},`) }));
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    const [openAt, openStill] = await scrollOver(page, 2000);
    expect(openStill).toBe(openAt);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Learn offers a hint on each post; Exam does not', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${inject('baseUrl')}?seed=hint&lang=en`);
    await startLevel1(page, 'Learn');
    const total = level.posts.length;
    await press(page, page.getByRole('button', { name: new RegExp(`^Post 1 of ${total},`) }));
    const dialog = page.getByRole('dialog');
    const hint = dialog.getByText('Hint: questions to ask');
    await expect.poll(() => hint.count()).toBe(1);
    const question = dialog.getByText(/^Who posted this\?/);
    expect(await question.isVisible()).toBe(false);
    await hint.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => question.isVisible()).toBe(true);
    await screenshot(page, 'modes-learn-hint');

    await page.reload();
    await page.evaluate(() => localStorage.removeItem('flag-the-feed:session'));
    await page.reload();
    await startLevel1(page, 'Exam');
    await press(page, page.getByRole('button', { name: new RegExp(`^Post 1 of ${total},`) }));
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.getByText('Hint: questions to ask').count()).toBe(0);
    await page.close();
  });

  it('the timer setting turns the Challenge timer off (WCAG 2.2.1)', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${inject('baseUrl')}?seed=timer&lang=en`);
    await press(page, page.getByRole('button', { name: 'Play' }));
    await page.getByRole('combobox', { name: 'Challenge timer' }).selectOption('off');
    await page.reload();
    await startLevel1(page, 'Challenge');
    expect((await sessionState(page)).rules.timeLimitSeconds).toBeNull();
    expect(await page.getByRole('timer').count()).toBe(0);
    // No timer, no pace: the feed stays where the player leaves it, and needs no Pause.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const [shownAt, stillAt] = await scrollOver(page, 2500);
    expect(stillAt).toBe(shownAt);
    expect(await page.getByRole('button', { name: 'Pause scrolling' }).count()).toBe(0);
    await page.close();
  });

  it('locks level 2 until level 1 is passed, and says why', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${inject('baseUrl')}?lang=en`);
    await press(page, page.getByRole('button', { name: 'Play' }));
    const second = page.getByRole('button', { name: new RegExp(`^Level 2: ${level2.title.en}`) });
    await expect.poll(() => second.getAttribute('aria-disabled')).toBe('true');
    const described = (await second.getAttribute('aria-describedby')) as string;
    expect(await page.locator(`[id="${described}"]`).textContent()).toContain(
      'Locked: pass level 1 to open it.',
    );
    await press(page, second);
    expect(await page.getByRole('button', { name: LEVEL_1 }).count()).toBe(1);
    await screenshot(page, 'modes-level-list');
    await page.close();
  });

  it('resumes after a reload: the same post open, the same draft, the same mode', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?seed=resume&lang=en`);
    await startLevel1(page, 'Exam');
    const { order } = await sessionState(page);
    await decidePost(page, 0, isManipulative(order[0] as string));
    await decidePost(page, 1, isManipulative(order[1] as string));
    await press(
      page,
      page.getByRole('button', { name: new RegExp(`^Post 3 of ${order.length},`) }),
    );
    const lure = page.getByRole('dialog').getByRole('button', { name: /^Recruitment lure/ });
    await press(page, lure, 'Space');
    await expect.poll(() => lure.getAttribute('aria-pressed')).toBe('true');
    const before = await sessionState(page);

    await page.reload();
    const resume = page.getByRole('button', {
      name: `Continue: ${level.title.en} (2 of ${order.length} decided)`,
    });
    await expect.poll(() => resume.count()).toBe(1);
    await screenshot(page, 'modes-title-continue');
    await press(page, resume);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    const after = await sessionState(page);
    expect(after.openPostId).toBe(order[2]);
    expect(after).toMatchObject({
      mode: 'exam',
      order: before.order,
      answers: before.answers,
      draft: before.draft,
    });
    expect(
      await dialog.getByRole('button', { name: /^Recruitment lure/ }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Start over: discards the unfinished session after asking, starts in the chosen mode, keeps stars and bests', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?seed=restart&lang=en`);
    // Level 1 played before: two stars and a best Challenge score.
    const saved = readFileSync('tests/fixtures/saves/v2-challenge-and-exam.json', 'utf8');
    await page.evaluate((text) => localStorage.setItem('flag-the-feed:progress', text), saved);
    await page.reload();
    const before = await savedProgress(page);
    await startLevel1(page, 'Challenge');
    const { order } = await sessionState(page);
    for (const index of [0, 1]) {
      await decidePost(page, index, isManipulative(order[index] as string));
      await press(page, page.getByRole('dialog').getByRole('button', { name: 'Continue' }));
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    }
    // Closed and opened again: the level list offers to continue, or to start over.
    await page.reload();
    await press(page, page.getByRole('button', { name: 'Play' }));
    const restart = page.getByRole('button', { name: 'Start over: level 1' });
    await expect.poll(() => restart.count()).toBe(1);
    const described = (await page
      .getByRole('button', { name: LEVEL_1 })
      .getAttribute('aria-describedby')) as string;
    expect(await page.locator(`[id="${described}"]`).textContent()).toContain(
      'Unfinished (Challenge): continue where you left off.',
    );
    await restart.focus();
    await screenshot(page, 'modes-level-list-unfinished');
    const exam = page.getByRole('radio', { name: /^Exam/ });
    await press(page, exam, 'Space');
    await expect.poll(() => exam.isChecked()).toBe(true);

    // Asked first, with the safe answer focused; Escape keeps the attempt.
    await press(page, restart);
    const dialog = page.getByRole('dialog', { name: `Start “${level.title.en}” over?` });
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.textContent()).toContain(
      `Your unfinished Challenge attempt (2 of ${order.length} decided) will be discarded.`,
    );
    expect(await dialog.textContent()).toContain('The new attempt starts in Exam mode.');
    await screenshot(page, 'modes-start-over');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Keep my attempt');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Start over: level 1');
    expect(await page.evaluate(() => localStorage.getItem('flag-the-feed:session'))).not.toBeNull();

    await press(page, restart);
    await press(page, dialog.getByRole('button', { name: 'Start over' }));
    const start = page.getByRole('dialog').getByRole('button', { name: 'Start scrolling' });
    await expect.poll(() => start.count()).toBe(1);
    const fresh = await sessionState(page);
    expect(fresh).toMatchObject({ mode: 'exam', answers: {}, decided: [], elapsedMs: 0 });
    expect(fresh.rules.timeLimitSeconds).toBeNull();
    expect(await page.evaluate(() => localStorage.getItem('flag-the-feed:session'))).toBeNull();
    // Progress is not the session: stars, bests and the kept Exam result are as they were.
    expect(await savedProgress(page)).toEqual(before);
    expect(before.levels[level.id]?.stars).toEqual({
      pass: true,
      discernment: false,
      allLures: true,
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a corrupt save and corrupt resume data: the game starts, says what happened and keeps the old data aside', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${inject('baseUrl')}?lang=en`);
    await page.evaluate(() => {
      localStorage.setItem('flag-the-feed:progress', '{"version":2,"levels":{"tutor');
      localStorage.setItem('flag-the-feed:session', 'not json at all');
    });
    await page.reload();
    await expect
      .poll(() => page.getByText(/Your saved progress could not be read/).count())
      .toBe(1);
    expect(await page.getByText(/Your unfinished level could not be read/).count()).toBe(1);
    await screenshot(page, 'modes-corrupt-save');
    const aside = await page.evaluate(() => [
      localStorage.getItem('flag-the-feed:progress:unreadable'),
      localStorage.getItem('flag-the-feed:session:unreadable'),
    ]);
    expect(aside).toEqual(['{"version":2,"levels":{"tutor', 'not json at all']);
    // And the game goes on.
    await press(page, page.getByRole('button', { name: 'Play' }));
    await expect.poll(() => page.getByRole('button', { name: LEVEL_1 }).count()).toBe(1);
    await page.close();
  });
});
