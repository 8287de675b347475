/**
 * The save format: what a player keeps between visits. Versioned; older versions
 * migrate forward, and anything unreadable is reported, never thrown.
 */
import type { Score } from './scoring';

export const SAVE_VERSION = 1;

export interface LevelProgress {
  attempts: number;
  completed: boolean;
  passed: boolean;
  bestPoints: number;
  bestPercent: number;
  bestDPrime: number;
}

export interface Progress {
  version: typeof SAVE_VERSION;
  levels: Record<string, LevelProgress>;
}

export type LoadedProgress =
  | { status: 'empty' | 'ok'; progress: Progress }
  | { status: 'corrupt' | 'too-new'; progress: Progress; reason: string };

export function emptyProgress(): Progress {
  return { version: SAVE_VERSION, levels: {} };
}

/** Reads a saved text; never throws. A corrupt save yields empty progress and a reason. */
export function parseProgress(text: string | null): LoadedProgress {
  if (text === null || text === '') return { status: 'empty', progress: emptyProgress() };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      status: 'corrupt',
      progress: emptyProgress(),
      reason: `not JSON (${(error as Error).message})`,
    };
  }
  if (!isRecord(data) || typeof data.version !== 'number') {
    return { status: 'corrupt', progress: emptyProgress(), reason: 'no version number' };
  }
  if (data.version > SAVE_VERSION) {
    return {
      status: 'too-new',
      progress: emptyProgress(),
      reason: `save version ${data.version} is newer than this game`,
    };
  }
  if (!isRecord(data.levels))
    return { status: 'corrupt', progress: emptyProgress(), reason: 'no levels' };
  const levels: Record<string, LevelProgress> = {};
  for (const [id, entry] of Object.entries(data.levels)) {
    // Keep every level entry that can be read; skip only the unreadable ones.
    const level = readLevelProgress(entry);
    if (level && id !== '__proto__') levels[id] = level;
  }
  return { status: 'ok', progress: { version: SAVE_VERSION, levels } };
}

function readLevelProgress(entry: unknown): LevelProgress | null {
  if (!isRecord(entry)) return null;
  const number = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) ? value : null;
  const attempts = number(entry.attempts);
  const bestPoints = number(entry.bestPoints);
  const bestPercent = number(entry.bestPercent);
  const bestDPrime = number(entry.bestDPrime);
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

/** Progress after finishing a level with this score; bests only ever go up. */
export function recordResult(
  progress: Progress,
  levelId: string,
  score: Score,
  passMark: number,
): Progress {
  // Own entries only: a level id such as 'constructor' must not find Object.prototype's.
  const previous = Object.hasOwn(progress.levels, levelId) ? progress.levels[levelId] : undefined;
  const passed = score.percent >= passMark;
  const entry: LevelProgress = previous
    ? {
        attempts: previous.attempts + 1,
        completed: true,
        passed: previous.passed || passed,
        bestPoints: Math.max(previous.bestPoints, score.points),
        bestPercent: Math.max(previous.bestPercent, score.percent),
        bestDPrime: Math.max(previous.bestDPrime, score.dPrime),
      }
    : {
        attempts: 1,
        completed: true,
        passed,
        bestPoints: score.points,
        bestPercent: score.percent,
        bestDPrime: score.dPrime,
      };
  return { ...progress, levels: { ...progress.levels, [levelId]: entry } };
}
