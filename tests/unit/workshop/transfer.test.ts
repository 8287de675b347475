import { describe, expect, it } from 'vitest';
import { emptyProgress, parseProgress, recordResult } from '../../../src/core/progress';
import { scoreAnswers } from '../../../src/core/scoring';
import { sha256Text } from '../../../src/core/workshop/canonical';
import { encodeCode } from '../../../src/core/workshop/codec';
import { decodeProgressCode, encodeProgressCode } from '../../../src/core/workshop/transfer';

const score = scoreAnswers(
  [
    {
      postId: 'a',
      answer: { tactics: ['nationalism'], lure: false },
      truth: { tactics: ['nationalism'], lure: false },
    },
    { postId: 'b', answer: { tactics: [], lure: false }, truth: { tactics: [], lure: false } },
  ],
  ['nationalism'],
);
const progress = recordResult(emptyProgress(), 'tutorial', score, 60);

describe('progress transfer codes', () => {
  it('carries a save to another machine unchanged', () => {
    const code = encodeProgressCode(progress);
    expect(code).toMatch(/^p1\./);
    expect(code.length).toBeLessThan(600);
    expect(decodeProgressCode(code)).toEqual({ ok: true, progress });
  });

  it('reads a version 1 save inside a code through the save migration', () => {
    const v1 = JSON.stringify({
      version: 1,
      levels: {
        tutorial: {
          attempts: 2,
          completed: true,
          passed: true,
          bestPoints: 900,
          bestPercent: 80,
          bestDPrime: 2.1,
        },
      },
    });
    const code = encodeProgressCode(parseProgress(v1).progress);
    const read = decodeProgressCode(code);
    expect(read.ok && read.progress.levels.tutorial?.bestPoints).toBe(900);
  });

  it('refuses an edited, truncated, foreign or newer code with a reason', () => {
    const edited = encodeCode('p', 1, {
      save: JSON.stringify({ ...progress, levels: {} }),
      checksum: `sha256:${'0'.repeat(64)}`,
    });
    expect(decodeProgressCode(edited)).toEqual({ ok: false, reason: 'checksum' });
    const code = encodeProgressCode(progress);
    expect(decodeProgressCode(code.slice(0, -10))).toMatchObject({ ok: false, reason: 'garbled' });
    expect(decodeProgressCode('w1.abc')).toMatchObject({ ok: false, reason: 'foreign' });
    expect(decodeProgressCode('p7.abc')).toMatchObject({ ok: false, reason: 'too-new' });
    const newerSave = JSON.stringify({ version: 9, levels: {} });
    expect(
      decodeProgressCode(encodeCode('p', 1, { save: newerSave, checksum: sha256Text(newerSave) })),
    ).toEqual({ ok: false, reason: 'too-new', version: 9 });
  });
});
