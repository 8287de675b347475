/**
 * A workshop end to end, keyboard first and by role and name: the facilitator makes a
 * workshop link, two students open it, type nicknames, play it (Exam mode) and save
 * their results (one as a file, one as a code), and the class dashboard shows the two
 * aggregated exactly as the core computes them. A tampered code is skipped with a
 * reason while the two real results stay.
 */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { Level } from '../../src/core/level/schema';
import { emptyProgress, recordResult, serializeProgress } from '../../src/core/progress';
import { type Answer, scoreAnswers } from '../../src/core/scoring';
import { summarizeClass } from '../../src/core/workshop/aggregate';
import { decodeResult, readResultFile, type WorkshopResult } from '../../src/core/workshop/result';
import { decodeSetup, encodeSetup, type WorkshopSetup } from '../../src/core/workshop/setup';
import { collectErrors, press, screenshot, sessionState, useBrowser } from './browser';

const level = JSON.parse(readFileSync('levels/01-tutorial.json', 'utf8')) as Level;
const taxonomy = JSON.parse(readFileSync('levels/taxonomy.json', 'utf8')) as {
  tactics: { id: string; name: { en: string } }[];
  lure: { name: { en: string } };
};
const nameOf = (id: string) =>
  id === 'lure'
    ? taxonomy.lure.name.en
    : (taxonomy.tactics.find((tactic) => tactic.id === id)?.name.en ?? id);

/** Answers everything right, except every third manipulative post passed. */
function carefulStudent(postId: string, index: number): Answer {
  const truth = level.posts.find((post) => post.id === postId)?.truth;
  if (!truth) throw new Error(`unknown post ${postId}`);
  if (index % 3 === 2) return { tactics: [], lure: false };
  return { tactics: [...truth.tactics], lure: truth.lure };
}

/** Flags every post as nationalism: finds much, but wrongly flags every genuine post. */
function suspiciousStudent(): Answer {
  return { tactics: ['nationalism'], lure: false };
}

async function makeWorkshopLink(page: Page): Promise<string> {
  await page.goto(`${inject('baseUrl')}?facilitator&lang=en`);
  await page.getByRole('textbox', { name: 'Workshop name (shown to students)' }).fill('Class 9b');
  const tutorial = page.getByRole('checkbox', { name: 'First scroll' });
  await press(page, tutorial, 'Space');
  await press(page, page.getByRole('radio', { name: /^Exam/ }), 'Space');
  await press(
    page,
    page.getByRole('radio', { name: 'Show the answers only on the debrief' }),
    'Space',
  );
  await page.getByRole('spinbutton', { name: 'Time limit per level, in minutes' }).fill('15');
  await page.getByRole('textbox', { name: 'Feed order code' }).fill('room-12');
  await press(page, page.getByRole('button', { name: 'Make workshop link' }));
  const link = page.getByRole('textbox', { name: 'Workshop link' });
  await expect.poll(() => link.count()).toBe(1);
  await expect(
    page.getByRole('img', { name: 'QR code of the workshop link' }).count(),
  ).resolves.toBe(1);
  await screenshot(page, 'workshop-facilitator');
  return link.inputValue();
}

async function playWorkshop(
  page: Page,
  link: string,
  nickname: string,
  answerFor: (postId: string, index: number) => Answer,
): Promise<void> {
  await page.goto(link);
  const name = page.getByRole('textbox', { name: 'Nickname' });
  await expect.poll(() => name.count()).toBe(1);
  await name.fill(nickname);
  await press(page, page.getByRole('button', { name: 'Start the workshop' }));
  await startScrolling(page);
  const { mode, rules } = await sessionState(page);
  expect(mode).toBe('exam');
  expect(rules).toMatchObject({ feedback: 'end', timeLimitSeconds: 900 });
  await playPosts(page, answerFor);
  const finish = page.getByRole('button', { name: 'Finish and save my result' });
  await expect.poll(() => finish.count(), { timeout: 20_000 }).toBe(1);
  await press(page, finish);
  await expect.poll(() => page.getByRole('textbox', { name: 'Result code' }).count()).toBe(1);
}

