/**
 * A fake webcam picture for the dashboard's scanner test: a Y4M video (what Chromium's
 * `--use-file-for-fake-video-capture` plays, looping) that shows QR codes one after
 * another, each as a student's result panel draws it: the dashboard link with
 * `#add=<result code>`, the code built by the core from answers to the tutorial level.
 *
 * The video is a few MB of raw frames, so it is written at test time into a temporary
 * folder, not committed. By hand: `npx tsx scripts/result-qr-video.ts out.y4m`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import encodeQR from 'qr';
import type { Level } from '../src/core/level/schema';
import type { Answer } from '../src/core/scoring';
import { buildResult, encodeResult, type WorkshopResult } from '../src/core/workshop/result';
import type { WorkshopSetup } from '../src/core/workshop/setup';

const ROOT = join(import.meta.dirname, '..');
const WIDTH = 1280;
const HEIGHT = 720;
const FPS = 2;
/** Quiet zone around a QR code, in modules (the standard asks for 4). */
const QUIET_MODULES = 4;
const WHITE = 235;
const BLACK = 16;

export const SCAN_SETUP: WorkshopSetup = {
  levels: ['tutorial'],
  mode: 'exam',
  feedback: 'end',
  timeLimitMinutes: 15,
  title: 'Scanned class',
  packs: [],
  check: 'off',
  seed: 'scan',
};

/** A student's result for the tutorial level: every post right except every `missEvery`th. */
export function tutorialResult(nickname: string, missEvery: number): WorkshopResult {
  const level = JSON.parse(readFileSync(join(ROOT, 'levels/01-tutorial.json'), 'utf8')) as Level;
  const taxonomy = JSON.parse(readFileSync(join(ROOT, 'levels/taxonomy.json'), 'utf8')) as {
    tactics: { id: string }[];
  };
  return buildResult({
    nickname,
    setup: SCAN_SETUP,
    tacticIds: taxonomy.tactics.map((tactic) => tactic.id),
    played: [
      {
        levelId: level.id,
        seconds: 420,
        posts: level.posts.map((post, index) => {
          const right: Answer = { tactics: post.truth.tactics, lure: post.truth.lure };
          const missed: Answer = { tactics: [], lure: false };
          const answer = index % missEvery === missEvery - 1 ? missed : right;
          return { postId: post.id, answer, truth: post.truth };
        }),
      },
    ],
    finishedAt: new Date('2026-11-20T10:00:00Z'),
  });
}

/** What a student's result QR code holds (see src/workshop/result-panel.ts). */
export function resultLink(result: WorkshopResult): string {
  return `https://school.example/flag-the-feed/?dashboard#add=${encodeResult(result)}`;
}

/** One grey (luma) frame with the QR code of `text` in the middle, as large as fits. */
function qrFrame(text: string): Uint8Array {
  // The quiet zone is part of the matrix: light modules on the white frame.
  const modules = encodeQR(text, 'raw', { ecc: 'low', border: QUIET_MODULES });
  const size = modules.length;
  const moduleSize = Math.floor(Math.min(WIDTH, HEIGHT) / size);
  if (moduleSize < 2) throw new Error(`a QR code of ${size} modules does not fit the frame`);
  const luma = new Uint8Array(WIDTH * HEIGHT).fill(WHITE);
  const left = Math.floor((WIDTH - size * moduleSize) / 2);
  const top = Math.floor((HEIGHT - size * moduleSize) / 2);
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < moduleSize; dy++) {
        const start = (top + y * moduleSize + dy) * WIDTH + left + x * moduleSize;
        luma.fill(BLACK, start, start + moduleSize);
      }
    });
  });
  return luma;
}

/** A Y4M (4:2:0) video showing each text's QR code for its number of seconds. */
export function qrVideo(scenes: readonly { text: string; seconds: number }[]): Buffer {
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F${FPS}:1 Ip A1:1 C420\n`)];
  for (const scene of scenes) {
    const luma = Buffer.from(qrFrame(scene.text));
    for (let frame = 0; frame < Math.round(scene.seconds * FPS); frame++)
      parts.push(Buffer.from('FRAME\n'), luma, chroma);
  }
  return Buffer.concat(parts);
}

/** The scanner test's picture: a QR code that is not a result, then two students'. */
export function scannerTestVideo(): { video: Buffer; students: WorkshopResult[] } {
  const students = [tutorialResult('Scanned Sam', 4), tutorialResult('Quick Quinn', 3)];
  const video = qrVideo([
    { text: 'https://example.org/lunch-menu', seconds: 2 },
    ...students.map((student) => ({ text: resultLink(student), seconds: 2 })),
  ]);
  return { video, students };
}

if (process.argv[1] === import.meta.filename) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: tsx scripts/result-qr-video.ts <out.y4m>');
    process.exit(2);
  }
  const { video, students } = scannerTestVideo();
  writeFileSync(out, video);
  for (const student of students)
    console.log(`${student.nickname}: ${resultLink(student).length} characters in the QR code`);
  console.log(`${out}: ${(video.length / 1e6).toFixed(1)} MB`);
}
