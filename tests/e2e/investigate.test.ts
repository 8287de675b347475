/**
 * Investigating with the keyboard alone, as a screen-reader user would: open a post,
 * run checks and read their results by role and name, mark a sentence as evidence,
 * flag, and read the evidence bonus in the feedback. Then spend the level's budget of
 * checks, see the game say so, and reload: results, budget and marks come back.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { collectErrors, press, screenshot, sessionState, useBrowser } from './browser';

async function openPost(page: Page, postId: string): Promise<void> {
  const { order } = await sessionState(page);
  const index = order.indexOf(postId);
  await press(
    page,
    page.getByRole('button', { name: new RegExp(`^Post ${index + 1} of ${order.length},`) }),
  );
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
}

/** Presses a check's button in the open post and returns the text of its result region. */
async function runCheck(page: Page, button: string, result: string): Promise<string | null> {
  const dialog = page.getByRole('dialog');
  await press(page, dialog.getByRole('button', { name: button }));
  const region = dialog.getByRole('region', { name: result });
  await expect.poll(() => region.count()).toBe(1);
  return region.textContent();
}

describe('investigating a post, keyboard only', () => {
  const browser = useBrowser();

  it('runs checks, marks evidence, earns the evidence bonus, and runs out of checks', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?lang=en&level=tutorial&seed=investigate`);
    const start = page.getByRole('dialog').getByRole('button', { name: 'Start scrolling' });
    await expect.poll(() => start.count()).toBe(1);
    await press(page, start);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // The recruitment ad: its link hides a sign-up form on a days-old domain.
    await openPost(page, 't02-contract-abroad');
    const dialog = page.getByRole('dialog');
    // The line that counts the checks left in the level.
    const budget = dialog.locator('[data-budget]');
    expect(await budget.textContent()).toBe('Checks left: 8 of 8');
    const linkText = await runCheck(page, 'Inspect the link', 'Where the link goes');
    expect(linkText).toContain('Really goes to: https://forms.example.net/recruit-7731');
    expect(linkText).toContain('Domain registered 5 days ago');
    // Focus moves to the result, so a screen reader reads it next.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Where the link goes',
    );
    expect(await budget.textContent()).toBe('Checks left: 7 of 8');

    const profile = await runCheck(page, "Open the author's profile", 'Profile');
    expect(profile).toContain('Account created 9 days ago');
    expect(profile).toContain('41 followers, follows 2,200');
    expect(await runCheck(page, 'Check other sources', 'Other sources')).toContain(
      'Harbour Herald (contradicts)',
    );
    expect(await runCheck(page, 'Reverse image search', 'Reverse image search result')).toContain(
      'First published: a stock-photo library, 6 years',
    );
    expect(await budget.textContent()).toBe('Checks left: 4 of 8');

    // A check already run costs nothing and says where its result is.
    await press(page, dialog.getByRole('button', { name: 'Inspect the link' }));
    await expect
      .poll(() => dialog.getByRole('status').first().textContent())
      .toBe('You already ran this check; its result is below.');
    expect(await budget.textContent()).toBe('Checks left: 4 of 8');

    // Mark the sentence that gives it away: each sentence is a toggle button.
    const evidence = dialog.getByRole('group', { name: 'Mark the evidence' });
    const tell = evidence.getByRole('button', { name: 'Message us now.' });
    await press(page, tell, 'Space');
    await expect.poll(() => tell.getAttribute('aria-pressed')).toBe('true');
    for (const name of [/^Economic incentive/, /^Recruitment lure/]) {
      const choice = dialog.getByRole('button', { name });
      await press(page, choice, 'Space');
      await expect.poll(() => choice.getAttribute('aria-pressed')).toBe('true');
    }
    await screenshot(page, 'investigate-post');
    await press(page, dialog.getByRole('button', { name: /^Flag post/ }));

    const bonus = page.getByText('Evidence bonus: +25 (marked sentences holding a tell: 1 of 1)');
    await expect.poll(() => bonus.count()).toBe(1);
    const marks = page.getByRole('list', { name: 'Your marks' });
    expect(await marks.textContent()).toBe('✓ holds a tell: Message us now.');
    await screenshot(page, 'investigate-feedback');
    await press(page, page.getByRole('dialog').getByRole('button', { name: 'Continue' }));
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // A genuine post: the council's notice is confirmed; three more checks.
    await openPost(page, 't03-council-bridge');
    await press(page, dialog.getByRole('button', { name: 'Check other sources' }));
    await expect
      .poll(() => dialog.getByRole('region', { name: 'Other sources' }).textContent())
      .toContain('(confirms)');
    await press(page, dialog.getByRole('button', { name: 'Inspect the link' }));
    await press(page, dialog.getByRole('button', { name: "Open the author's profile" }));
    await expect.poll(() => budget.textContent()).toBe('Checks left: 1 of 8');
    await press(page, dialog.getByRole('button', { name: 'Looks genuine' }));
    await press(page, page.getByRole('dialog').getByRole('button', { name: 'Continue' }));

    // The last check, then none: the game says so and the check shows no result.
    await openPost(page, 't09-targeted');
    const qr = dialog.getByRole('button', { name: 'Inspect the link or QR code' });
    await press(page, qr);
    await expect
      .poll(() => dialog.getByRole('region', { name: 'Where the link goes' }).textContent())
      .toContain('The QR code in the picture');
    expect(await budget.textContent()).toBe(
      'No checks left in this level. Decide with what you know.',
    );
    const sourcesButton = dialog.getByRole('button', { name: 'Check other sources' });
    expect(await sourcesButton.getAttribute('aria-disabled')).toBe('true');
    await press(page, sourcesButton);
    await expect
      .poll(() => dialog.getByRole('status').first().textContent())
      .toBe('No checks left in this level. Decide with what you know.');
    expect(await dialog.getByRole('region', { name: 'Other sources' }).count()).toBe(0);
    await screenshot(page, 'investigate-budget-spent');
    const scan = dialog.getByRole('button', { name: 'Scan the code to start.' });
    await press(page, scan, 'Space');
    await expect.poll(() => scan.getAttribute('aria-pressed')).toBe('true');
    const before = await sessionState(page);
    expect(before.checksLeft).toBe(0);

    // A reload resumes the level: the same post, its result, the spent budget, the mark.
    await page.reload();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    const after = await sessionState(page);
    expect(after).toMatchObject({
      openPostId: 't09-targeted',
      checksLeft: 0,
      checksRun: before.checksRun,
      draft: before.draft,
    });
    expect(
      await dialog.getByRole('region', { name: 'Where the link goes' }).textContent(),
    ).toContain('https://debt-free.example.com/enlist');
    expect(await budget.textContent()).toBe(
      'No checks left in this level. Decide with what you know.',
    );
    expect(await scan.getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });
});
