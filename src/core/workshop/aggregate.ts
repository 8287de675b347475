/**
 * The class dashboard's numbers, from verified results. Every student's numbers are
 * recomputed from their answers (not read from the summary) with the same scoring as
 * the game, so the dashboard and the debrief can never disagree.
 */
import {
  isManipulative,
  type OutcomeCounts,
  outcomeCounts,
  outcomeOf,
  type Score,
  type TacticAccuracy,
  tacticAccuracy,
} from '../scoring';
import { type MistScore, scoreCheck } from './assessment';
import { type CheckPhase, scoreLevels, type WorkshopResult } from './result';

export interface StudentRow extends OutcomeCounts {
  nickname: string;
  levels: string[];
  posts: number;
  dPrime: number;
  bias: number;
  percent: number;
  seconds: number;
  /** Recall per tactic id (null when the student met no post with it). */
  recall: Record<string, number | null>;
  /** The headline check's scores, per phase taken. */
  checks: Partial<Record<CheckPhase, MistScore>>;
}

/** Pooled over the class: each student's meeting with a post counts once. */
export type TacticTotals = TacticAccuracy;

export interface PostTotals {
  levelId: string;
  postId: string;
  manipulative: boolean;
  answered: number;
  /** Manipulative and passed. */
  missed: number;
  /** Genuine and flagged. */
  wronglyFlagged: number;
  /** (missed + wronglyFlagged) / answered. */
  errorRate: number;
}

export interface CheckSummary {
  phase: CheckPhase;
  students: number;
  /** Class means of the MIST-style scores. */
  mean: Omit<MistScore, 'items'>;
}

