/**
 * The cue check (`npm run levels:cues`): can surface features that need no
 * understanding tell manipulative from genuine posts? Leave-one-level-out: every rule
 * or model is learned on the other levels and applied to the held-out one; the
 * held-out decisions are pooled into one d' with the log-linear correction of the
 * scoring (scoring.ts `detection`).
 *
 * - single cue: each cue as a threshold rule ("flag when account age < 900 days"),
 *   threshold and direction chosen for the best d' on the training levels;
 * - regression: L2-regularised logistic regression (Newton steps, fixed lambda,
 *   deterministic, logistic.ts) on every card-visible cue, and on card + profile and check cues.
 *
 * Every language is analysed on its own (numbers, words and length differ between
 * translations); the summary takes the worst language for each figure.
 */
import { detection, isManipulative } from '../scoring';
import {
  CUES,
  type CueCategory,
  type CueDefinition,
  type CueVisibility,
  isLexical,
  postView,
} from './cue-features';
import { type Finding, findingsOf } from './cue-findings';
import { trainLogistic } from './logistic';
import type { Level } from './schema';
import { type ShortcutResult, shortcutResults } from './shortcuts';

/** The campaign's targets (issue 16); `--check` fails above them. */
export const CUE_TARGETS = {
  bestNonLexicalCue: 0.8,
  cardModel: 1.2,
  fullModel: 1.5,
} as const;

export interface Detection {
  hits: number;
  manipulative: number;
  falseAlarms: number;
  genuine: number;
  dPrime: number;
}

function detectionOf(hits: number, manipulative: number, falseAlarms: number, genuine: number) {
  return {
    hits,
    manipulative,
    falseAlarms,
    genuine,
    dPrime: detection(hits, manipulative, falseAlarms, genuine).dPrime,
  };
}

interface Row {
  level: number;
  manipulative: boolean;
  tactics: readonly string[];
  values: number[];
}

export interface Rule {
  cue: string;
  /** Flag when value >= threshold (true) or value < threshold (false). */
  flagAtLeast: boolean;
  threshold: number;
}

function rowsOf(levels: readonly Level[], language: string): Row[] {
  return levels.flatMap((level, index) =>
    level.posts.map((post) => {
      const view = postView(level, post, language);
      return {
        level: index,
        manipulative: isManipulative(post.truth),
        tactics: post.truth.tactics,
        values: CUES.map((cue) => cue.value(view)),
      };
    }),
  );
}

const flags = (rule: Rule, value: number) =>
  !Number.isNaN(value) && (rule.flagAtLeast ? value >= rule.threshold : value < rule.threshold);

function countDecisions(rows: readonly Row[], flagged: (row: Row) => boolean): Detection {
  let hits = 0;
  let manipulative = 0;
  let falseAlarms = 0;
  for (const row of rows) {
    if (row.manipulative) manipulative++;
    if (!flagged(row)) continue;
    if (row.manipulative) hits++;
    else falseAlarms++;
  }
  return detectionOf(hits, manipulative, falseAlarms, rows.length - manipulative);
}

/**
 * The threshold rule on one cue with the best d' on these rows, or null when the cue
 * takes a single value. Ties keep the first found (lowest threshold, "at least" first).
 */
function learnRule(rows: readonly Row[], cueIndex: number): Rule | null {
  const known = rows.filter((row) => !Number.isNaN(row.values[cueIndex] as number));
  const thresholds = [...new Set(known.map((row) => row.values[cueIndex] as number))].sort(
    (a, b) => a - b,
  );
  if (thresholds.length < 2) return null;
  const id = (CUES[cueIndex] as CueDefinition).id;
  let best: Rule | null = null;
  let bestDPrime = Number.NEGATIVE_INFINITY;
  // The smallest value as an "at least" threshold flags every post: no separation.
  for (const threshold of thresholds.slice(1)) {
    for (const flagAtLeast of [true, false]) {
      const rule = { cue: id, flagAtLeast, threshold };
      const { dPrime } = countDecisions(rows, (row) => flags(rule, row.values[cueIndex] as number));
      if (dPrime > bestDPrime + 1e-12) {
        best = rule;
        bestDPrime = dPrime;
      }
    }
  }
  return best;
}

/** Held-out decisions pooled over the folds; one fold per level. */
function leaveOneLevelOut(
  rows: readonly Row[],
  levelCount: number,
  train: (training: Row[]) => ((row: Row) => boolean) | null,
): { pooled: Detection; perLevel: Detection[] } {
  const flagged = new Set<Row>();
  for (let level = 0; level < levelCount; level++) {
    const decide = train(rows.filter((row) => row.level !== level));
    if (!decide) continue;
    for (const row of rows) if (row.level === level && decide(row)) flagged.add(row);
  }
  const decided = (row: Row) => flagged.has(row);
  return {
    pooled: countDecisions(rows, decided),
    perLevel: Array.from({ length: levelCount }, (_, level) =>
      countDecisions(
        rows.filter((row) => row.level === level),
        decided,
      ),
    ),
  };
}

