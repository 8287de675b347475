/**
 * A student's workshop run as saved in their browser after every step (nickname,
 * headline check, each finished level, the result), so a closed tab or a reload
 * continues where they were instead of losing earlier levels' answers.
 *
 * The text names the setup it belongs to (a hash of the setup's canonical JSON), so
 * another workshop's link never continues this run. Reading never throws: the text is
 * versioned, size-capped and validated against the setup it is read for.
 */

import * as v from 'valibot';
import { isRecord, newerSaveReason, readSavedJson } from '../saved-json';
import { canonicalJson, sha256Text } from './canonical';
import { ChecksSchema, MAX_NICKNAME_LENGTH, type PlayedLevel, TacticIdsSchema } from './result';
import { MAX_WORKSHOP_LEVELS, type WorkshopSetup } from './setup';

export const SAVED_RUN_FORMAT = 'flag-the-feed-workshop-run';
export const SAVED_RUN_VERSION = 1;
/** Twenty long levels of answers fit many times over; anything bigger is not ours. */
export const MAX_SAVED_RUN_CHARS = 512 * 1024;

const ChoiceSchema = v.strictObject({ tactics: TacticIdsSchema, lure: v.boolean() });

const SavedRunSchema = v.strictObject({
  format: v.literal(SAVED_RUN_FORMAT),
  version: v.literal(SAVED_RUN_VERSION),
  setupKey: v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/)),
  nickname: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_NICKNAME_LENGTH)),
  checks: ChecksSchema,
  played: v.pipe(
    v.array(
      v.strictObject({
        levelId: v.pipe(v.string(), v.maxLength(64)),
        seconds: v.pipe(v.number(), v.finite(), v.minValue(0)),
        posts: v.pipe(
          v.array(
            v.strictObject({
              postId: v.pipe(v.string(), v.maxLength(64)),
              answer: ChoiceSchema,
              truth: ChoiceSchema,
            }),
          ),
          v.maxLength(500),
        ),
      }),
    ),
    v.maxLength(MAX_WORKSHOP_LEVELS),
  ),
  /** When the level being played started (epoch ms), so its time survives a reload. */
  levelStartedAt: v.pipe(v.number(), v.finite(), v.minValue(0)),
  /** Set once the result was shown: the same result (and code) is rebuilt from it. */
  finishedAt: v.nullable(v.pipe(v.string(), v.isoTimestamp())),
});

export type SavedRun = Omit<
  v.InferOutput<typeof SavedRunSchema>,
  'format' | 'version' | 'played'
> & {
  played: PlayedLevel[];
};

export type LoadedRun =
  | { status: 'none' }
  | { status: 'ok'; run: SavedRun }
  /** A run of another workshop: not this link's to continue. */
  | { status: 'other-setup' }
  | { status: 'unreadable' | 'too-new'; reason: string };

/** Names a setup whatever order its link's JSON was written in. */
export function setupKeyOf(setup: WorkshopSetup): string {
  return sha256Text(canonicalJson(setup));
}

/** The text to save; of each answer and truth only what the result scores is kept. */
export function serializeRun(run: SavedRun): string {
  const choice = ({ tactics, lure }: { tactics: readonly string[]; lure: boolean }) => ({
    tactics,
    lure,
  });
  const played = run.played.map(({ levelId, seconds, posts }) => ({
    levelId,
    seconds,
    posts: posts.map(({ postId, answer, truth }) => ({
      postId,
      answer: choice(answer),
      truth: choice(truth),
    })),
  }));
  return JSON.stringify({ format: SAVED_RUN_FORMAT, version: SAVED_RUN_VERSION, ...run, played });
}

/** Reads a saved run for this setup; never throws. */
export function parseRun(text: string | null, setup: WorkshopSetup): LoadedRun {
  if (text !== null && text.length > MAX_SAVED_RUN_CHARS)
    return { status: 'unreadable', reason: `longer than ${MAX_SAVED_RUN_CHARS} characters` };
  const saved = readSavedJson(text);
  if (saved.status === 'empty') return { status: 'none' };
  if (saved.status === 'not-json') return { status: 'unreadable', reason: saved.reason };
  const { value } = saved;
  if (!isRecord(value)) return { status: 'unreadable', reason: 'not a workshop run' };
  const { format, version, setupKey } = value;
  if (format !== SAVED_RUN_FORMAT) return { status: 'unreadable', reason: 'not a workshop run' };
  if (typeof version === 'number' && version > SAVED_RUN_VERSION)
    return { status: 'too-new', reason: newerSaveReason(version) };
  if (typeof setupKey === 'string' && setupKey !== setupKeyOf(setup))
    return { status: 'other-setup' };
  const parsed = v.safeParse(SavedRunSchema, value);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue ? (v.getDotPath(issue) ?? '') : '';
    return { status: 'unreadable', reason: `invalid at ${path || 'the top'}` };
  }
  const { format: _format, version: _version, ...run } = parsed.output;
  const seen = new Set<string>();
  for (const level of run.played) {
    if (!setup.levels.includes(level.levelId) || seen.has(level.levelId))
      return {
        status: 'unreadable',
        reason: `level ${level.levelId} is not in this workshop or is there twice`,
      };
    seen.add(level.levelId);
  }
  return { status: 'ok', run };
}
