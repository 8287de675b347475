/**
 * The class dashboard's camera scanner, with Chromium's fake camera playing a video of
 * real result QR codes (scripts/result-qr-video.ts): a lunch-menu QR code, then two
 * students' result QR codes, looping. A second browser refuses the camera, and opens
 * the dashboard on a plain-http address, where browsers offer no camera at all.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scannerTestVideo } from '../../scripts/result-qr-video';
import { encodeResult } from '../../src/core/workshop/result';
import { axeProblems } from './axe';
import { collectErrors, launch, press, screenshot } from './browser';

const NOT_A_RESULT = 'this is not a Flag the Feed code of the right kind';

/** Counts the camera tracks still running, through a wrapper installed before the page loads. */
async function watchCamera(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const streams: MediaStream[] = [];
    (window as unknown as { __cameraStreams: MediaStream[] }).__cameraStreams = streams;
    const devices = navigator.mediaDevices;
    if (!devices) return;
    const open = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      streams.push(stream);
      return stream;
    };
  });
  return () =>
    page.evaluate(
      () =>
        (window as unknown as { __cameraStreams: MediaStream[] }).__cameraStreams
          .flatMap((stream) => stream.getTracks())
          .filter((track) => track.readyState === 'live').length,
    );
}

describe("the dashboard's camera scanner", () => {
  const folder = mkdtempSync(join(tmpdir(), 'ftf-scanner-'));
  const { video, students } = scannerTestVideo();
  const [sam, quinn] = students.map((student) => student.nickname);
  const [samResult] = students;
  if (!samResult) throw new Error('the scanner video shows no student');
  let camera: Browser;
  let refusing: Browser;
  beforeAll(async () => {
    const file = join(folder, 'result-codes.y4m');
    writeFileSync(file, video);
    camera = await launch([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${file}`,
    ]);
    refusing = await launch(['--use-fake-device-for-media-stream', '--deny-permission-prompts']);
  });
  afterAll(async () => {
    await camera?.close();
    await refusing?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('adds every student whose QR code the camera sees, until the trainer stops it', async () => {
    const page = await camera.newPage({ viewport: { width: 1000, height: 800 } });
    const errors = collectErrors(page);
    const liveTracks = await watchCamera(page);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${inject('baseUrl')}?dashboard&lang=en`);
    await expect.poll(() => page.getByText('Results: 0').count()).toBe(1);
    const decoderChunk = () => requested.some((url) => /\/assets\/decode-[\w-]+\.js$/.test(url));
    expect(decoderChunk(), 'the QR decoder is loaded only when the scanner opens').toBe(false);

    const scan = page.getByRole('button', { name: 'Scan result codes' });
    await press(page, scan);
    const dialog = page.getByRole('dialog', { name: 'Scan result codes' });
    await expect.poll(() => dialog.count()).toBe(1);
    const added = dialog.getByRole('listitem');
    await expect.poll(() => added.allTextContents(), { timeout: 60_000 }).toHaveLength(2);
    expect((await added.allTextContents()).sort()).toEqual([quinn, sam].sort());
    // The live region says who was added last, and how many results there are now.
    const last = (await added.allTextContents())[1];
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toBe(`Added ${last}. Results on the dashboard: 2.`);
    const native = await page.evaluate(() => 'BarcodeDetector' in window);
    expect(decoderChunk(), 'without a native BarcodeDetector the qr chunk reads the codes').toBe(
      !native,
    );
    expect(await liveTracks()).toBe(1);
    expect(await axeProblems(page, 'scanner')).toEqual([]);
    await screenshot(page, 'dashboard-scanner');

    await press(page, dialog.getByRole('button', { name: 'Stop scanning' }));
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await liveTracks(), 'stopping turns the camera off').toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Scan result codes',
    );
    await expect.poll(() => page.getByText('Results: 2').count()).toBe(1);
    const table = page.getByRole('table', { name: 'Students' });
    for (const nickname of [sam, quinn])
      expect(await table.getByRole('rowheader', { name: nickname, exact: true }).count()).toBe(1);
    // The lunch menu's QR code was reported, like a bad pasted code, and added nothing.
    expect(
      await page.getByText(new RegExp(`^scanned code \\d: skipped, ${NOT_A_RESULT}\\.$`)).count(),
    ).toBe(1);

    // Scanned again, a result counts once; Escape stops the scanner too.
    await press(page, scan);
    await expect
      .poll(() => dialog.getByRole('status').textContent(), { timeout: 60_000 })
      .toMatch(/ is already on the dashboard, counted once\.$/);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await liveTracks()).toBe(0);
    await expect.poll(() => page.getByText('Results: 2').count()).toBe(1);

    // Leaving the page with the scanner open closes it and turns the camera off as well.
    await press(page, scan);
    await expect.poll(() => liveTracks()).toBe(1);
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
    expect(await liveTracks()).toBe(0);
    expect(await dialog.count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByText('Results: 2').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says why when the camera is refused or unavailable, and pasting still works', async () => {
    const page = await refusing.newPage();
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?dashboard&lang=en`);
    await press(page, page.getByRole('button', { name: 'Scan result codes' }));
    const dialog = page.getByRole('dialog', { name: 'Scan result codes' });
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toMatch(/^The camera was not allowed\. Allow it for this site/);
    await press(page, dialog.getByRole('button', { name: 'Close' }));
    await expect.poll(() => dialog.count()).toBe(0);
    await page
      .getByRole('textbox', { name: 'Result codes (one per line)' })
      .fill(encodeResult(samResult));
    await press(page, page.getByRole('button', { name: 'Add codes' }));
    await expect.poll(() => page.getByText('Results: 1').count()).toBe(1);

    // Plain http on a school's own host name: browsers offer no camera there. The test
    // server's files are served under that name.
    const base = inject('baseUrl');
    await page.route('http://school.test/**', async (route) => {
      const url = route.request().url().replace('http://school.test/', base);
      await route.fulfill({ response: await route.fetch({ url }) });
    });
    await page.goto('http://school.test/?dashboard&lang=en');
    await press(page, page.getByRole('button', { name: 'Scan result codes' }));
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toMatch(/^The camera works only when this page is opened over https/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
