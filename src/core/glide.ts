/**
 * The timed feed scrolls by itself: the glide. A rule of the game, so it lives here as
 * a pure function of playing time; the feed scene only draws the position it returns.
 *
 * - The pace: from where the feed is, in a straight line to the end of the feed,
 *   arriving exactly when the time limit runs out. Undisturbed, that is the whole feed
 *   at an even speed over the limit; after anything held the feed (an open post, the
 *   player's Pause, keyboard focus), it goes on from there a little faster, never more
 *   than MAX_SPEEDUP times the whole feed's average speed.
 * - The player wins: a scroll, a drag or focus moving the feed makes the glide go on
 *   from where the feed is now, never pulling it back to where the pace had it.
 * - It never pushes the keyboard-focused card out of view: it stops where that card's
 *   top reaches the top of the view (`keepAt`) and goes on once focus moves on.
 * - Reduced motion: no gliding. The feed jumps from one card's top to the next
 *   (`stops`) when the pace passes it, like turning a page, and to the end at the limit.
 */
import type { ModeRules } from './modes';

/** How much faster than the whole feed's average speed the glide may go to catch up. */
export const MAX_SPEEDUP = 3;

/** Only a timed feed glides: with the timer switched off (WCAG 2.2.1) it stays still. */
export function feedGlides(rules: Pick<ModeRules, 'timeLimitSeconds'>): boolean {
  return rules.timeLimitSeconds !== null;
}

/** Where the glide goes on from: a scroll position and the playing time it was there. */
export interface GlideAnchor {
  position: number;
  elapsedMs: number;
}

/**
 * The position at playing time `elapsedMs` for a glide that left `anchor`: a straight
 * line from the anchor to `end` at `limitMs`, no faster than MAX_SPEEDUP × end ÷ limit,
 * never back and never past the end.
 */
export function glidePosition(
  anchor: GlideAnchor,
  elapsedMs: number,
  limitMs: number,
  end: number,
): number {
  const from = Math.min(anchor.position, end);
  if (!(elapsedMs > anchor.elapsedMs) || from >= end) return from;
  const cap = (MAX_SPEEDUP * end) / limitMs;
  const remaining = limitMs - anchor.elapsedMs;
  const needed = remaining > 0 ? (end - from) / remaining : Number.POSITIVE_INFINITY;
  // On time: exactly the end at the limit, whatever rounding the line would give.
  if (needed <= cap && elapsedMs >= limitMs) return end;
  const speed = Math.min(needed, cap);
  return Math.min(end, from + speed * (elapsedMs - anchor.elapsedMs));
}

export interface GlideFrame {
  /** Where the feed is now: the player may have moved it since the last frame. */
  position: number;
  /** Playing time now. */
  elapsedMs: number;
  limitMs: number;
  /** The furthest scroll position: the end of the feed. */
  end: number;
  /** False while the glide holds: a post open, feedback showing, the player's Pause... */
  running: boolean;
  /** The furthest position that keeps the keyboard-focused card's top in view, if any. */
  keepAt: number | null;
  /** Reduced motion: the positions the feed may stop at (card tops), in any order. */
  stops: readonly number[] | null;
}

export interface Glide {
  anchor: GlideAnchor;
  /** The position this frame shows. */
  shown: number;
}

/**
 * One frame of the glide. `previous` is the last frame's result (null on the first);
 * when the feed is not where that frame left it, or the glide is held, it goes on from
 * where the feed is.
 */
export function glide(previous: Glide | null, frame: GlideFrame): Glide {
  const { position, elapsedMs } = frame;
  const here = { position, elapsedMs };
  if (!frame.running || previous === null || previous.shown !== position)
    return { anchor: here, shown: position };
  let anchor = previous.anchor;
  let shown = glidePosition(anchor, elapsedMs, frame.limitMs, frame.end);
  if (frame.keepAt !== null && shown > Math.max(position, frame.keepAt)) {
    shown = Math.max(position, frame.keepAt);
    // Held by focus: once focus moves on, the glide starts from here, not with a jump.
    anchor = { position: shown, elapsedMs };
  }
  if (frame.stops !== null) shown = stepDown(shown, position, frame.stops, frame.end);
  return { anchor, shown: Math.max(position, shown) };
}

/** The furthest stop at or before `target` (the end once it is reached), never behind `from`. */
function stepDown(target: number, from: number, stops: readonly number[], end: number): number {
  if (target >= end) return end;
  let best = from;
  for (const stop of stops) if (stop <= target && stop > best) best = stop;
  return best;
}
