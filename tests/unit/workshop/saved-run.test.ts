import { describe, expect, it } from 'vitest';
import {
  MAX_SAVED_RUN_CHARS,
  parseRun,
  type SavedRun,
  serializeRun,
  setupKeyOf,
} from '../../../src/core/workshop/saved-run';
import type { WorkshopSetup } from '../../../src/core/workshop/setup';

const setup: WorkshopSetup = {
  levels: ['tutorial', 'economic'],
  mode: 'exam',
  feedback: 'end',
  timeLimitMinutes: null,
  title: 'Class 9b',
  packs: [],
  check: 'pre-post',
  seed: 'room-12',
};

const run: SavedRun = {
  setupKey: setupKeyOf(setup),
  nickname: 'Ada',
  checks: { pre: [{ itemId: 'h01', genuine: true, judgedReal: false }] },
  played: [
    {
      levelId: 'tutorial',
      seconds: 95.5,
      posts: [
        {
          postId: 't1',
          answer: { tactics: ['nationalism'], lure: false },
          truth: { tactics: ['nationalism'], lure: true },
        },
        { postId: 't2', answer: { tactics: [], lure: false }, truth: { tactics: [], lure: false } },
      ],
    },
  ],
  levelStartedAt: 1_700_000_000_000,
  finishedAt: null,
};

describe('a saved workshop run', () => {
  it('reads back exactly what was saved, played levels and check answers included', () => {
    expect(parseRun(serializeRun(run), setup)).toEqual({ status: 'ok', run });
    const finished = { ...run, finishedAt: '2026-11-22T20:00:00.000Z' };
    expect(parseRun(serializeRun(finished), setup)).toEqual({ status: 'ok', run: finished });
  });

  it('keeps of each answer only what the result scores (not evidence sentences)', () => {
    const post = run.played[0]?.posts[0];
    if (!post) throw new Error('fixture has no post');
    const withEvidence: SavedRun = {
      ...run,
      played: [
        {
          levelId: 'tutorial',
          seconds: 10,
          posts: [
            {
              ...post,
              answer: { ...post.answer, evidence: [0, 2] },
              truth: { ...post.truth, tellSentences: [2] },
            },
          ],
        },
      ],
    };
    expect(parseRun(serializeRun(withEvidence), setup)).toEqual({
      status: 'ok',
      run: { ...withEvidence, played: [{ levelId: 'tutorial', seconds: 10, posts: [post] }] },
    });
  });

  it('names its setup by content, not by how the link wrote it', () => {
    const reordered = Object.fromEntries(Object.entries(setup).reverse()) as WorkshopSetup;
    expect(setupKeyOf(reordered)).toBe(setupKeyOf(setup));
    expect(setupKeyOf({ ...setup, seed: 'room-13' })).not.toBe(setupKeyOf(setup));
  });

  it("ignores another workshop's run instead of continuing it", () => {
    const otherSetup = { ...setup, levels: ['tutorial'] };
    expect(parseRun(serializeRun(run), otherSetup)).toEqual({ status: 'other-setup' });
  });

  it('reports nothing saved as none', () => {
    expect(parseRun(null, setup)).toEqual({ status: 'none' });
    expect(parseRun('', setup)).toEqual({ status: 'none' });
  });

  it.each([
    ['cut-off text', serializeRun(run).slice(0, -20), /^not JSON/],
    ['another kind of JSON', '{"version":1,"levels":{}}', /not a workshop run/],
    ['an array', '[1,2]', /not a workshop run/],
    ['text far too long', 'x'.repeat(MAX_SAVED_RUN_CHARS + 1), /longer than/],
    ['an empty nickname', serializeRun({ ...run, nickname: '  ' }), /invalid at nickname/],
    [
      'a negative time',
      serializeRun({
        ...run,
        played: [{ ...(run.played[0] as SavedRun['played'][0]), seconds: -1 }],
      }),
      /invalid at played\.0\.seconds/,
    ],
    [
      'a level the workshop does not have',
      serializeRun({
        ...run,
        played: [{ ...(run.played[0] as SavedRun['played'][0]), levelId: 'final' }],
      }),
      /level final is not in this workshop/,
    ],
    [
      'a level played twice',
      serializeRun({ ...run, played: [...run.played, ...run.played] }),
      /level tutorial is not in this workshop or is there twice/,
    ],
    [
      'an unknown field',
      JSON.stringify({ ...JSON.parse(serializeRun(run)), extra: true }),
      /invalid at extra/,
    ],
  ])('refuses %s with a reason, without throwing', (_name, text, reason) => {
    const loaded = parseRun(text, setup);
    expect(loaded.status).toBe('unreadable');
    expect(loaded.status === 'unreadable' && loaded.reason).toMatch(reason);
  });

  it('says a run from a newer game is too new rather than damaged', () => {
    const newer = JSON.stringify({ ...JSON.parse(serializeRun(run)), version: 2 });
    expect(parseRun(newer, setup)).toMatchObject({ status: 'too-new' });
  });
});
