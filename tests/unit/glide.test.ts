/**
 * The timed feed's glide: where the feed is at each moment of playing time, what holds
 * it, and that it reaches the end of the feed exactly when the time runs out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  feedGlides,
  type Glide,
  type GlideFrame,
  glide,
  glidePosition,
  MAX_SPEEDUP,
} from '../../src/core/glide';
import { adjustTimeLimit, presetRules } from '../../src/core/modes';

/** One frame of a simulated player: time passing, and what they did meanwhile. */
interface Step {
  ms: number;
  running?: boolean;
  /** The player scrolled the feed here before this frame. */
  scrollTo?: number;
  keepAt?: number | null;
}

/** Plays frames through `glide` the way the feed scene does; returns each frame's result. */
function simulate(
  steps: readonly Step[],
  options: { limitMs: number; end: number; stops?: number[] | null },
): { shown: number; position: number; elapsedMs: number }[] {
  let position = 0;
  let elapsedMs = 0;
  const at = (frame: Partial<GlideFrame>): GlideFrame => ({
    position,
    elapsedMs,
    limitMs: options.limitMs,
    end: options.end,
    running: true,
    keepAt: null,
    stops: options.stops ?? null,
    ...frame,
  });
  // The feed opens at the top when the time starts.
  let state: Glide = glide(null, at({}));
  const frames: { shown: number; position: number; elapsedMs: number }[] = [];
  for (const step of steps) {
    elapsedMs = Math.min(options.limitMs, elapsedMs + step.ms);
    if (step.scrollTo !== undefined) position = Math.max(0, Math.min(options.end, step.scrollTo));
    state = glide(state, at({ running: step.running ?? true, keepAt: step.keepAt ?? null }));
    frames.push({ shown: state.shown, position, elapsedMs });
    position = state.shown;
  }
  return frames;
}

/** Frame times (ms) that add up to exactly `total`, in 1 to 40 frames. */
const framesFilling = (total: number) =>
  fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 40 }).map((weights) => {
    const sum = weights.reduce((a, b) => a + b, 0);
    const times = weights.map((weight) => Math.floor((weight / sum) * total));
    times[times.length - 1] = total - times.slice(0, -1).reduce((a, b) => a + b, 0);
    return times;
  });

const limitAndEnd = fc.record({
  limitMs: fc.integer({ min: 1000, max: 1_200_000 }),
  end: fc.integer({ min: 0, max: 50_000 }),
});

describe('which feeds glide', () => {
  it('a timed feed glides; an untimed one, or Challenge with the timer off, does not', () => {
    expect(feedGlides(presetRules('challenge', 13))).toBe(true);
    expect(feedGlides(presetRules('learn', 13))).toBe(false);
    expect(feedGlides(presetRules('exam', 13))).toBe(false);
    const off = adjustTimeLimit(presetRules('challenge', 13).timeLimitSeconds, 'off');
    expect(feedGlides({ timeLimitSeconds: off })).toBe(false);
  });
});

describe('the pace', () => {
  it('passes the whole feed evenly over the time limit', () => {
    // 13 posts x 30 s, a feed 2,600 px longer than the view.
    const anchor = { position: 0, elapsedMs: 0 };
    expect(glidePosition(anchor, 0, 390_000, 2600)).toBe(0);
    expect(glidePosition(anchor, 39_000, 390_000, 2600)).toBeCloseTo(260, 9);
    expect(glidePosition(anchor, 195_000, 390_000, 2600)).toBeCloseTo(1300, 9);
    expect(glidePosition(anchor, 390_000, 390_000, 2600)).toBe(2600);
  });

  it('after a pause goes on from where it stopped and still arrives at the limit', () => {
    // Held at 1,000 px for a minute (a post open) from 100 s: the rest goes a little faster.
    const anchor = { position: 1000, elapsedMs: 160_000 };
    const speed = (2600 - 1000) / (390_000 - 160_000);
    expect(glidePosition(anchor, 160_000, 390_000, 2600)).toBe(1000);
    expect(glidePosition(anchor, 170_000, 390_000, 2600)).toBeCloseTo(1000 + speed * 10_000, 9);
    expect(glidePosition(anchor, 390_000, 390_000, 2600)).toBe(2600);
  });

  it('catches up no faster than three times the average speed', () => {
    // Scrolled back to the top with 30 s left: 2,600 px would need 86 px/s; the cap is 20.
    const anchor = { position: 0, elapsedMs: 360_000 };
    const cap = (MAX_SPEEDUP * 2600) / 390_000;
    expect(glidePosition(anchor, 370_000, 390_000, 2600)).toBeCloseTo(cap * 10_000, 9);
    expect(glidePosition(anchor, 390_000, 390_000, 2600)).toBeCloseTo(cap * 30_000, 9);
  });

  it('is monotone in time and stays between the anchor and the end', () => {
    fc.assert(
      fc.property(
        limitAndEnd,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ limitMs, end }, at, from, t1, t2) => {
          const anchor = { position: from * end, elapsedMs: at * limitMs };
          const [early, late] = [t1, t2].sort((a, b) => a - b).map((t) => t * limitMs) as [
            number,
            number,
          ];
          const a = glidePosition(anchor, early, limitMs, end);
          const b = glidePosition(anchor, late, limitMs, end);
          expect(a).toBeLessThanOrEqual(b);
          expect(a).toBeGreaterThanOrEqual(anchor.position);
          expect(b).toBeLessThanOrEqual(end);
        },
      ),
    );
  });
});

