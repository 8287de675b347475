import { readdirSync, readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  AssessmentSchema,
  type CheckAnswer,
  checkOrder,
  scoreCheck,
} from '../../../src/core/workshop/assessment';

const assessment = v.parse(
  AssessmentSchema,
  JSON.parse(readFileSync('levels/headline-check/items.json', 'utf8')),
);

describe('the headline check items', () => {
  it('has 16-20 items, half genuine, every one in all four languages', () => {
    expect(assessment.items.length).toBeGreaterThanOrEqual(16);
    expect(assessment.items.length).toBeLessThanOrEqual(20);
    expect(assessment.items.filter((item) => item.genuine)).toHaveLength(
      assessment.items.length / 2,
    );
    for (const item of assessment.items)
      expect(Object.keys(item.text).sort(), item.id).toEqual(['en', 'ru', 'uk', 'zh-Hans']);
  });

  it('is held out: no headline appears in any level', () => {
    const levels = readdirSync('levels')
      .filter((name) => name.endsWith('.json'))
      .map((name) => readFileSync(`levels/${name}`, 'utf8'))
      .join('\n');
    for (const item of assessment.items)
      for (const text of Object.values(item.text)) expect(levels, item.id).not.toContain(text);
  });

  it('writes each manipulative item in the style of a built-in tactic', () => {
    const taxonomy = JSON.parse(readFileSync('levels/taxonomy.json', 'utf8')) as {
      tactics: { id: string }[];
    };
    const ids = new Set(taxonomy.tactics.map((tactic) => tactic.id));
    for (const item of assessment.items.filter((i) => !i.genuine))
      expect(ids.has(item.facet ?? ''), item.id).toBe(true);
  });

  it('rejects an item set that is not half genuine', () => {
    const skewed = { ...assessment, items: assessment.items.map((i) => ({ ...i, genuine: true })) };
    expect(v.safeParse(AssessmentSchema, skewed).success).toBe(false);
  });

  it('orders items by seed, the same items every time', () => {
    const a = checkOrder(assessment, 1).map((item) => item.id);
    expect(checkOrder(assessment, 1).map((item) => item.id)).toEqual(a);
    expect([...a].sort()).toEqual(assessment.items.map((item) => item.id).sort());
  });
});

describe('MIST-style scoring', () => {
  const answers = (genuine: boolean[], judgedReal: boolean[]): CheckAnswer[] =>
    genuine.map((g, i) => ({ itemId: `i${i}`, genuine: g, judgedReal: judgedReal[i] as boolean }));
  const truth = [true, true, true, true, false, false, false, false];

  it('counts discernment, real and fake detection on a mixed answer sheet', () => {
    // Real judged: 3 of 4 genuine, 1 of 4 fake -> 4 judged real, 4 judged fake.
    const sheet = answers(truth, [true, true, true, false, true, false, false, false]);
    expect(scoreCheck(sheet)).toEqual({
      items: 8,
      veracity: 6,
      realDetection: 3,
      fakeDetection: 3,
      distrust: 0,
      naivety: 0,
    });
  });

  it('shows blanket distrust and blanket trust as d and n, not as discernment', () => {
    expect(
      scoreCheck(
        answers(
          truth,
          truth.map(() => false),
        ),
      ),
    ).toMatchObject({
      veracity: 4,
      fakeDetection: 4,
      distrust: 4,
      naivety: 0,
    });
    expect(
      scoreCheck(
        answers(
          truth,
          truth.map(() => true),
        ),
      ),
    ).toMatchObject({
      veracity: 4,
      realDetection: 4,
      distrust: 0,
      naivety: 4,
    });
  });
});
