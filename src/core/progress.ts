/**
 * The save format: what a player keeps between visits. Versioned; older versions
 * migrate forward, and anything unreadable is reported, never thrown.
 *
 * Version 2 (this game) adds, per level: stars, the best Challenge score and the last
 * attempt; and a list of Exam results kept for export. A version 1 save migrates:
 * every best is kept, the pass star comes from `passed`, the discernment star from
 * `bestDPrime`, and what v1 never recorded (lures found, Challenge score, the last
 * attempt) starts empty.
 */

import type { Mode } from './level/schema';
import { isRecord, newerSaveReason, readSavedJson } from './saved-json';
import { type Answer, type OutcomeCounts, outcomeCounts, type Score } from './scoring';

export const SAVE_VERSION = 2;

/**
 * d' for the discernment star. With the log-linear correction a 13-post level with no
 * mistakes gives about 3.0, one miss 2.35, one miss and one false alarm 1.7: 2.0 means
 * "at most one mistake", clearly above the debrief's "strong" line of 1.5.
 */
export const DISCERNMENT_STAR_DPRIME = 2;
/** The newest Exam results kept for export; older ones drop off the end. */
export const MAX_EXAM_RESULTS = 200;

export interface Stars {
  /** Reached the level's pass mark. */
  pass: boolean;
  /** d' of at least DISCERNMENT_STAR_DPRIME in one attempt. */
  discernment: boolean;
  /** Every lure flagged as a lure, and no genuine or non-lure post called one, in one attempt. */
  allLures: boolean;
}

/** One attempt in a few numbers, for "last time" next to the bests. */
export interface AttemptSummary {
  mode: Mode;
  points: number;
  percent: number;
  dPrime: number;
  hits: number;
  manipulative: number;
  falseAlarms: number;
  genuine: number;
}

export interface LevelProgress {
  attempts: number;
  completed: boolean;
  passed: boolean;
  bestPoints: number;
  bestPercent: number;
  bestDPrime: number;
  stars: Stars;
  /** Best points + bonuses in Challenge; null before the first Challenge. */
  bestChallengeScore: number | null;
  last: AttemptSummary | null;
}

/** One finished Exam: every answer and the score, for a trainer's export. */
export interface ExamResult extends OutcomeCounts {
  levelId: string;
  /** ms since 1970, passed in by the caller (the core reads no clock). */
  finishedAt: number;
  seed: number;
  elapsedMs: number;
  /** Post ids in the order shown. */
  order: string[];
  answers: Record<string, Answer>;
  points: number;
  maxPoints: number;
  percent: number;
  dPrime: number;
  bias: number;
  passed: boolean;
}

export interface Progress {
  version: typeof SAVE_VERSION;
  levels: Record<string, LevelProgress>;
  exams: ExamResult[];
}

export type LoadedProgress =
  | { status: 'empty' | 'ok'; progress: Progress }
  | { status: 'corrupt' | 'too-new'; progress: Progress; reason: string };

export function emptyProgress(): Progress {
  return { version: SAVE_VERSION, levels: {}, exams: [] };
}

export const NO_STARS: Stars = { pass: false, discernment: false, allLures: false };

/** Reads a saved text of any version; never throws. A corrupt save yields empty progress and a reason. */
export function parseProgress(text: string | null): LoadedProgress {
  const saved = readSavedJson(text);
  if (saved.status === 'empty') return { status: 'empty', progress: emptyProgress() };
  if (saved.status === 'not-json')
    return { status: 'corrupt', progress: emptyProgress(), reason: saved.reason };
  const data = saved.value;
  if (!isRecord(data) || typeof data.version !== 'number') {
    return { status: 'corrupt', progress: emptyProgress(), reason: 'no version number' };
  }
  if (data.version > SAVE_VERSION) {
    return {
      status: 'too-new',
      progress: emptyProgress(),
      reason: `save ${newerSaveReason(data.version)}`,
    };
  }
  if (!isRecord(data.levels))
    return { status: 'corrupt', progress: emptyProgress(), reason: 'no levels' };
  const readEntry = data.version < 2 ? migrateLevelV1 : readLevelProgress;
  const levels: Record<string, LevelProgress> = {};
  for (const [id, entry] of Object.entries(data.levels)) {
    // Keep every level entry that can be read; skip only the unreadable ones.
    const level = readEntry(entry);
    if (level && id !== '__proto__') levels[id] = level;
  }
  const exams = Array.isArray(data.exams)
    ? data.exams.flatMap((exam) => {
        const read = readExamResult(exam);
        return read ? [read] : [];
      })
    : [];
  return { status: 'ok', progress: { version: SAVE_VERSION, levels, exams } };
}

