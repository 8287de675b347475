/**
 * The three ways to play, as data. A session carries its ModeRules; the reducer and the
 * scoring read the rules, never the mode's name, so a workshop can start a Learn level
 * with feedback held back, or an Exam with a timer, without new code.
 *
 * - Learn: feedback right after each decision, hints, untimed, no bonuses.
 * - Challenge: a timer on the whole feed, feedback after each decision (the timer
 *   waits while it shows), streak and time bonuses on top of the points, a local best.
 * - Exam: no feedback until the debrief, untimed, no bonuses; results kept for export.
 */
import type { Mode } from './level/schema';

export type FeedbackTiming = 'immediate' | 'end';

export interface ModeRules {
  /** 'immediate': feedback after each decision; 'end': only on the debrief. */
  feedback: FeedbackTiming;
  /** Time for the whole feed; null = untimed. */
  timeLimitSeconds: number | null;
  /** Streak and time bonuses count (Challenge only by default). */
  bonuses: boolean;
  /** A hint (questions from the article's tips, see hints.ts) is offered on each post. */
  hints: boolean;
}

/** What a caller (level list, workshop link) may choose when starting a session. */
export interface SessionSetup {
  mode?: Mode;
  feedback?: FeedbackTiming;
  timeLimitSeconds?: number | null;
  bonuses?: boolean;
  hints?: boolean;
}

/** Challenge time per post in the feed: enough to read and decide, not to dawdle. */
export const CHALLENGE_SECONDS_PER_POST = 30;

/** The default rules of a mode for a feed of postCount posts. */
export function presetRules(mode: Mode, postCount: number): ModeRules {
  switch (mode) {
    case 'learn':
      return { feedback: 'immediate', timeLimitSeconds: null, bonuses: false, hints: true };
    case 'challenge':
      return {
        feedback: 'immediate',
        timeLimitSeconds: CHALLENGE_SECONDS_PER_POST * postCount,
        bonuses: true,
        hints: false,
      };
    case 'exam':
      return { feedback: 'end', timeLimitSeconds: null, bonuses: false, hints: false };
  }
}

/** The mode's preset with the setup's choices on top; a time limit must be positive. */
export function rulesFor(mode: Mode, postCount: number, setup: SessionSetup = {}): ModeRules {
  const preset = presetRules(mode, postCount);
  const limit =
    setup.timeLimitSeconds === undefined ? preset.timeLimitSeconds : setup.timeLimitSeconds;
  return {
    feedback: setup.feedback ?? preset.feedback,
    timeLimitSeconds: limit !== null && Number.isFinite(limit) && limit > 0 ? limit : null,
    bonuses: setup.bonuses ?? preset.bonuses,
    hints: setup.hints ?? preset.hints,
  };
}

/**
 * The player's timer setting (WCAG 2.2.1, timing adjustable): normal, twice as long,
 * or no timer at all.
 */
export const TIMER_SETTINGS = ['normal', 'double', 'off'] as const;
export type TimerSetting = (typeof TIMER_SETTINGS)[number];

export function parseTimerSetting(text: string | null): TimerSetting {
  return (TIMER_SETTINGS as readonly string[]).includes(text ?? '')
    ? (text as TimerSetting)
    : 'normal';
}

/** A time limit adjusted by the player's timer setting. */
export function adjustTimeLimit(seconds: number | null, setting: TimerSetting): number | null {
  if (seconds === null || setting === 'off') return null;
  return setting === 'double' ? seconds * 2 : seconds;
}

/**
 * The setup a level starts with: a workshop's setup when there is one, else the mode
 * the player chose. Either way the player's timer setting applies, so a student who
 * needs more time has it in a timed workshop too (WCAG 2.2.1).
 */
export function startingSetup(
  chosenMode: Mode,
  postCount: number,
  timer: TimerSetting,
  workshop: SessionSetup | null,
): SessionSetup {
  const mode = workshop?.mode ?? chosenMode;
  const limit =
    workshop?.timeLimitSeconds !== undefined
      ? workshop.timeLimitSeconds
      : presetRules(mode, postCount).timeLimitSeconds;
  return { ...workshop, mode, timeLimitSeconds: adjustTimeLimit(limit, timer) };
}

/** Points per right decision for the streak it extends: 10 x (streak - 1), at most 50. */
export const STREAK_BONUS_STEP = 10;
export const STREAK_BONUS_MAX = 50;
/** Time bonus: this many points per whole second left, times the share of right decisions. */
export const TIME_BONUS_PER_SECOND = 2;

export function streakBonusFor(streak: number): number {
  return streak < 2 ? 0 : Math.min(STREAK_BONUS_MAX, STREAK_BONUS_STEP * (streak - 1));
}

/**
 * The time bonus for finishing early: whole seconds left x 2 x the share of decisions
 * that were right, so racing through with careless answers earns little.
 */
export function timeBonusFor(secondsLeft: number, rightShare: number): number {
  if (!(secondsLeft > 0) || !(rightShare > 0)) return 0;
  return Math.round(Math.floor(secondsLeft) * TIME_BONUS_PER_SECOND * Math.min(1, rightShare));
}
