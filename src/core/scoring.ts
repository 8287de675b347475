/**
 * The scoring engine. Formulas (also in the README):
 * - hit: a manipulative post flagged; false alarm: a genuine post flagged.
 * - H = (hits + 0.5) / (manipulative + 1), F = (falseAlarms + 0.5) / (genuine + 1)
 *   (log-linear correction), d' = z(H) - z(F), c = -(z(H) + z(F)) / 2.
 * - per post: F1 of the chosen tactics against the true ones (1 when both are empty).
 * - per tactic: precision and recall over the level's posts.
 * - lure accuracy: share of posts where the lure flag matches the truth.
 * - points: see pointsForPost; the evidence bonus: see evidenceBonus.
 */

export interface Answer {
  /** Tactic ids the player chose; empty with lure=false means "passed as genuine". */
  tactics: readonly string[];
  lure: boolean;
  /** Sentences of the post text the player marked as evidence (indices from 0). */
  evidence?: readonly number[];
}

export interface PostTruth {
  tactics: readonly string[];
  lure: boolean;
  /** Sentences of the post text, in the language played, that hold a tell. */
  tellSentences?: readonly number[];
  /** How many sentences that text has (what marking at random is measured against). */
  sentenceCount?: number;
}

export const PASS: Answer = { tactics: [], lure: false };

export const POINTS = {
  'correct-pass': 100,
  'false-alarm': -50,
  hit: 100,
  /** Multiplied by the post's tactic F1. */
  tacticBonus: 50,
  lureRight: 25,
  /** Multiplied by the share of marked sentences that hold a tell. */
  evidenceBonus: 25,
} as const;

export function isFlagged(answer: Answer): boolean {
  return answer.tactics.length > 0 || answer.lure;
}

export function isManipulative(truth: PostTruth): boolean {
  return truth.tactics.length > 0 || truth.lure;
}

/** F1 of the chosen tactic set against the true one; 1 when both are empty. */
/** What an answer was, judged against the truth: the one place this rule is written. */
export type Outcome = 'hit' | 'miss' | 'false-alarm' | 'correct-pass';

export function outcomeOf(answer: Answer, truth: PostTruth): Outcome {
  const flagged = isFlagged(answer);
  if (isManipulative(truth)) return flagged ? 'hit' : 'miss';
  return flagged ? 'false-alarm' : 'correct-pass';
}

export function tacticF1(chosen: readonly string[], truth: readonly string[]): number {
  const chosenSet = new Set(chosen);
  const truthSet = new Set(truth);
  if (chosenSet.size === 0 && truthSet.size === 0) return 1;
  let overlap = 0;
  for (const id of chosenSet) if (truthSet.has(id)) overlap++;
  return (2 * overlap) / (chosenSet.size + truthSet.size);
}

/**
 * The evidence bonus of a flagged manipulative post, for marks better than chance:
 * with p = marked tells / marked sentences and b = tell sentences / all sentences,
 * round(25 x max(0, (p - b) / (1 - b))), and 25 when every sentence is a tell. Marking
 * every sentence (p = b) earns nothing; marking only tells earns 25. 0 for a genuine
 * post, an unflagged one, no marks, or a text with no tells.
 */
export function evidenceBonus(answer: Answer, truth: PostTruth): number {
  const tells = new Set(truth.tellSentences ?? []);
  const marked = new Set(answer.evidence ?? []);
  if (!isManipulative(truth) || !isFlagged(answer) || tells.size === 0 || marked.size === 0)
    return 0;
  let matched = 0;
  for (const sentence of marked) if (tells.has(sentence)) matched++;
  const precision = matched / marked.size;
  const chance = Math.min(1, tells.size / Math.max(truth.sentenceCount ?? 0, tells.size));
  const share = chance >= 1 ? precision : Math.max(0, (precision - chance) / (1 - chance));
  return Math.round(POINTS.evidenceBonus * share);
}

/**
 * Genuine post: passed +100, flagged -50.
 * Manipulative post: passed 0; flagged 100 + round(50 x tactic F1) + 25 if the lure flag
 * is right + the evidence bonus.
 */
export function pointsForPost(answer: Answer, truth: PostTruth): number {
  const flagged = isFlagged(answer);
  if (!isManipulative(truth)) return flagged ? POINTS['false-alarm'] : POINTS['correct-pass'];
  if (!flagged) return 0;
  return (
    POINTS.hit +
    Math.round(POINTS.tacticBonus * tacticF1(answer.tactics, truth.tactics)) +
    (answer.lure === truth.lure ? POINTS.lureRight : 0) +
    evidenceBonus(answer, truth)
  );
}

export function bestPointsForPost(truth: PostTruth): number {
  if (!isManipulative(truth)) return POINTS['correct-pass'];
  const evidence = (truth.tellSentences?.length ?? 0) > 0 ? POINTS.evidenceBonus : 0;
  return POINTS.hit + POINTS.tacticBonus + POINTS.lureRight + evidence;
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative
 * error below 1.2e-9), for p in (0, 1).
 */