export interface ClassSummary {
  /** The headline check per phase taken by anyone (pre, post, booster). */
  checks: CheckSummary[];
  /** Mean post minus pre over the students who took both; null when nobody did. */
  checkChange: (Omit<MistScore, 'items'> & { students: number }) | null;
  students: StudentRow[];
  tactics: TacticTotals[];
  posts: PostTotals[];
  meanDPrime: number | null;
  meanBias: number | null;
  meanSeconds: number | null;
  /** How many different setups the results come from (more than one deserves a warning). */
  setups: number;
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

export function summarizeClass(results: readonly WorkshopResult[]): ClassSummary {
  const tacticOrder: string[] = [];
  const tacticTotals = new Map<string, { tp: number; fp: number; fn: number }>();
  const postTotals = new Map<string, PostTotals>();
  const students: StudentRow[] = [];
  const setups = new Set<string>();

  for (const result of results) {
    setups.add(JSON.stringify(result.setup));
    const score: Score = scoreLevels(result.levels, result.tacticIds);
    for (const tactic of score.tactics) {
      let totals = tacticTotals.get(tactic.id);
      if (!totals) {
        totals = { tp: 0, fp: 0, fn: 0 };
        tacticTotals.set(tactic.id, totals);
        tacticOrder.push(tactic.id);
      }
      totals.tp += tactic.truePositives;
      totals.fp += tactic.falsePositives;
      totals.fn += tactic.falseNegatives;
    }
    for (const level of result.levels) {
      for (const post of level.posts) {
        const key = `${level.levelId}\u0000${post.postId}`;
        const manipulative = isManipulative(post.truth);
        let totals = postTotals.get(key);
        if (!totals) {
          totals = {
            levelId: level.levelId,
            postId: post.postId,
            manipulative,
            answered: 0,
            missed: 0,
            wronglyFlagged: 0,
            errorRate: 0,
          };
          postTotals.set(key, totals);
        }
        const outcome = outcomeOf(post, post.truth);
        totals.answered++;
        if (outcome === 'miss') totals.missed++;
        if (outcome === 'false-alarm') totals.wronglyFlagged++;
      }
    }
    students.push({
      nickname: result.nickname,
      levels: result.levels.map((level) => level.levelId),
      posts: score.posts.length,
      ...outcomeCounts(score),
      dPrime: score.dPrime,
      bias: score.bias,
      percent: score.percent,
      seconds: result.levels.reduce((sum, level) => sum + level.seconds, 0),
      recall: Object.fromEntries(score.tactics.map((tactic) => [tactic.id, tactic.recall])),
      checks: Object.fromEntries(
        Object.entries(result.checks ?? {}).map(([phase, answers]) => [phase, scoreCheck(answers)]),
      ),
    });
  }

  const posts = [...postTotals.values()].map((totals) => ({
    ...totals,
    errorRate: (totals.missed + totals.wronglyFlagged) / totals.answered,
  }));
  // Most often wrong first; ties keep a stable, readable order.
  posts.sort(
    (a, b) =>
      b.errorRate - a.errorRate ||
      a.levelId.localeCompare(b.levelId) ||
      a.postId.localeCompare(b.postId),
  );
  return {
    ...summarizeChecks(results),
    students,
    tactics: tacticOrder.map((id) => {
      const { tp, fp, fn } = tacticTotals.get(id) as { tp: number; fp: number; fn: number };
      return tacticAccuracy(id, tp, fp, fn);
    }),
    posts,
    meanDPrime: mean(students.map((student) => student.dPrime)),
    meanBias: mean(students.map((student) => student.bias)),
    meanSeconds: mean(students.map((student) => student.seconds)),
    setups: setups.size,
  };
}

export interface Bin {
  /** Inclusive lower edge. */
  from: number;
  /** Exclusive upper edge. */
  to: number;
  count: number;
}

/**
 * Counts values into bins of `width` starting at a multiple of width; the bins span
 * from the lowest to the highest value, so a class's d' distribution has no gaps at the ends.
 */
export function histogram(values: readonly number[], width: number): Bin[] {
  if (values.length === 0) return [];
  const low = Math.floor(Math.min(...values) / width);
  const high = Math.floor(Math.max(...values) / width);
  const bins: Bin[] = [];
  for (let index = low; index <= high; index++)
    bins.push({ from: index * width, to: (index + 1) * width, count: 0 });
  for (const value of values) (bins[Math.floor(value / width) - low] as Bin).count++;
  return bins;
}

/** Results after dropping exact repeats (the same file dropped twice), by checksum. */
export function uniqueResults(results: readonly WorkshopResult[]): WorkshopResult[] {
  const seen = new Set<string>();
  return results.filter((result) => {
    if (seen.has(result.checksum)) return false;
    seen.add(result.checksum);
    return true;
  });
}

/** The headline check's scores, in the order reports show them. */
export const MIST_KEYS = [
  'veracity',
  'realDetection',
  'fakeDetection',
  'distrust',
  'naivety',
] as const;
type MistMeans = Omit<MistScore, 'items'>;

function meanScores(scores: readonly MistScore[]): MistMeans {
  return Object.fromEntries(
    MIST_KEYS.map((key) => [key, scores.reduce((sum, s) => sum + s[key], 0) / scores.length]),
  ) as MistMeans;
}

function summarizeChecks(results: readonly WorkshopResult[]) {
  const checks: CheckSummary[] = [];
  for (const phase of ['pre', 'post', 'booster'] as const) {
    const scores = results.flatMap((result) => {
      const answers = result.checks?.[phase];
      return answers ? [scoreCheck(answers)] : [];
    });
    if (scores.length > 0)
      checks.push({ phase, students: scores.length, mean: meanScores(scores) });
  }
  const changes = results.flatMap((result) => {
    const { pre, post } = result.checks ?? {};
    if (!pre || !post) return [];
    const before = scoreCheck(pre);
    const after = scoreCheck(post);
    return [{ ...before, ...Object.fromEntries(MIST_KEYS.map((k) => [k, after[k] - before[k]])) }];
  });
  return {
    checks,
    checkChange: changes.length === 0 ? null : { students: changes.length, ...meanScores(changes) },
  };
}
