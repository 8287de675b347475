import { describe, expect, it } from 'vitest';
import {
  buildResult,
  decodeResult,
  encodeResult,
  readResultFile,
  resultToFileText,
  verifyResult,
} from '../../../src/core/workshop/result';
import { classOfFive } from './class-of-five';

const [first] = classOfFive();
if (!first) throw new Error('fixture is empty');

describe('workshop results', () => {
  it("holds per-post answers, per-tactic numbers, d', bias, time and the setup", () => {
    expect(first.nickname).toBe('Ada');
    expect(first.setup.seed).toBe('class');
    expect(first.levels[0]?.posts).toHaveLength(4);
    expect(first.summary).toMatchObject({ hits: 2, falseAlarms: 0, seconds: 300 });
    expect(first.summary.dPrime).toBeCloseTo(1.934843, 5);
    expect(first.summary.tactics.map((tactic) => tactic.id)).toEqual([
      'nationalism',
      'misinformation',
    ]);
    expect(first.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('verifies a result read back from its file and from its code', () => {
    expect(readResultFile(resultToFileText(first), 100)).toEqual({ ok: true, result: first });
    const code = encodeResult(first);
    expect(code).toMatch(/^r1\./);
    expect(decodeResult(code)).toEqual({ ok: true, result: first });
  });

  it('accepts the same result with its keys in another order', () => {
    const reordered = Object.fromEntries(Object.entries(first).reverse());
    expect(verifyResult(reordered)).toMatchObject({ ok: true });
  });

  it('rejects a result whose answers were edited', () => {
    const tampered = structuredClone(first);
    const post = tampered.levels[0]?.posts[2];
    if (!post) throw new Error('fixture lacks a third post');
    post.tactics = [];
    post.lure = true;
    expect(verifyResult(tampered)).toEqual({ ok: false, reason: 'checksum' });
    const rejudged = structuredClone(first);
    const item = rejudged.checks?.pre?.[0];
    if (!item) throw new Error('fixture lacks a pre-check');
    item.judgedReal = !item.judgedReal;
    expect(verifyResult(rejudged)).toEqual({ ok: false, reason: 'checksum' });
    const renamed = { ...first, nickname: 'Someone else' };
    expect(verifyResult(renamed)).toEqual({ ok: false, reason: 'checksum' });
  });

  it('rejects truncated, oversized, foreign, newer and malformed files with a reason', () => {
    const text = resultToFileText(first);
    expect(readResultFile(text.slice(0, 200), 200)).toEqual({ ok: false, reason: 'not-json' });
    expect(readResultFile(text, 2 * 1024 * 1024)).toMatchObject({ ok: false, reason: 'too-big' });
    expect(readResultFile('{"levels":[]}', 13)).toEqual({ ok: false, reason: 'not-a-result' });
    expect(verifyResult({ ...first, version: 9 })).toEqual({
      ok: false,
      reason: 'too-new',
      version: 9,
    });
    expect(verifyResult({ ...first, nickname: '' })).toEqual({
      ok: false,
      reason: 'invalid',
      path: 'nickname',
    });
    const code = encodeResult(first);
    expect(decodeResult(code.slice(0, -20))).toMatchObject({ ok: false, reason: 'garbled' });
    expect(decodeResult('w1.abc')).toMatchObject({ ok: false, reason: 'foreign' });
  });

  it('builds the same checksum for the same play, so a result is reproducible', () => {
    const again = buildResult({
      nickname: first.nickname,
      setup: first.setup,
      tacticIds: first.tacticIds,
      played: first.levels.map((level) => ({
        levelId: level.levelId,
        seconds: level.seconds,
        posts: level.posts.map((post) => ({
          postId: post.postId,
          answer: { tactics: post.tactics, lure: post.lure },
          truth: post.truth,
        })),
      })),
      finishedAt: new Date(first.finishedAt),
      checks: first.checks,
    });
    expect(again.checksum).toBe(first.checksum);
  });
});