const finite = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** The fields version 1 had; null when any number is unreadable. */
function readLevelV1(entry: unknown) {
  if (!isRecord(entry)) return null;
  const attempts = finite(entry.attempts);
  const bestPoints = finite(entry.bestPoints);
  const bestPercent = finite(entry.bestPercent);
  const bestDPrime = finite(entry.bestDPrime);
  if (attempts === null || bestPoints === null || bestPercent === null || bestDPrime === null)
    return null;
  return {
    attempts,
    completed: entry.completed === true,
    passed: entry.passed === true,
    bestPoints,
    bestPercent,
    bestDPrime,
  };
}

function migrateLevelV1(entry: unknown): LevelProgress | null {
  const v1 = readLevelV1(entry);
  if (!v1) return null;
  return {
    ...v1,
    stars: {
      pass: v1.passed,
      discernment: v1.completed && v1.bestDPrime >= DISCERNMENT_STAR_DPRIME,
      allLures: false,
    },
    bestChallengeScore: null,
    last: null,
  };
}

function readLevelProgress(entry: unknown): LevelProgress | null {
  const base = readLevelV1(entry);
  if (!base || !isRecord(entry)) return null;
  // Stars, Challenge best and last attempt are extras: a damaged one is dropped, the bests kept.
  const stars = isRecord(entry.stars) ? entry.stars : {};
  return {
    ...base,
    stars: {
      pass: stars.pass === true,
      discernment: stars.discernment === true,
      allLures: stars.allLures === true,
    },
    bestChallengeScore: finite(entry.bestChallengeScore),
    last: readAttempt(entry.last),
  };
}

function readAttempt(value: unknown): AttemptSummary | null {
  if (!isRecord(value)) return null;
  const mode = value.mode;
  if (mode !== 'learn' && mode !== 'challenge' && mode !== 'exam') return null;
  const numbers = ['points', 'percent', 'dPrime', 'hits', 'manipulative', 'falseAlarms', 'genuine'];
  if (!numbers.every((key) => finite(value[key]) !== null)) return null;
  const n = (key: string) => value[key] as number;
  return {
    mode,
    points: n('points'),
    percent: n('percent'),
    dPrime: n('dPrime'),
    hits: n('hits'),
    manipulative: n('manipulative'),
    falseAlarms: n('falseAlarms'),
    genuine: n('genuine'),
  };
}

function readAnswer(value: unknown): Answer | null {
  if (!isRecord(value) || typeof value.lure !== 'boolean' || !Array.isArray(value.tactics))
    return null;
  if (!value.tactics.every((id) => typeof id === 'string')) return null;
  return { ...value, tactics: value.tactics as string[], lure: value.lure };
}

const EXAM_NUMBERS = [
  'finishedAt',
  'seed',
  'elapsedMs',
  'points',
  'maxPoints',
  'percent',
  'dPrime',
  'bias',
  'hits',
  'misses',
  'falseAlarms',
  'correctPasses',
] as const;

function readExamResult(value: unknown): ExamResult | null {
  if (!isRecord(value) || typeof value.levelId !== 'string') return null;
  if (!EXAM_NUMBERS.every((key) => finite(value[key]) !== null)) return null;
  if (!Array.isArray(value.order) || !value.order.every((id) => typeof id === 'string'))
    return null;
  if (!isRecord(value.answers)) return null;
  const answers: Record<string, Answer> = {};
  for (const [postId, raw] of Object.entries(value.answers)) {
    const answer = readAnswer(raw);
    if (!answer || postId === '__proto__') return null;
    answers[postId] = answer;
  }
  const n = (key: (typeof EXAM_NUMBERS)[number]) => value[key] as number;
  // In the order examResult writes, so a save read and written back is unchanged.
  return {
    levelId: value.levelId,
    finishedAt: n('finishedAt'),
    seed: n('seed'),
    elapsedMs: n('elapsedMs'),
    order: value.order as string[],
    answers,
    points: n('points'),
    maxPoints: n('maxPoints'),
    percent: n('percent'),
    dPrime: n('dPrime'),
    bias: n('bias'),
    hits: n('hits'),
    misses: n('misses'),
    falseAlarms: n('falseAlarms'),
    correctPasses: n('correctPasses'),
    passed: value.passed === true,
  };
}

export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