/** Closes a level's briefing. */
async function startScrolling(page: Page): Promise<void> {
  const start = page.getByRole('dialog').getByRole('button', { name: 'Start scrolling' });
  await expect.poll(() => start.count()).toBe(1);
  await press(page, start);
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

/** Answers the level's posts from `from` on, in an Exam workshop (no feedback between). */
async function playPosts(
  page: Page,
  answerFor: (postId: string, index: number) => Answer,
  range: { from?: number; to?: number } = {},
): Promise<void> {
  const { order } = await sessionState(page);
  for (let index = range.from ?? 0; index < (range.to ?? order.length); index++) {
    const postId = order[index] as string;
    await press(
      page,
      page.getByRole('button', { name: new RegExp(`^Post ${index + 1} of ${order.length},`) }),
    );
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    const answer = answerFor(postId, index);
    if (answer.tactics.length === 0 && !answer.lure) {
      await press(page, dialog.getByRole('button', { name: 'Looks genuine' }));
    } else {
      for (const id of [...answer.tactics, ...(answer.lure ? ['lure'] : [])]) {
        const choice = dialog.getByRole('button', { name: new RegExp(`^${nameOf(id)}`) });
        await press(page, choice, 'Space');
        await expect.poll(() => choice.getAttribute('aria-pressed')).toBe('true');
      }
      await press(page, dialog.getByRole('button', { name: /^Flag post/ }));
    }
    // Exam mode: no feedback, the panel closes at once.
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  }
}

describe('a workshop from link to class dashboard', () => {
  const browser = useBrowser();

  it('two students play the facilitator link and the dashboard aggregates them', async () => {
    const context = await browser().newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const facilitator = await context.newPage();
    const errors = collectErrors(facilitator);
    const link = await makeWorkshopLink(facilitator);
    expect(link).toMatch(/[?&]workshop=w1\./);

    // Student 1 saves a file.
    const ada = await context.newPage();
    errors.push(...collectErrors(ada));
    await playWorkshop(ada, link, 'Ada', carefulStudent);
    await screenshot(ada, 'workshop-result');
    const [download] = await Promise.all([
      ada.waitForEvent('download'),
      press(ada, ada.getByRole('button', { name: 'Download result file' })),
    ]);
    const filePath = await download.path();
    const fileText = readFileSync(filePath, 'utf8');
    const adaResult = readResultFile(fileText, fileText.length);
    expect(adaResult.ok).toBe(true);

    // Student 2, on another machine (a fresh context), copies the code.
    const otherMachine = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const ben = await otherMachine.newPage();
    errors.push(...collectErrors(ben));
    await playWorkshop(ben, link, 'Ben', suspiciousStudent);
    const benCode = await ben.getByRole('textbox', { name: 'Result code' }).inputValue();
    const benResult = decodeResult(benCode);
    expect(benResult.ok).toBe(true);

    const results = [adaResult, benResult].map((read) => {
      if (!read.ok) throw new Error(read.reason);
      return read.result;
    }) as WorkshopResult[];
    for (const result of results) {
      expect(result.setup).toEqual({
        levels: ['tutorial'],
        mode: 'exam',
        feedback: 'end',
        timeLimitMinutes: 15,
        title: 'Class 9b',
        packs: [],
        check: 'off',
        seed: 'room-12',
      });
      expect(result.levels[0]?.posts).toHaveLength(level.posts.length);
    }
    const expected = summarizeClass(results);

    // The dashboard: Ada's file, Ben's code, and a tampered copy of Ben's code.
    const dashboard = await context.newPage();
    errors.push(...collectErrors(dashboard));
    await dashboard.goto(`${inject('baseUrl')}?dashboard&lang=en`);
    const files = dashboard.getByLabel('Result files');
    await expect.poll(() => files.count()).toBe(1);
    await files.setInputFiles(filePath);
    await expect.poll(() => dashboard.getByText('Results: 1').count()).toBe(1);
    const tampered = JSON.parse(JSON.stringify(results[1])) as WorkshopResult;
    tampered.nickname = 'Mallory';
    const { encodeCode } = await import('../../src/core/workshop/codec');
    await dashboard
      .getByRole('textbox', { name: 'Result codes (one per line)' })
      .fill(`${benCode}\n${encodeCode('r', 1, tampered)}`);
    await press(dashboard, dashboard.getByRole('button', { name: 'Add codes' }));
    await expect.poll(() => dashboard.getByText('Results: 2').count()).toBe(1);
    await expect
      .poll(() => dashboard.getByText(/code 2: skipped, the checksum does not match/).count())
      .toBe(1);

    const stat = (key: string) => dashboard.locator(`tr[data-stat="${key}"] td`).textContent();
    expect(await stat('students')).toBe('2');
    expect(await stat('mean-d-prime')).toBe((expected.meanDPrime as number).toFixed(2));
    expect(await stat('mean-bias')).toBe((expected.meanBias as number).toFixed(2));
    const nationalism = expected.tactics.find((tactic) => tactic.id === 'nationalism');
    expect(await dashboard.locator('tr[data-tactic="nationalism"] td').first().textContent()).toBe(
      `${Math.round((nationalism?.recall ?? 0) * 100)}%`,
    );
    const students = dashboard.getByRole('table', { name: 'Students' });
    await expect.poll(() => students.getByRole('row').count()).toBe(3);
    expect(await students.textContent()).toContain('Ada');
    expect(await students.textContent()).toContain('Ben');
    // The most often wrong post is shown with its text.
    const hardest = expected.posts[0];
    const firstPost = dashboard.locator('.workshop-posts li').first();
    expect(await firstPost.getAttribute('data-post')).toBe(
      `${hardest?.levelId}/${hardest?.postId}`,
    );
    const shownText = level.posts.find((post) => post.id === hardest?.postId)?.text.en ?? '';
    expect(await firstPost.locator('blockquote').textContent()).toBe(shownText);
    await expect.poll(() => dashboard.locator('canvas[role="img"]').count()).toBe(2);
    await screenshot(dashboard, 'workshop-dashboard');

    const [csv] = await Promise.all([
      dashboard.waitForEvent('download'),
      press(dashboard, dashboard.getByRole('button', { name: 'Export students as CSV' })),
    ]);
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText.split('\r\n')[0]).toMatch(/^nickname,levels,posts,hits,/);
    expect(csvText).toContain('\r\nAda,tutorial,16,');
    expect(csvText).toContain('\r\nBen,tutorial,16,');

    // Closing the tab loses nothing: the dashboard opens again with both results. A
    // student's QR code opens it with `#add=` and the result: Ben's again, counted once.
    await dashboard.close();
    const reopened = await context.newPage();
    errors.push(...collectErrors(reopened));
    await reopened.goto(`${inject('baseUrl')}?dashboard&lang=en#add=${benCode}`);
    await expect.poll(() => reopened.getByText('Results: 2').count()).toBe(1);
    await expect
      .poll(() => reopened.getByText('scanned code: already added, counted once.').count())
      .toBe(1);
    expect(new URL(reopened.url()).hash).toBe('');

    expect(errors).toEqual([]);
    await otherMachine.close();
    await context.close();
    // Two students play all of level 1 by keyboard: on a busy shared machine that can
    // take past the default two minutes.
  }, 300_000);

  it('carries progress from one machine to another as a code', async () => {
    const score = scoreAnswers(
      level.posts.map(({ id, truth }) => ({
        postId: id,
        answer: { tactics: truth.tactics, lure: truth.lure },
        truth,
      })),
      taxonomy.tactics.map((tactic) => tactic.id),
    );
    const saved = serializeProgress(recordResult(emptyProgress(), 'tutorial', score, 60));
    const schoolMachine = await browser().newContext();
    await schoolMachine.addInitScript((text) => {
      localStorage.setItem('flag-the-feed:progress', text);
    }, saved);
    const before = await schoolMachine.newPage();
    const errors = collectErrors(before);
    await before.goto(`${inject('baseUrl')}?progress&lang=en`);
    const code = before.getByRole('textbox', { name: 'Progress code', exact: true });
    await expect.poll(() => code.count()).toBe(1);
    const text = await code.inputValue();
    expect(text).toMatch(/^p1\./);
    await schoolMachine.close();

    const nextPeriod = await browser().newContext();
    const after = await nextPeriod.newPage();
    errors.push(...collectErrors(after));
    await after.goto(`${inject('baseUrl')}?progress&lang=en`);
    const paste = after.getByRole('textbox', { name: 'Paste a progress code' });
    await expect.poll(() => paste.count()).toBe(1);
    // A damaged code is refused and changes nothing.
    await paste.fill(text.slice(0, -12));
    await press(after, after.getByRole('button', { name: 'Restore' }));
    await expect
      .poll(() => after.getByRole('alert').textContent())
      .toMatch(/^This progress could not be restored: it is incomplete or damaged/);
    expect(await after.evaluate(() => localStorage.getItem('flag-the-feed:progress'))).toBeNull();
    await paste.fill(text);
    await press(after, after.getByRole('button', { name: 'Restore' }));
    await expect
      .poll(() => after.getByRole('alert').textContent())
      .toBe('Progress restored: 1 levels.');
    const restored = await after.evaluate(() => localStorage.getItem('flag-the-feed:progress'));
    expect(JSON.parse(restored ?? 'null')).toEqual(JSON.parse(saved));
    expect(errors).toEqual([]);
    await nextPeriod.close();
  });

  it("plays a trainer's own level from a URL named in the workshop link, as text only", async () => {
    const title = '<img src=x onerror="window.__pwned=1"> Trainer pack';
    const custom = JSON.parse(readFileSync('levels/01-tutorial.json', 'utf8')) as Level & {
      title: Record<string, string>;
    };
    custom.id = 'trainer-pack';
    custom.title = { ...custom.title, en: title };
    const zip = zipSync({
      'pack/trainer.json': strToU8(JSON.stringify(custom)),
      'pack/broken.json': strToU8('{"id": "broken", "posts": [}'),
    });
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    await context.route('https://trainer.example/pack.zip', (route) =>
      route.fulfill({ status: 200, contentType: 'application/zip', body: Buffer.from(zip) }),
    );
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?facilitator&lang=en`);
    await press(page, page.getByText('Your own levels'));
    await page
      .getByRole('textbox', { name: 'Web address of a level or pack' })
      .fill('https://trainer.example/pack.zip');
    await press(page, page.getByRole('button', { name: 'Load from the address' }));
    await expect.poll(() => page.getByText(`Added: ${title}.`).count()).toBe(1);
    // The broken file is reported the way levels:check reports it, with its place.
    await expect
      .poll(() => page.getByText(/^broken\.json|pack\.zip\/pack\/broken\.json: .*line 1/).count())
      .toBe(1);
    await press(page, page.getByRole('checkbox', { name: title }), 'Space');
    await press(page, page.getByRole('button', { name: 'Make workshop link' }));
    const link = await page.getByRole('textbox', { name: 'Workshop link' }).inputValue();
    const setup = decodeSetup(new URL(link).searchParams.get('workshop') ?? '');
    expect(setup).toMatchObject({
      ok: true,
      setup: { levels: ['trainer-pack'], packs: ['https://trainer.example/pack.zip'] },
    });

    const student = await context.newPage();
    errors.push(...collectErrors(student));
    await student.goto(link);
    await student.getByRole('textbox', { name: 'Nickname' }).fill('Cai');
    await press(student, student.getByRole('button', { name: 'Start the workshop' }));
    const briefing = student.getByRole('dialog', { name: title });
    await expect.poll(() => briefing.count()).toBe(1);
    expect(await student.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await student.locator('img[src="x"]').count()).toBe(0);
    expect(errors.filter((error) => !/broken\.json/.test(error))).toEqual([]);
    await context.close();
  });

  it('continues a run after a reload under the same nickname, earlier answers kept', async () => {
    const economic = JSON.parse(readFileSync('levels/02-economic.json', 'utf8')) as Level;
    const truths = new Map(
      [...level.posts, ...economic.posts].map((post) => [post.id, post.truth] as const),
    );
    /** Right on every post, so each level's answers can be told apart from none. */
    const rightAnswer = (postId: string): Answer => {
      const truth = truths.get(postId);
      if (!truth) throw new Error(`unknown post ${postId}`);
      return { tactics: [...truth.tactics], lure: truth.lure };
    };
    const setup: WorkshopSetup = {
      levels: ['tutorial', 'economic'],
      mode: 'exam',
      feedback: 'end',
      timeLimitMinutes: null,
      title: 'Class 9c',
      packs: [],
      check: 'off',
      seed: 'room-14',
    };
    const link = `${inject('baseUrl')}?workshop=${encodeSetup(setup)}&lang=en`;
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    const continueAs = (done: number) =>
      page.getByRole('button', { name: `Continue as Eve (${done} of 2 levels done)` });
    const reloadAndContinue = async (done: number) => {
      await page.reload();
      await expect.poll(() => continueAs(done).count()).toBe(1);
      // The nickname is not asked again.
      expect(await page.getByRole('textbox', { name: 'Nickname' }).count()).toBe(0);
      await press(page, continueAs(done));
    };

    await page.goto(link);
    await page.getByRole('textbox', { name: 'Nickname' }).fill('Eve');
    await press(page, page.getByRole('button', { name: 'Start the workshop' }));
    await startScrolling(page);
    await playPosts(page, rightAnswer);
    const next = page.getByRole('button', { name: 'Next workshop level: Too good to be true' });
    await expect.poll(() => next.count(), { timeout: 20_000 }).toBe(1);

    // The tab reloads on the debrief of level 1: the workshop goes on with level 2.
    await reloadAndContinue(1);
    await startScrolling(page);
    expect((await sessionState(page)).levelId).toBe('economic');
    await playPosts(page, rightAnswer, { to: 5 });
    // And mid-level 2: the level resumes at the sixth post, the first five kept.
    await reloadAndContinue(1);
    await expect.poll(async () => Object.keys((await sessionState(page)).answers).length).toBe(5);
    await playPosts(page, rightAnswer, { from: 5 });
    const finish = page.getByRole('button', { name: 'Finish and save my result' });
    await expect.poll(() => finish.count(), { timeout: 20_000 }).toBe(1);
    await press(page, finish);
    const codeBox = page.getByRole('textbox', { name: 'Result code' });
    await expect.poll(() => codeBox.count()).toBe(1);
    const code = await codeBox.inputValue();
    const read = decodeResult(code);
    if (!read.ok) throw new Error(read.reason);
    expect(read.result.nickname).toBe('Eve');
    expect(read.result.levels.map((played) => played.levelId)).toEqual(['tutorial', 'economic']);
    const [first, second] = read.result.levels;
    expect(first?.posts).toHaveLength(level.posts.length);
    expect(second?.posts).toHaveLength(economic.posts.length);
    expect(read.result.summary).toMatchObject({ misses: 0, falseAlarms: 0 });
    await screenshot(page, 'workshop-resumed-result');

    // The saved result survives a reload too, with the same code, until started again.
    await reloadAndContinue(2);
    await expect.poll(() => codeBox.count()).toBe(1);
    expect(await codeBox.inputValue()).toBe(code);
    await press(page, page.getByRole('dialog').getByRole('button', { name: 'Done', exact: true }));
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await screenshot(page, 'workshop-resume-choice');
    await press(page, page.getByRole('button', { name: /^Start again/ }));
    await expect.poll(() => page.getByRole('textbox', { name: 'Nickname' }).count()).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('flag-the-feed:workshop'))).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('prints a facilitator guide with the answer key from the level data', async () => {
    const page = await browser().newPage();
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?guide=tutorial&lang=en`);
    const heading = page.getByRole('heading', { level: 1, name: level.title.en });
    await expect.poll(() => heading.count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Print this guide' }).count()).toBe(1);
    const key = page.locator('.guide-key > li');
    expect(await key.count()).toBe(level.posts.length);
    const genuine = level.posts.findIndex(
      (post) => post.truth.tactics.length === 0 && !post.truth.lure,
    );
    expect(await key.nth(genuine).locator('.guide-answer').textContent()).toBe('Answer: genuine');
    for (const question of level.discussion)
      expect(await page.getByText(question.en ?? '', { exact: true }).count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print this guide' }).isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the headline check before and after play and shows the change on the dashboard', async () => {
    const items = (
      JSON.parse(readFileSync('levels/headline-check/items.json', 'utf8')) as {
        items: { genuine: boolean; text: { en: string } }[];
      }
    ).items;
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?facilitator&lang=en`);
    await press(page, page.getByRole('checkbox', { name: 'First scroll' }), 'Space');
    await press(page, page.getByRole('radio', { name: /^Exam/ }), 'Space');
    await press(
      page,
      page.getByRole('radio', { name: 'Show the answers only on the debrief' }),
      'Space',
    );
    await press(
      page,
      page.getByRole('radio', { name: /^Headline check before and after/ }),
      'Space',
    );
    await press(page, page.getByRole('button', { name: 'Make workshop link' }));
    const link = await page.getByRole('textbox', { name: 'Workshop link' }).inputValue();

    /** Answers every headline with the keyboard; `judge` says "real" or not from its text. */
    const answerCheck = async (title: string, judge: (genuine: boolean) => boolean) => {
      const dialog = page.getByRole('dialog', { name: title });
      await expect.poll(() => dialog.count()).toBe(1);
      await screenshot(page, `workshop-check-${title.startsWith('Before') ? 'pre' : 'post'}`);
      // Done with nothing answered names how many are left.
      await press(page, dialog.getByRole('button', { name: 'Done' }));
      await expect
        .poll(() => dialog.getByRole('alert').textContent())
        .toBe(`Answer every headline first (${items.length} left).`);
      for (const item of items) {
        const group = dialog.getByRole('group', {
          name: new RegExp(`\\. ${literal(item.text.en)}$`),
        });
        const choice = judge(item.genuine) ? 'Real news' : 'Fake or manipulative';
        await press(page, group.getByRole('radio', { name: choice }), 'Space');
      }
      await press(page, dialog.getByRole('button', { name: 'Done' }));
      await expect.poll(() => dialog.count()).toBe(0);
    };

    await page.goto(link);
    await page.getByRole('textbox', { name: 'Nickname' }).fill('Dana');
    await press(page, page.getByRole('button', { name: 'Start the workshop' }));
    await answerCheck('Before you play: real or fake?', () => true);
    const start = page.getByRole('dialog').getByRole('button', { name: 'Start scrolling' });
    await expect.poll(() => start.count()).toBe(1);
    await press(page, start);
    const { order } = await sessionState(page);
    for (const [index] of order.entries()) {
      await press(
        page,
        page.getByRole('button', { name: new RegExp(`^Post ${index + 1} of ${order.length},`) }),
      );
      await press(page, page.getByRole('dialog').getByRole('button', { name: 'Looks genuine' }));
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    }
    const finish = page.getByRole('button', { name: 'Finish and save my result' });
    await expect.poll(() => finish.count(), { timeout: 20_000 }).toBe(1);
    await press(page, finish);
    await answerCheck('After playing: real or fake?', (genuine) => genuine);
    const code = await page.getByRole('textbox', { name: 'Result code' }).inputValue();
    const read = decodeResult(code);
    expect(read.ok && read.result.checks?.pre).toHaveLength(items.length);
    expect(read.ok && read.result.checks?.post).toHaveLength(items.length);

    await page.goto(`${inject('baseUrl')}?dashboard&lang=en`);
    await page.getByRole('textbox', { name: 'Result codes (one per line)' }).fill(code);
    await press(page, page.getByRole('button', { name: 'Add codes' }));
    const cell = (key: string) => page.locator(`tr[data-check="${key}"] td`).allTextContents();
    await expect.poll(() => page.locator('tr[data-check]').count()).toBe(5);
    const half = items.length / 2;
    expect(await cell('veracity')).toEqual([String(half), String(items.length), `+${half}`]);
    expect(await cell('naivety')).toEqual([String(half), '0', `-${half}`]);
    expect(await cell('distrust')).toEqual(['0', '0', '0']);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** A headline as a literal inside a RegExp. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
