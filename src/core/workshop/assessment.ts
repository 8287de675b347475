/**
 * The pre/post check: short real-or-fake headline items of our own (assessment/
 * levels/headline-check/items.json, held out from the levels, half genuine), scored the way the
 * Misinformation Susceptibility Test (MIST-20; Maertens et al., 2023, Behavior
 * Research Methods) scores its "Verification done" framework:
 *
 * - V, veracity discernment: items judged correctly (0..N);
 * - r, real news detection: genuine items judged real (0..N/2);
 * - f, fake news detection: manipulative items judged fake (0..N/2);
 * - d, distrust: items judged fake beyond half the test, floored at 0 (0..N/2);
 * - n, naivety: items judged real beyond half the test, floored at 0 (0..N/2).
 *
 * MIST-20 has 20 items, 10 of each kind; ours has N (16-20), N/2 of each, so the
 * same counts apply with N/2 in place of 10. A workshop wants V, r and f to rise
 * while d does not: discernment, not blanket distrust.
 */
import * as v from 'valibot';
import { seededShuffle } from '../random';

const text = v.record(
  v.picklist(['en', 'ru', 'uk', 'zh-Hans']),
  v.pipe(v.string(), v.minLength(10), v.maxLength(200)),
);

export const AssessmentSchema = v.strictObject({
  version: v.literal(1),
  items: v.pipe(
    v.array(
      v.strictObject({
        id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
        genuine: v.boolean(),
        /** For a manipulative item: the tactic whose style it is written in. */
        facet: v.optional(v.string()),
        text,
      }),
    ),
    v.minLength(16),
    v.maxLength(20),
    v.check(
      (items) => items.filter((item) => item.genuine).length * 2 === items.length,
      'half of the items must be genuine',
    ),
    v.check(
      (items) => new Set(items.map((item) => item.id)).size === items.length,
      'item ids must be unique',
    ),
  ),
});

export type Assessment = v.InferOutput<typeof AssessmentSchema>;

export const CheckAnswerSchema = v.strictObject({
  itemId: v.pipe(v.string(), v.maxLength(64)),
  genuine: v.boolean(),
  judgedReal: v.boolean(),
});
export type CheckAnswer = v.InferOutput<typeof CheckAnswerSchema>;

export interface MistScore {
  /** Items answered. */
  items: number;
  veracity: number;
  realDetection: number;
  fakeDetection: number;
  distrust: number;
  naivety: number;
}

export function scoreCheck(answers: readonly CheckAnswer[]): MistScore {
  const half = answers.length / 2;
  const judgedReal = answers.filter((answer) => answer.judgedReal).length;
  const realDetection = answers.filter((a) => a.genuine && a.judgedReal).length;
  const fakeDetection = answers.filter((a) => !a.genuine && !a.judgedReal).length;
  return {
    items: answers.length,
    veracity: realDetection + fakeDetection,
    realDetection,
    fakeDetection,
    distrust: Math.max(0, answers.length - judgedReal - half),
    naivety: Math.max(0, judgedReal - half),
  };
}

/** The items in a seeded order, so pre and post differ in order but not in content. */
export function checkOrder(assessment: Assessment, seed: number): Assessment['items'] {
  return seededShuffle(assessment.items, seed);
}
