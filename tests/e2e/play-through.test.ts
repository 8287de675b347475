/**
 * Plays level 1 from the title screen to the debrief with the keyboard alone, through
 * the accessible layer (roles and names, as a screen-reader user would), then checks
 * that the debrief shows what the core scoring engine computes for those answers.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import * as v from 'valibot';
import { describe, expect, inject, it } from 'vitest';
import { truthsFor } from '../../src/core/investigation';
import { LevelSchema } from '../../src/core/level/schema';
import { type Answer, type PostTruth, scoreAnswers } from '../../src/core/scoring';
import { collectErrors, press, screenshot, sessionState, useBrowser } from './browser';

// Parsed by the level format, so optional fields have their defaults as in the game.
const level = v.parse(LevelSchema, JSON.parse(readFileSync('levels/01-tutorial.json', 'utf8')));
const taxonomy = JSON.parse(readFileSync('levels/taxonomy.json', 'utf8')) as {
  tactics: { id: string }[];
};
const tacticIds = taxonomy.tactics.map((tactic) => tactic.id);
const NAMES: Record<string, string> = {
  nationalism: 'Nationalism',
  'economic-incentive': 'Economic incentive',
  misinformation: 'Misinformation',
  'celebrity-endorsement': 'Celebrity endorsement',
  'targeted-demographic': 'Targeted demographic',
  lure: 'Recruitment lure',
};

/**
 * A realistic, imperfect player: right on most posts, but flags the first genuine
 * post, lets the second manipulative post pass, and chooses only the first true
 * tactic (no lure) on the third manipulative post.
 */
function answerFor(index: number, postId: string): Answer {
  const truth = level.posts.find((post) => post.id === postId)?.truth;
  if (!truth) throw new Error(`unknown post ${postId}`);
  const manipulativeIndex = level.posts
    .filter((p) => p.truth.tactics.length > 0 || p.truth.lure)
    .findIndex((p) => p.id === postId);
  const genuineIndex = level.posts
    .filter((p) => p.truth.tactics.length === 0 && !p.truth.lure)
    .findIndex((p) => p.id === postId);
  if (genuineIndex === 0) return { tactics: ['nationalism'], lure: false };
  if (manipulativeIndex === 1) return { tactics: [], lure: false };
  if (manipulativeIndex === 2) return { tactics: truth.tactics.slice(0, 1), lure: false };
  void index;
  return { tactics: [...truth.tactics], lure: truth.lure };
}

async function decide(page: Page, answer: Answer): Promise<void> {
  const dialog = page.getByRole('dialog');
  if (answer.tactics.length === 0 && !answer.lure) {
    await press(page, dialog.getByRole('button', { name: 'Looks genuine' }));
    return;
  }
  for (const id of [...answer.tactics, ...(answer.lure ? ['lure'] : [])]) {
    const choice = dialog.getByRole('button', { name: new RegExp(`^${NAMES[id]}`) });
    await press(page, choice, 'Space');
    await expect.poll(() => choice.getAttribute('aria-pressed')).toBe('true');
  }
  await press(page, dialog.getByRole('button', { name: /^Flag post/ }));
}

describe('level 1, keyboard only', () => {
  const browser = useBrowser();

  it('plays from the title to a debrief whose numbers match the core, and keeps progress after a reload', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?seed=e2e&lang=en`);

    await press(page, page.getByRole('button', { name: 'Play' }));
    await press(page, page.getByRole('button', { name: /^Level 1: First scroll/ }));
    await expect
      .poll(() => page.getByRole('dialog').getByRole('button', { name: 'Start scrolling' }).count())
      .toBe(1);
    await screenshot(page, 'briefing');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await screenshot(page, 'feed');

    const { order } = await sessionState(page);
    expect(order).toHaveLength(level.posts.length);
    const given: { postId: string; answer: Answer }[] = [];
    for (const [index, postId] of order.entries()) {
      const post = page.getByRole('button', {
        name: new RegExp(`^Post ${index + 1} of ${order.length},`),
      });
      await press(page, post);
      await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
      if (index === 0) await screenshot(page, 'post-open');
      const answer = answerFor(index, postId);
      await decide(page, answer);
      given.push({ postId, answer });
      // Learn mode: feedback first, then Continue.
      const next = page.getByRole('dialog').getByRole('button', { name: 'Continue' });
      await expect.poll(() => next.count()).toBe(1);
      if (index === 0) await screenshot(page, 'feedback');
      await press(page, next);
    }

    await expect
      .poll(() => page.getByRole('table', { name: 'Your numbers' }).count(), { timeout: 10_000 })
      .toBe(1);
    await screenshot(page, 'debrief');

    // The game counts evidence sentences in the language played: English here.
    const truths = truthsFor(level, 'en');
    const expected = scoreAnswers(
      given.map(({ postId, answer }) => ({
        postId,
        answer,
        truth: truths.get(postId) as PostTruth,
      })),
      tacticIds,
    );
    const stat = (key: string) => page.locator(`tr[data-stat="${key}"] td`).textContent();
    const en = new Intl.NumberFormat('en');
    expect(await stat('points')).toBe(
      `${en.format(expected.points)} / ${en.format(expected.maxPoints)}`,
    );
    expect(await stat('hits')).toBe(`${expected.hits} / ${expected.manipulative}`);
    expect(await stat('false-alarms')).toBe(`${expected.falseAlarms} / ${expected.genuine}`);
    expect(await stat('d-prime')).toBe(expected.dPrime.toFixed(2));
    expect(await stat('bias')).toBe(expected.bias.toFixed(2));
    for (const tactic of expected.tactics) {
      const cells = await page.locator(`tr[data-tactic="${tactic.id}"] td`).allTextContents();
      const show = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);
      expect(cells, tactic.id).toEqual([show(tactic.precision), show(tactic.recall)]);
    }
    // The scripted player made one false alarm and one miss: both must show.
    expect(expected.falseAlarms).toBe(1);
    expect(expected.misses).toBe(1);
    expect(
      await page
        .getByText(`You spotted ${expected.hits} of ${expected.manipulative} manipulative posts.`)
        .count(),
    ).toBe(1);
    // The false alarm is reviewed as a look-alike: what it was taken for, then why it is genuine.
    const falseAlarm = level.posts.find(
      (post) =>
        post.id === expected.posts.find((scored) => scored.outcome === 'false-alarm')?.postId,
    );
    await expect
      .poll(() => page.locator(`li.post-review[data-post="${falseAlarm?.id}"]`).textContent())
      .toContain(
        `This genuine post looks like “Nationalism”, which is why it was easy to flag. What makes it genuine: ${falseAlarm?.truth.whyGenuine?.en}`,
      );

    // Progress survives a reload.
    await page.reload();
    await press(page, page.getByRole('button', { name: 'Play' }));
    const entry = page.getByRole('button', { name: /^Level 1: First scroll/ });
    await expect.poll(() => entry.getAttribute('aria-describedby')).toBeTruthy();
    const describedBy = (await entry.getAttribute('aria-describedby')) as string;
    const description = await page.locator(`[id="${describedBy}"]`).textContent();
    expect(description).toContain(`Best: ${Math.round(expected.percent)}%`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