export function inverseNormal(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`inverseNormal needs 0 < p < 1, got ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

export interface TacticAccuracy {
  id: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** null when the player never chose this tactic. */
  precision: number | null;
  /** null when no post used this tactic. */
  recall: number | null;
}

/** Precision and recall of one tactic from its counts (null where the count is zero). */
export function tacticAccuracy(id: string, tp: number, fp: number, fn: number): TacticAccuracy {
  const ratio = (num: number, den: number) => (den === 0 ? null : num / den);
  return {
    id,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
  };
}

export interface ScoredPost {
  postId: string;
  answer: Answer;
  truth: PostTruth;
  points: number;
  f1: number;
  /** The evidence bonus included in points. */
  evidenceBonus: number;
  outcome: Outcome;
}

/** How many answers had each outcome: what results and saves keep of a score. */
export interface OutcomeCounts {
  hits: number;
  misses: number;
  falseAlarms: number;
  correctPasses: number;
}

export function outcomeCounts({ hits, misses, falseAlarms, correctPasses }: OutcomeCounts) {
  return { hits, misses, falseAlarms, correctPasses };
}

export interface Score extends OutcomeCounts {
  posts: ScoredPost[];
  manipulative: number;
  genuine: number;
  hitRate: number;
  falseAlarmRate: number;
  dPrime: number;
  bias: number;
  lures: number;
  luresFlagged: number;
  lureAccuracy: number;
  meanF1: number;
  tactics: TacticAccuracy[];
  points: number;
  maxPoints: number;
  /** points / maxPoints in percent, 0-100 (negative points count as 0). */
  percent: number;
  /** Posts left undecided when the timer ran out (see countUnreached). */
  unreached: number;
}

export interface ScoreInput {
  postId: string;
  answer: Answer;
  truth: PostTruth;
}

/** Scores a set of answered posts; tacticIds orders the per-tactic table. */
export function scoreAnswers(items: readonly ScoreInput[], tacticIds: readonly string[]): Score {
  const posts: ScoredPost[] = [];
  let hits = 0;
  let misses = 0;
  let falseAlarms = 0;
  let correctPasses = 0;
  let lures = 0;
  let luresFlagged = 0;
  let lureMatches = 0;
  let f1Sum = 0;
  let points = 0;
  let maxPoints = 0;
  const counts = new Map(tacticIds.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));

  for (const { postId, answer, truth } of items) {
    const outcome = outcomeOf(answer, truth);
    if (outcome === 'hit') hits++;
    else if (outcome === 'miss') misses++;
    else if (outcome === 'false-alarm') falseAlarms++;
    else correctPasses++;
    if (truth.lure) {
      lures++;
      if (answer.lure) luresFlagged++;
    }
    if (truth.lure === answer.lure) lureMatches++;
    const f1 = tacticF1(answer.tactics, truth.tactics);
    f1Sum += f1;
    const postPoints = pointsForPost(answer, truth);
    points += postPoints;
    maxPoints += bestPointsForPost(truth);
    for (const [id, count] of counts) {
      const chosen = answer.tactics.includes(id);
      const real = truth.tactics.includes(id);
      if (chosen && real) count.tp++;
      else if (chosen) count.fp++;
      else if (real) count.fn++;
    }
    posts.push({
      postId,
      answer,
      truth,
      points: postPoints,
      f1,
      evidenceBonus: evidenceBonus(answer, truth),
      outcome,
    });
  }

  const manipulative = hits + misses;
  const genuine = falseAlarms + correctPasses;

  return {
    posts,
    manipulative,
    genuine,
    hits,
    misses,
    falseAlarms,
    correctPasses,
    ...detection(hits, manipulative, falseAlarms, genuine),
    lures,
    luresFlagged,
    lureAccuracy: items.length === 0 ? 0 : lureMatches / items.length,
    meanF1: items.length === 0 ? 0 : f1Sum / items.length,
    tactics: [...counts].map(([id, { tp, fp, fn }]) => tacticAccuracy(id, tp, fp, fn)),
    points,
    maxPoints,
    percent: percentOf(points, maxPoints),
    unreached: 0,
  };
}

function percentOf(points: number, maxPoints: number): number {
  return maxPoints === 0 ? 0 : (Math.max(0, points) / maxPoints) * 100;
}

/** Hit and false-alarm rates with the log-linear correction, d' and bias. */
export function detection(
  hits: number,
  manipulative: number,
  falseAlarms: number,
  genuine: number,
) {
  const hitRate = (hits + 0.5) / (manipulative + 1);
  const falseAlarmRate = (falseAlarms + 0.5) / (genuine + 1);
  const zH = inverseNormal(hitRate);
  const zF = inverseNormal(falseAlarmRate);
  return { hitRate, falseAlarmRate, dPrime: zH - zF, bias: -(zH + zF) / 2 };
}

/**
 * A score with the posts left undecided when the timer ran out: each adds its best
 * points to the maximum and earns nothing; a manipulative one is a miss (and its
 * tactics are missed); a genuine one is neither a false alarm nor a correct pass.
 */
export function countUnreached(score: Score, unreached: readonly PostTruth[]): Score {
  const missed = unreached.filter(isManipulative);
  const manipulative = score.manipulative + missed.length;
  const maxPoints =
    score.maxPoints + unreached.reduce((sum, truth) => sum + bestPointsForPost(truth), 0);
  const tactics = score.tactics.map((entry) => {
    const falseNegatives =
      entry.falseNegatives + missed.filter((truth) => truth.tactics.includes(entry.id)).length;
    const used = entry.truePositives + falseNegatives;
    return { ...entry, falseNegatives, recall: used === 0 ? null : entry.truePositives / used };
  });
  return {
    ...score,
    ...detection(score.hits, manipulative, score.falseAlarms, score.genuine),
    manipulative,
    misses: score.misses + missed.length,
    lures: score.lures + unreached.filter((truth) => truth.lure).length,
    tactics,
    maxPoints,
    percent: percentOf(score.points, maxPoints),
    unreached: score.unreached + unreached.length,
  };
}
