/**
 * What the debrief shows, decided here so every screen and export agrees: the posts
 * most worth another look, the per-facet chart, and how this attempt compares with
 * the last one.
 */
import type { AttemptSummary } from './progress';
import {
  type Answer,
  bestPointsForPost,
  isFlagged,
  isManipulative,
  type PostTruth,
  type Score,
  type ScoredPost,
} from './scoring';
import { LURE_ID } from './taxonomy';

/**
 * Up to `limit` answered posts that cost the most points (a miss or false alarm
 * first, then partly right flags), in feed order among equals; none that were perfect.
 * A false alarm always keeps a place (the last one, when misses fill the list): a
 * genuine look-alike the player fell for is what teaches the difference.
 */
export function postsToReview(score: Score, limit = 3): ScoredPost[] {
  const ranked = score.posts
    .map((post, index) => ({ post, index, lost: bestPointsForPost(post.truth) - post.points }))
    .filter(({ lost }) => lost > 0)
    .sort((a, b) => b.lost - a.lost || a.index - b.index)
    .map(({ post }) => post);
  const chosen = ranked.slice(0, limit);
  const falseAlarm = ranked.find((post) => post.outcome === 'false-alarm');
  if (falseAlarm && limit > 0 && !chosen.includes(falseAlarm))
    chosen[chosen.length - 1] = falseAlarm;
  return chosen;
}

/**
 * What the player took a genuine post for: the tactics they named, then the lure flag.
 * Empty when the post is manipulative or was let pass. The debrief leads the post's
 * "why genuine" with it ("This genuine post looks like ...").
 */
export function lookedLike(answer: Answer, truth: PostTruth): string[] {
  if (isManipulative(truth) || !isFlagged(answer)) return [];
  return [...answer.tactics, ...(answer.lure ? [LURE_ID] : [])];
}

export interface FacetBar {
  /** A tactic id, or LURE_ID for the recruitment-lure flag. */
  id: string;
  /** Posts using it on which the player named it. */
  found: number;
  /** Posts using it (undecided ones included when the timer ran out). */
  total: number;
  /** Posts without it on which the player named it. */
  wrongly: number;
}

/** One bar per tactic in display order, then the lure flag. */
export function facetBars(score: Score, tacticIds: readonly string[]): FacetBar[] {
  const bars = tacticIds.flatMap((id) => {
    const entry = score.tactics.find((tactic) => tactic.id === id);
    return entry
      ? [
          {
            id,
            found: entry.truePositives,
            total: entry.truePositives + entry.falseNegatives,
            wrongly: entry.falsePositives,
          },
        ]
      : [];
  });
  const wrongLures = score.posts.filter((post) => post.answer.lure && !post.truth.lure).length;
  return [
    ...bars,
    { id: LURE_ID, found: score.luresFlagged, total: score.lures, wrongly: wrongLures },
  ];
}

/** Percentage points either way that count as "about the same". */
export const SAME_BAND = 5;

/** This attempt against the last one: better, worse or about the same; 'first' without one. */
export function comparedWithLast(
  last: AttemptSummary | null | undefined,
  score: Pick<Score, 'percent'>,
): 'first' | 'better' | 'worse' | 'same' {
  if (!last) return 'first';
  const change = score.percent - last.percent;
  return change > SAME_BAND ? 'better' : change < -SAME_BAND ? 'worse' : 'same';
}