const ruleDecider = (rule: Rule | null, cueIndex: number) =>
  rule ? (row: Row) => flags(rule, row.values[cueIndex] as number) : null;

/** Counts and sizes enter the regression as log(1 + x), so one huge value does not dominate. */
const regressionValue = (definition: CueDefinition, value: number) =>
  definition.binary || Number.isNaN(value) ? value : Math.log1p(Math.max(0, value));

function regressionDecider(columns: readonly number[]) {
  const pick = (row: Row) =>
    columns.map((j) => regressionValue(CUES[j] as CueDefinition, row.values[j] as number));
  return (training: Row[]) => {
    if (!training.some((row) => row.manipulative) || training.every((row) => row.manipulative))
      return null;
    const classify = trainLogistic(
      training.map(pick),
      training.map((row) => row.manipulative),
    );
    return (row: Row) => classify(pick(row));
  };
}

// ---- the report ----

export interface CueResult {
  cue: string;
  category: CueCategory;
  visibility: CueVisibility;
  lexical: boolean;
  /** Held-out decisions of the rule, pooled over the folds. */
  heldOut: Detection;
  /** The rule learned on every level, and how it does on them: for plain words. */
  rule: Rule | null;
  inSample: Detection;
}

export interface TacticCue {
  tactic: string;
  posts: number;
  cue: string;
  rule: Rule | null;
  /** Held-out: share of the tactic's posts the rule flags. */
  recall: number;
  /** Held-out: share of flagged posts (among the tactic's and the genuine posts) with the tactic. */
  precision: number | null;
  dPrime: number;
}

export interface LevelBreakdown {
  level: string;
  posts: number;
  genuine: number;
  /** The level held out: how the rules and models learned on the others did on it. */
  heldOut: { bestNonLexicalCue: Detection | null; cardModel: Detection; fullModel: Detection };
  /** Within this level alone, the cues whose best rule separates the classes most. */
  separatingCues: { cue: string; rule: Rule; dPrime: number }[];
}

export interface LanguageReport {
  language: string;
  cues: CueResult[];
  bestNonLexicalCue: CueResult | null;
  bestLexicalCue: CueResult | null;
  cardModel: Detection;
  fullModel: Detection;
  tactics: TacticCue[];
  levels: LevelBreakdown[];
  findings: Finding[];
}

export interface CueSummaryFigure {
  dPrime: number;
  language: string;
  target: number;
  passes: boolean;
  cue?: string;
}

export interface CueReport {
  levels: string[];
  languages: string[];
  /** Worst language for each figure; null when fewer than two levels can be compared. */
  summary: {
    bestNonLexicalCue: CueSummaryFigure;
    cardModel: CueSummaryFigure;
    fullModel: CueSummaryFigure;
  } | null;
  perLanguage: LanguageReport[];
  /** Each shortcut player on each level (see shortcuts.ts). */
  shortcuts: ShortcutResult[];
  /** Every target met and every shortcut player failing every level: what `--check` asks. */
  passes: boolean;
}

/** The languages every level has: those the cues can compare. */
export function commonLanguages(levels: readonly Level[]): string[] {
  const [first, ...rest] = levels;
  if (!first) return [];
  return first.languages.filter((language) =>
    rest.every((level) => level.languages.includes(language)),
  );
}

const columnsWhere = (keep: (cue: CueDefinition) => boolean) =>
  CUES.flatMap((cue, index) => (keep(cue) ? [index] : []));

function byDPrime<T>(items: readonly T[], dPrime: (item: T) => number): T | null {
  let best: T | null = null;
  for (const item of items) if (best === null || dPrime(item) > dPrime(best) + 1e-12) best = item;
  return best;
}

