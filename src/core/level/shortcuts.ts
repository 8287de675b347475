/**
 * Shortcut players: what a player who knows only a shortcut ("young account = flag")
 * scores on each level, with the game's own scoring. A campaign that trains
 * discernment keeps each of them below the pass mark and under d' 1 on every level.
 *
 * A shortcut player knows the level's theme: it flags with the level's most common
 * tactic and the lure flag most of the level's manipulative posts carry, marks no
 * evidence, and passes every post its shortcut does not flag.
 */
import { truthsFor } from '../investigation';
import { starsFor } from '../progress';
import { type Answer, isManipulative, PASS, scoreAnswers } from '../scoring';
import { isDoubting, numbersIn, type PostView, postView } from './cue-features';
import type { Level } from './schema';

/** Younger than this many days is "young" to the shortcut player. */
export const YOUNG_ACCOUNT_DAYS = 100;

/**
 * A "big number": about twice a local monthly wage (docs/content.md), in the currency
 * each language uses; other languages use the English figure.
 */
export const BIG_NUMBER: Readonly<Record<string, number>> = {
  en: 8000,
  ru: 170_000,
  uk: 45_000,
  'zh-Hans': 15_000,
};

/** The d' a shortcut must stay under on every level (besides the pass mark). */
export const SHORTCUT_MAX_DPRIME = 1;

export const SHORTCUTS = {
  'young-account': (view: PostView) =>
    view.account !== undefined && view.account.accountAgeDays < YOUNG_ACCOUNT_DAYS,
  'big-number': (view: PostView) =>
    numbersIn(view.text).some(
      (value) => value >= (BIG_NUMBER[view.language] ?? (BIG_NUMBER.en as number)),
    ),
  'doubting-comment': (view: PostView) =>
    view.comments.some((comment) => isDoubting(view.language, comment.text)),
} as const;

export type ShortcutId = keyof typeof SHORTCUTS;

export interface ShortcutResult {
  shortcut: ShortcutId;
  level: string;
  passMark: number;
  /** The worst language: the highest percent, and the highest d' (maybe another language). */
  percent: number;
  dPrime: number;
  flagged: number;
  posts: number;
  /** Below the pass mark and under SHORTCUT_MAX_DPRIME in every language. */
  fails: boolean;
  perLanguage: { language: string; percent: number; dPrime: number; passes: boolean }[];
}

function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | undefined;
  for (const [value, count] of counts)
    if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/** Each shortcut's score on one level, in each of the given languages. */
export function shortcutResults(level: Level, languages: readonly string[]): ShortcutResult[] {
  const manipulative = level.posts.filter((post) => isManipulative(post.truth));
  const tactic = mostCommon(manipulative.flatMap((post) => post.truth.tactics));
  const lures = manipulative.filter((post) => post.truth.lure).length;
  const flag: Answer = {
    tactics: tactic ? [tactic] : [],
    lure: lures * 2 > manipulative.length || !tactic,
  };
  const tacticIds = [...new Set(level.posts.flatMap((post) => post.truth.tactics))];

  return (Object.keys(SHORTCUTS) as ShortcutId[]).map((shortcut) => {
    let flagged = 0;
    const perLanguage = languages.map((language) => {
      const truths = truthsFor(level, language);
      const items = level.posts.map((post) => {
        const flags = SHORTCUTS[shortcut](postView(level, post, language));
        return {
          postId: post.id,
          answer: flags ? flag : PASS,
          truth: truths.get(post.id) ?? { tactics: post.truth.tactics, lure: post.truth.lure },
        };
      });
      flagged = Math.max(flagged, items.filter((item) => item.answer === flag).length);
      const score = scoreAnswers(items, tacticIds);
      return {
        language,
        percent: score.percent,
        dPrime: score.dPrime,
        passes: starsFor(score, level.passMark).pass,
      };
    });
    const percent = Math.max(0, ...perLanguage.map((entry) => entry.percent));
    const dPrime = Math.max(...perLanguage.map((entry) => entry.dPrime));
    return {
      shortcut,
      level: level.id,
      passMark: level.passMark,
      percent,
      dPrime,
      flagged,
      posts: level.posts.length,
      fails: perLanguage.every((entry) => !entry.passes) && dPrime < SHORTCUT_MAX_DPRIME,
      perLanguage,
    };
  });
}