describe('the glide, frame by frame', () => {
  it('undisturbed, never goes back and reaches the end exactly at the limit', () => {
    fc.assert(
      fc.property(
        limitAndEnd.chain((sizes) =>
          framesFilling(sizes.limitMs).map((times) => ({ ...sizes, times })),
        ),
        ({ limitMs, end, times }) => {
          const frames = simulate(
            times.map((ms) => ({ ms })),
            { limitMs, end },
          );
          for (const [index, frame] of frames.entries()) {
            expect(frame.shown).toBeGreaterThanOrEqual(frames[index - 1]?.shown ?? 0);
            expect(frame.shown).toBeLessThanOrEqual(end);
            // The even pace: the share of the feed passed is the share of the time used.
            expect(Math.abs(frame.shown - (end * frame.elapsedMs) / limitMs)).toBeLessThan(1e-6);
          }
          expect(frames.at(-1)?.shown).toBe(end);
        },
      ),
    );
  });

  it('holds still while held, and goes on from where the player put it, without jumps', () => {
    fc.assert(
      fc.property(
        limitAndEnd.chain((sizes) =>
          fc
            .array(
              fc.record({
                ms: fc.integer({ min: 1, max: 5000 }),
                running: fc.boolean(),
                scrollTo: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: undefined }),
              }),
              { minLength: 1, maxLength: 60 },
            )
            .map((steps) => ({ ...sizes, steps })),
        ),
        ({ limitMs, end, steps }) => {
          const frames = simulate(steps, { limitMs, end });
          const cap = (MAX_SPEEDUP * end) / limitMs;
          let before = 0;
          for (const [index, frame] of frames.entries()) {
            const step = steps[index] as Step;
            if (!step.running) expect(frame.shown).toBe(frame.position);
            // Never behind where the player is, never past the end, never faster than the cap.
            expect(frame.shown).toBeGreaterThanOrEqual(frame.position);
            expect(frame.shown).toBeLessThanOrEqual(end);
            expect(frame.shown - frame.position).toBeLessThanOrEqual(
              cap * (frame.elapsedMs - before) + 1e-6,
            );
            before = frame.elapsedMs;
          }
        },
      ),
    );
  });

  it('after the last interruption still arrives at the limit when the cap allows', () => {
    fc.assert(
      fc.property(
        limitAndEnd,
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ limitMs, end }, pausedUntil, scrolledTo) => {
          const start = Math.round(pausedUntil * limitMs);
          const position = Math.round(scrolledTo * end);
          const steps: Step[] = [
            { ms: start, running: false, scrollTo: position },
            { ms: (limitMs - start) / 2 },
            { ms: limitMs },
          ];
          const frames = simulate(steps, { limitMs, end });
          const needed = (end - position) / (limitMs - start);
          if (needed <= (MAX_SPEEDUP * end) / limitMs) expect(frames.at(-1)?.shown).toBe(end);
          else expect(frames.at(-1)?.shown).toBeLessThan(end);
        },
      ),
    );
  });

  it('never pushes the keyboard-focused card above the top of the view', () => {
    fc.assert(
      fc.property(
        limitAndEnd,
        fc.array(
          fc.record({
            ms: fc.integer({ min: 1, max: 20_000 }),
            keepAt: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        ({ limitMs, end }, steps) => {
          const frames = simulate(steps, { limitMs, end });
          for (const [index, frame] of frames.entries()) {
            const keepAt = steps[index]?.keepAt ?? null;
            if (keepAt !== null)
              expect(frame.shown).toBeLessThanOrEqual(Math.max(frame.position, keepAt));
          }
        },
      ),
    );
  });

  it('once focus moves on, goes on from the card it waited at instead of jumping ahead', () => {
    const options = { limitMs: 100_000, end: 1000 };
    const frames = simulate(
      [{ ms: 10_000 }, { ms: 40_000, keepAt: 200 }, { ms: 1000 }, { ms: 49_000 }],
      options,
    );
    expect(frames.map((frame) => frame.shown)).toEqual([100, 200, expect.any(Number), 1000]);
    // From 200 px at 50 s: 800 px in 50 s, 16 px in the next second.
    expect(frames[2]?.shown).toBeCloseTo(216, 9);
  });

  it('with reduced motion, steps from card to card and ends on the end', () => {
    const stops = [0, 300, 600, 900];
    const frames = simulate(
      [{ ms: 20_000 }, { ms: 15_000 }, { ms: 20_000 }, { ms: 44_000 }, { ms: 1000 }],
      { limitMs: 100_000, end: 1000, stops },
    );
    // The smooth pace would be at 200, 350, 550, 990 and 1000 px.
    expect(frames.map((frame) => frame.shown)).toEqual([0, 300, 300, 900, 1000]);
  });

  it('with reduced motion, only ever shows a stop, where the player put it, or the end', () => {
    fc.assert(
      fc.property(
        limitAndEnd.chain((sizes) =>
          fc
            .record({
              stops: fc.uniqueArray(fc.integer({ min: 0, max: sizes.end }), { maxLength: 30 }),
              steps: fc.array(
                fc.record({
                  ms: fc.integer({ min: 1, max: 30_000 }),
                  scrollTo: fc.option(fc.integer({ min: 0, max: sizes.end }), { nil: undefined }),
                }),
                { minLength: 1, maxLength: 40 },
              ),
            })
            .map((rest) => ({ ...sizes, ...rest })),
        ),
        ({ limitMs, end, stops, steps }) => {
          const frames = simulate(steps, { limitMs, end, stops });
          for (const frame of frames) {
            const allowed = [...stops, frame.position, end];
            expect(allowed).toContain(frame.shown);
            expect(frame.shown).toBeGreaterThanOrEqual(frame.position);
          }
        },
      ),
    );
  });
});