function analyseLanguage(levels: readonly Level[], language: string): LanguageReport {
  const rows = rowsOf(levels, language);
  const folds = levels.length;
  const cues: CueResult[] = CUES.map((definition, index) => {
    const rule = learnRule(rows, index);
    return {
      cue: definition.id,
      category: definition.category,
      visibility: definition.visibility,
      lexical: isLexical(definition),
      heldOut: leaveOneLevelOut(rows, folds, (training) =>
        ruleDecider(learnRule(training, index), index),
      ).pooled,
      rule,
      inSample: countDecisions(rows, ruleDecider(rule, index) ?? (() => false)),
    };
  });
  cues.sort((a, b) => b.heldOut.dPrime - a.heldOut.dPrime);
  const bestNonLexicalCue = cues.find((result) => !result.lexical) ?? null;
  const bestLexicalCue = cues.find((result) => result.lexical) ?? null;

  const card = leaveOneLevelOut(
    rows,
    folds,
    regressionDecider(columnsWhere((cue) => cue.visibility === 'card')),
  );
  const full = leaveOneLevelOut(rows, folds, regressionDecider(columnsWhere(() => true)));
  const bestIndex = CUES.findIndex((cue) => cue.id === bestNonLexicalCue?.cue);
  const bestPerLevel =
    bestIndex < 0
      ? null
      : leaveOneLevelOut(rows, folds, (training) =>
          ruleDecider(learnRule(training, bestIndex), bestIndex),
        ).perLevel;

  return {
    language,
    cues,
    bestNonLexicalCue,
    bestLexicalCue,
    cardModel: card.pooled,
    fullModel: full.pooled,
    tactics: tacticCues(levels, rows),
    levels: levels.map((level, index) => ({
      level: level.id,
      posts: level.posts.length,
      genuine: level.posts.filter((post) => !isManipulative(post.truth)).length,
      heldOut: {
        bestNonLexicalCue: bestPerLevel?.[index] ?? null,
        cardModel: card.perLevel[index] as Detection,
        fullModel: full.perLevel[index] as Detection,
      },
      separatingCues: separatingCues(rows.filter((row) => row.level === index)),
    })),
    findings: findingsOf(cues),
  };
}

/** Within one level: cues whose best rule reaches d' >= 1.5 there, strongest first. */
function separatingCues(rows: readonly Row[]): LevelBreakdown['separatingCues'] {
  return CUES.flatMap((_, index) => {
    const rule = learnRule(rows, index);
    if (!rule) return [];
    const { dPrime } = countDecisions(rows, (row) => flags(rule, row.values[index] as number));
    return dPrime >= 1.5 ? [{ cue: rule.cue, rule, dPrime }] : [];
  })
    .sort((a, b) => b.dPrime - a.dPrime)
    .slice(0, 5);
}

/** Per tactic: the cue whose held-out rule best tells the tactic's posts from genuine ones. */
function tacticCues(levels: readonly Level[], rows: readonly Row[]): TacticCue[] {
  const tactics = [...new Set(rows.flatMap((row) => row.tactics))].sort();
  return tactics.map((tactic) => {
    const subset = rows.filter((row) => !row.manipulative || row.tactics.includes(tactic));
    const results = CUES.map((_, index) => ({
      index,
      ...leaveOneLevelOut(subset, levels.length, (training) =>
        ruleDecider(learnRule(training, index), index),
      ),
    }));
    const best = byDPrime(results, (result) => result.pooled.dPrime) as (typeof results)[number];
    const { hits, manipulative, falseAlarms, dPrime } = best.pooled;
    return {
      tactic,
      posts: manipulative,
      cue: (CUES[best.index] as CueDefinition).id,
      rule: learnRule(subset, best.index),
      recall: manipulative === 0 ? 0 : hits / manipulative,
      precision: hits + falseAlarms === 0 ? null : hits / (hits + falseAlarms),
      dPrime,
    };
  });
}

/** The whole cue report for a set of levels (two or more for the held-out figures). */
export function cueReport(levels: readonly Level[]): CueReport {
  const languages = commonLanguages(levels);
  const perLanguage = languages.map((language) => analyseLanguage(levels, language));
  const worst = (
    figure: (report: LanguageReport) => Detection | null,
    target: number,
  ): CueSummaryFigure => {
    const report = byDPrime(perLanguage, (entry) => figure(entry)?.dPrime ?? 0) as LanguageReport;
    const dPrime = figure(report)?.dPrime ?? 0;
    return { dPrime, language: report.language, target, passes: dPrime <= target };
  };
  const summary =
    levels.length < 2 || perLanguage.length === 0
      ? null
      : {
          bestNonLexicalCue: worst(
            (report) => report.bestNonLexicalCue?.heldOut ?? null,
            CUE_TARGETS.bestNonLexicalCue,
          ),
          cardModel: worst((report) => report.cardModel, CUE_TARGETS.cardModel),
          fullModel: worst((report) => report.fullModel, CUE_TARGETS.fullModel),
        };
  if (summary) {
    const report = perLanguage.find(
      (entry) => entry.language === summary.bestNonLexicalCue.language,
    );
    summary.bestNonLexicalCue.cue = report?.bestNonLexicalCue?.cue;
  }
  const shortcuts = levels.flatMap((level) => shortcutResults(level, languages));
  return {
    levels: levels.map((level) => level.id),
    languages,
    summary,
    perLanguage,
    shortcuts,
    passes:
      summary !== null &&
      Object.values(summary).every((figure) => figure.passes) &&
      shortcuts.every((result) => result.fails),
  };
}