/** The stars one attempt earns. */
export function starsFor(score: Score, passMark: number): Stars {
  const falseLures = score.posts.filter((post) => post.answer.lure && !post.truth.lure).length;
  return {
    pass: score.percent >= passMark,
    discernment: score.dPrime >= DISCERNMENT_STAR_DPRIME,
    // Undecided posts (a timer that ran out) leave lures unfound.
    allLures: score.luresFlagged === score.lures && falseLures === 0 && score.posts.length > 0,
  };
}

export function starCount(stars: Stars): number {
  return Number(stars.pass) + Number(stars.discernment) + Number(stars.allLures);
}

export interface ResultExtras {
  mode?: Mode;
  /** Challenge only: points plus streak and time bonuses. */
  challengeScore?: number | null;
}

/** Progress after finishing a level with this score; bests and stars only ever go up. */
export function recordResult(
  progress: Progress,
  levelId: string,
  score: Score,
  passMark: number,
  extras: ResultExtras = {},
): Progress {
  const previous = levelProgress(progress, levelId);
  const passed = score.percent >= passMark;
  const earned = starsFor(score, passMark);
  const challenge = extras.challengeScore ?? null;
  const last: AttemptSummary = {
    mode: extras.mode ?? 'learn',
    points: score.points,
    percent: score.percent,
    dPrime: score.dPrime,
    hits: score.hits,
    manipulative: score.manipulative,
    falseAlarms: score.falseAlarms,
    genuine: score.genuine,
  };
  const entry: LevelProgress = previous
    ? {
        attempts: previous.attempts + 1,
        completed: true,
        passed: previous.passed || passed,
        bestPoints: Math.max(previous.bestPoints, score.points),
        bestPercent: Math.max(previous.bestPercent, score.percent),
        bestDPrime: Math.max(previous.bestDPrime, score.dPrime),
        stars: {
          pass: previous.stars.pass || earned.pass,
          discernment: previous.stars.discernment || earned.discernment,
          allLures: previous.stars.allLures || earned.allLures,
        },
        bestChallengeScore:
          challenge === null
            ? previous.bestChallengeScore
            : Math.max(previous.bestChallengeScore ?? challenge, challenge),
        last,
      }
    : {
        attempts: 1,
        completed: true,
        passed,
        bestPoints: score.points,
        bestPercent: score.percent,
        bestDPrime: score.dPrime,
        stars: earned,
        bestChallengeScore: challenge,
        last,
      };
  return { ...progress, levels: { ...progress.levels, [levelId]: entry } };
}

/** A level's saved progress; own entries only, so an id such as 'constructor' finds nothing inherited. */
export function levelProgress(progress: Progress, levelId: string): LevelProgress | undefined {
  return Object.hasOwn(progress.levels, levelId) ? progress.levels[levelId] : undefined;
}

/** Progress with one more Exam result, the newest last; at most MAX_EXAM_RESULTS are kept. */
export function recordExam(progress: Progress, result: ExamResult): Progress {
  return { ...progress, exams: [...progress.exams, result].slice(-MAX_EXAM_RESULTS) };
}

/** The Exam record of a finished session's score. */
export function examResult(
  levelId: string,
  session: {
    seed: number;
    elapsedMs: number;
    order: readonly string[];
    answers: Record<string, Answer>;
  },
  score: Score,
  passMark: number,
  finishedAt: number,
): ExamResult {
  return {
    levelId,
    finishedAt,
    seed: session.seed,
    elapsedMs: session.elapsedMs,
    order: [...session.order],
    answers: { ...session.answers },
    points: score.points,
    maxPoints: score.maxPoints,
    percent: score.percent,
    dPrime: score.dPrime,
    bias: score.bias + 0, // JSON has no -0: keep a save and its reload equal
    ...outcomeCounts(score),
    passed: score.percent >= passMark,
  };
}

/**
 * The levels the player may open: the first always, each next one once the one before
 * it is passed, and any level already played (a level added before it must not lock
 * it again); all of them when allUnlocked (a workshop link).
 */
export function unlockedLevels(
  levelIds: readonly string[],
  progress: Progress,
  allUnlocked = false,
): Set<string> {
  if (allUnlocked) return new Set(levelIds);
  const open = new Set<string>();
  for (const [index, id] of levelIds.entries()) {
    const before = index === 0 ? undefined : levelIds[index - 1];
    if (before === undefined || levelProgress(progress, before)?.passed) open.add(id);
    else if (levelProgress(progress, id)) open.add(id);
  }
  return open;
}
