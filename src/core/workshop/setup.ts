/**
 * A workshop's setup, carried whole in its link (`?workshop=<code>`): no server holds
 * it, so every student's browser reads the same levels, order, mode, feedback, timer
 * and seed from the URL. The code is versioned ("w1."); a link from a newer game or a
 * damaged link gets a reason, never a half-read setup.
 */
import * as v from 'valibot';
import type { SessionSetup } from '../modes';
import { type DecodeProblem, decodeCode, encodeCode } from './codec';

export const SETUP_KIND = 'w';
export const SETUP_VERSION = 1;
/** A link must fit in a QR code a phone can read from a projector: keep it short. */
export const SETUP_LIMITS = { maxChars: 2000, maxBytes: 16 * 1024 };
export const MAX_WORKSHOP_LEVELS = 20;
export const MAX_TIME_LIMIT_MINUTES = 180;
export const MAX_PACKS = 5;

const levelId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9_-]*$/), v.maxLength(64));

export const WorkshopSetupSchema = v.strictObject({
  /** Levels in the order students play them. */
  levels: v.pipe(v.array(levelId), v.minLength(1), v.maxLength(MAX_WORKSHOP_LEVELS)),
  /** The game's mode rules (core/modes.ts) each level is played under. */
  mode: v.picklist(['learn', 'exam']),
  /** When students see whether they were right: after each post, or on the debrief. */
  feedback: v.picklist(['immediate', 'end']),
  /** Minutes per level (the core's timer: undecided posts count as missed), or null. */
  timeLimitMinutes: v.nullable(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_TIME_LIMIT_MINUTES)),
  ),
  /** Shown to students when they join, e.g. "Class 9b, Tuesday". */
  title: v.pipe(v.string(), v.maxLength(80)),
  /** URLs of trainers' own level packs the levels come from (fetched and validated on join). */
  packs: v.optional(
    v.pipe(v.array(v.pipe(v.string(), v.url(), v.maxLength(500))), v.maxLength(MAX_PACKS)),
    [],
  ),
  /**
   * The real-or-fake headline check (assessment.ts): before and after play, once
   * (a booster round a week later), or not at all.
   */
  check: v.optional(v.picklist(['off', 'pre-post', 'booster']), 'off'),
  /** Every student gets the same feed order from this seed. */
  seed: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
});

export type WorkshopSetup = v.InferOutput<typeof WorkshopSetupSchema>;

/** The session options (core/modes.ts) a workshop level starts with. */
export function sessionSetupFor(setup: WorkshopSetup): SessionSetup {
  return {
    mode: setup.mode,
    feedback: setup.feedback,
    timeLimitSeconds: setup.timeLimitMinutes === null ? null : setup.timeLimitMinutes * 60,
  };
}

export type SetupProblem = DecodeProblem | { reason: 'invalid'; path: string };

export type DecodedSetup = { ok: true; setup: WorkshopSetup } | ({ ok: false } & SetupProblem);

export function encodeSetup(setup: WorkshopSetup): string {
  return encodeCode(SETUP_KIND, SETUP_VERSION, v.parse(WorkshopSetupSchema, setup));
}

export function decodeSetup(code: string): DecodedSetup {
  const decoded = decodeCode(code, SETUP_KIND, SETUP_VERSION, SETUP_LIMITS);
  if (!decoded.ok) return decoded;
  const parsed = v.safeParse(WorkshopSetupSchema, decoded.value);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return { ok: false, reason: 'invalid', path: issue ? (v.getDotPath(issue) ?? '') : '' };
  }
  return { ok: true, setup: parsed.output };
}

/** Levels of the setup this game does not have, so a join page can say which. */
export function missingLevels(setup: WorkshopSetup, known: readonly string[]): string[] {
  const have = new Set(known);
  return setup.levels.filter((id) => !have.has(id));
}
