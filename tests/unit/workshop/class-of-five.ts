/**
 * A hand-computed class: one level of four posts (p1 nationalism, p2 misinformation
 * plus lure, p3 and p4 genuine) played by five students. The expected numbers in
 * aggregate.test.ts were worked out on paper from this table.
 *
 * | student | p1              | p2                 | p3             | p4            | seconds |
 * | Ada     | nationalism     | misinformation+lure| pass           | pass          | 300 |
 * | Ben     | pass            | misinformation     | pass           | nationalism   | 240 |
 * | Cai     | nat.+misinfo.   | pass               | misinformation | pass          | 600 |
 * | Dana    | nationalism     | nationalism        | pass           | pass          | 200 |
 * | Eli     | pass            | pass               | pass           | pass          | 100 |
 *
 * The headline check, four items (g1, g2 genuine; f1, f2 fake), R = judged real:
 * Ada pre R R R R, post R R F F; Ben pre F F F F, post R F F F; Cai pre R R F F only.
 */
import type { Answer, PostTruth } from '../../../src/core/scoring';
import type { CheckAnswer } from '../../../src/core/workshop/assessment';
import { buildResult, type Checks, type WorkshopResult } from '../../../src/core/workshop/result';
import type { WorkshopSetup } from '../../../src/core/workshop/setup';

export const TRUTHS: Record<string, PostTruth> = {
  p1: { tactics: ['nationalism'], lure: false },
  p2: { tactics: ['misinformation'], lure: true },
  p3: { tactics: [], lure: false },
  p4: { tactics: [], lure: false },
};

export const CLASS_SETUP: WorkshopSetup = {
  levels: ['l1'],
  mode: 'exam',
  feedback: 'end',
  timeLimitMinutes: 15,
  title: 'Test class',
  packs: [],
  check: 'pre-post',
  seed: 'class',
};

const pass: Answer = { tactics: [], lure: false };
const flag = (...tactics: string[]): Answer => ({ tactics, lure: false });

const PLAYS: [string, number, Answer[]][] = [
  ['Ada', 300, [flag('nationalism'), { tactics: ['misinformation'], lure: true }, pass, pass]],
  ['Ben', 240, [pass, flag('misinformation'), pass, flag('nationalism')]],
  ['Cai', 600, [flag('nationalism', 'misinformation'), pass, flag('misinformation'), pass]],
  ['Dana', 200, [flag('nationalism'), flag('nationalism'), pass, pass]],
  ['Eli', 100, [pass, pass, pass, pass]],
];

const ITEMS = [
  ['g1', true],
  ['g2', true],
  ['f1', false],
  ['f2', false],
] as const;
const judged = (pattern: string): CheckAnswer[] =>
  ITEMS.map(([itemId, genuine], index) => ({
    itemId,
    genuine,
    judgedReal: pattern[index] === 'R',
  }));
const CHECKS: Record<string, Checks> = {
  Ada: { pre: judged('RRRR'), post: judged('RRFF') },
  Ben: { pre: judged('FFFF'), post: judged('RFFF') },
  Cai: { pre: judged('RRFF') },
};

export function classOfFive(): WorkshopResult[] {
  return PLAYS.map(([nickname, seconds, answers]) =>
    buildResult({
      nickname,
      setup: CLASS_SETUP,
      tacticIds: ['nationalism', 'misinformation'],
      played: [
        {
          levelId: 'l1',
          seconds,
          posts: answers.map((answer, index) => {
            const postId = `p${index + 1}`;
            return { postId, answer, truth: TRUTHS[postId] as PostTruth };
          }),
        },
      ],
      finishedAt: new Date('2026-11-22T10:45:00Z'),
      checks: CHECKS[nickname],
    }),
  );
}
