/** Stars, unlocking in order and Exam results in the save (format version 2). */
import { describe, expect, it } from 'vitest';
import {
  DISCERNMENT_STAR_DPRIME,
  emptyProgress,
  examResult,
  MAX_EXAM_RESULTS,
  type Progress,
  parseProgress,
  recordExam,
  recordResult,
  serializeProgress,
  starCount,
  starsFor,
  unlockedLevels,
} from '../../src/core/progress';
import { type Answer, type PostTruth, scoreAnswers } from '../../src/core/scoring';

const TACTICS = ['nationalism', 'misinformation'];
/** Three lures (one of them also nationalism), three manipulative, six genuine. */
const truths: [string, PostTruth][] = [
  ['l1', { tactics: ['nationalism'], lure: true }],
  ['l2', { tactics: [], lure: true }],
  ['l3', { tactics: [], lure: true }],
  ['m1', { tactics: ['misinformation'], lure: false }],
  ['m2', { tactics: ['nationalism'], lure: false }],
  ['m3', { tactics: ['misinformation'], lure: false }],
  ...['g1', 'g2', 'g3', 'g4', 'g5', 'g6'].map((id): [string, PostTruth] => [
    id,
    { tactics: [], lure: false },
  ]),
];
/** The score when the player answers every post with the truth, except the overrides. */
function play(overrides: Record<string, Answer> = {}) {
  return scoreAnswers(
    truths.map(([postId, truth]) => ({ postId, truth, answer: overrides[postId] ?? truth })),
    TACTICS,
  );
}
const PASS = { tactics: [], lure: false };

describe('stars', () => {
  it('a perfect attempt earns all three', () => {
    const score = play();
    expect(score.dPrime).toBeGreaterThan(DISCERNMENT_STAR_DPRIME);
    expect(starsFor(score, 70)).toEqual({ pass: true, discernment: true, allLures: true });
  });

  it('one lure flagged without the lure flag loses the lures star only', () => {
    const stars = starsFor(play({ l2: { tactics: ['misinformation'], lure: false } }), 70);
    expect(stars).toEqual({ pass: true, discernment: true, allLures: false });
  });

  it('calling a genuine post a lure loses the lures star, even with every lure found', () => {
    expect(starsFor(play({ g1: { tactics: [], lure: true } }), 70).allLures).toBe(false);
  });

  it('discernment needs d\u2032 of at least 2: two misses and two false alarms fall short', () => {
    const score = play({
      m1: PASS,
      m2: PASS,
      g1: { tactics: ['nationalism'], lure: false },
      g2: { tactics: ['nationalism'], lure: false },
    });
    expect(score.dPrime).toBeLessThan(DISCERNMENT_STAR_DPRIME);
    expect(starsFor(score, 0).discernment).toBe(false);
  });

  it('flagging everything keeps the lures star but earns no discernment', () => {
    const everything = Object.fromEntries(
      truths.map(([id]) => [id, { tactics: ['nationalism'], lure: true }]),
    );
    const stars = starsFor(play(everything), 50);
    expect(stars.discernment).toBe(false);
    expect(stars.allLures).toBe(false);
  });

  it('stars collect across attempts and never go away', () => {
    let progress = recordResult(emptyProgress(), 'a', play({ l1: PASS }), 70);
    expect(progress.levels.a?.stars).toEqual({ pass: true, discernment: true, allLures: false });
    progress = recordResult(
      progress,
      'a',
      play({ m1: PASS, m2: PASS, m3: PASS, g1: { tactics: [], lure: true } }),
      99,
    );
    expect(progress.levels.a?.stars).toEqual({ pass: true, discernment: true, allLures: false });
    progress = recordResult(progress, 'a', play(), 70);
    expect(
      starCount(progress.levels.a?.stars ?? { pass: false, discernment: false, allLures: false }),
    ).toBe(3);
  });

  it('keeps the best Challenge score, and the last attempt whatever its mode', () => {
    let progress = recordResult(emptyProgress(), 'a', play(), 70, {
      mode: 'challenge',
      challengeScore: 2400,
    });
    progress = recordResult(progress, 'a', play({ l1: PASS }), 70, {
      mode: 'challenge',
      challengeScore: 1900,
    });
    progress = recordResult(progress, 'a', play({ m1: PASS }), 70, { mode: 'learn' });
    expect(progress.levels.a?.bestChallengeScore).toBe(2400);
    expect(progress.levels.a?.last).toMatchObject({ mode: 'learn', hits: 5, manipulative: 6 });
  });
});

describe('unlockedLevels', () => {
  const ids = ['one', 'two', 'three', 'four'];
  const passed = (progress: Progress, id: string, percent: number) =>
    recordResult(progress, id, { ...play(), percent }, 60);

  it('opens only the first level in a new game', () => {
    expect([...unlockedLevels(ids, emptyProgress())]).toEqual(['one']);
  });

  it('opens the next level once the one before is passed, not merely played', () => {
    let progress = passed(emptyProgress(), 'one', 40);
    expect([...unlockedLevels(ids, progress)]).toEqual(['one']);
    progress = passed(progress, 'one', 75);
    expect([...unlockedLevels(ids, progress)]).toEqual(['one', 'two']);
    progress = passed(progress, 'two', 60);
    expect([...unlockedLevels(ids, progress)]).toEqual(['one', 'two', 'three']);
  });

  it('never locks a level already played (e.g. after a new level is added before it)', () => {
    const progress = passed(emptyProgress(), 'four', 80);
    expect([...unlockedLevels(ids, progress)]).toEqual(['one', 'four']);
  });

  it('opens every level with allUnlocked (a workshop link)', () => {
    expect([...unlockedLevels(ids, emptyProgress(), true)]).toEqual(ids);
  });

  it('does not treat a level id such as "constructor" as played', () => {
    expect([...unlockedLevels(['one', 'constructor'], emptyProgress())]).toEqual(['one']);
  });
});

describe('Exam results', () => {
  const session = {
    seed: 42,
    elapsedMs: 61_000,
    order: truths.map(([id]) => id),
    answers: Object.fromEntries(truths.map(([id, truth]) => [id, { ...truth }])) as Record<
      string,
      Answer
    >,
  };

  it('keeps every answer and the score, and survives a save and a load', () => {
    const score = play();
    const result = examResult('lvl', session, score, 70, 1_790_000_000_000);
    expect(result).toMatchObject({
      levelId: 'lvl',
      seed: 42,
      elapsedMs: 61_000,
      hits: 6,
      falseAlarms: 0,
      passed: true,
      points: score.points,
    });
    expect(Object.keys(result.answers)).toHaveLength(12);
    const progress = recordExam(emptyProgress(), result);
    expect(parseProgress(serializeProgress(progress))).toEqual({ status: 'ok', progress });
  });

  it('keeps the newest results when there are too many', () => {
    let progress = emptyProgress();
    for (let i = 0; i < MAX_EXAM_RESULTS + 5; i++)
      progress = recordExam(progress, examResult('lvl', session, play(), 70, i));
    expect(progress.exams).toHaveLength(MAX_EXAM_RESULTS);
    expect(progress.exams[0]?.finishedAt).toBe(5);
  });

  it('drops an unreadable Exam result and keeps the rest', () => {
    const good = examResult('lvl', session, play(), 70, 1);
    const text = JSON.stringify({
      version: 2,
      levels: {},
      exams: [{ ...good, answers: { g1: { tactics: 'nope', lure: false } } }, good, 7],
    });
    const loaded = parseProgress(text);
    expect(loaded.status).toBe('ok');
    expect(loaded.progress.exams).toEqual([good]);
  });
});
