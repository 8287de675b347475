/**
 * A student's workshop result: every answer with the truth it was scored against, the
 * per-tactic numbers, d', bias and time, and the setup it was played under. It leaves
 * the student's browser as a JSON file or a result code ("r1."), and the class
 * dashboard reads either.
 *
 * The checksum is SHA-256 over the result's canonical JSON. It detects a file that was
 * damaged, truncated or edited by hand (a changed answer no longer matches), and a
 * file that is not a result at all. It is not a signature: someone who reads this code
 * can recompute it after editing. Workshops need no server and no accounts, so there is
 * no secret a signature could rest on; the checksum keeps honest mistakes out.
 */
import * as v from 'valibot';
import { type Answer, outcomeCounts, type PostTruth, type Score, scoreAnswers } from '../scoring';
import { CheckAnswerSchema } from './assessment';
import { canonicalJson, sha256Text } from './canonical';
import { type DecodeProblem, decodeCode, encodeCode } from './codec';
import { type WorkshopSetup, WorkshopSetupSchema } from './setup';

export const RESULT_FORMAT = 'flag-the-feed-result';
export const RESULT_KIND = 'r';
export const RESULT_VERSION = 1;
export const RESULT_LIMITS = { maxChars: 60_000, maxBytes: 512 * 1024 };
/** A result file larger than this is refused before it is read. */
export const MAX_RESULT_FILE_BYTES = 1024 * 1024;
export const MAX_NICKNAME_LENGTH = 40;

const id = v.pipe(v.string(), v.maxLength(64));
export const TacticIdsSchema = v.pipe(v.array(id), v.maxLength(32));
const tactics = TacticIdsSchema;
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const PostAnswerSchema = v.strictObject({
  postId: id,
  tactics,
  lure: v.boolean(),
  truth: v.strictObject({ tactics, lure: v.boolean() }),
});

const LevelResultSchema = v.strictObject({
  levelId: id,
  seconds: v.pipe(v.number(), v.minValue(0)),
  posts: v.pipe(v.array(PostAnswerSchema), v.maxLength(500)),
});

const SummarySchema = v.strictObject({
  hits: count,
  misses: count,
  falseAlarms: count,
  correctPasses: count,
  dPrime: v.number(),
  bias: v.number(),
  lureAccuracy: v.number(),
  percent: v.number(),
  seconds: v.pipe(v.number(), v.minValue(0)),
  tactics: v.array(
    v.strictObject({
      id,
      truePositives: count,
      falsePositives: count,
      falseNegatives: count,
      precision: v.nullable(v.number()),
      recall: v.nullable(v.number()),
    }),
  ),
});

const CheckAnswersSchema = v.pipe(v.array(CheckAnswerSchema), v.maxLength(40));

/** Answers to the headline check, by when it was taken. */
export const ChecksSchema = v.strictObject({
  pre: v.optional(CheckAnswersSchema),
  post: v.optional(CheckAnswersSchema),
  booster: v.optional(CheckAnswersSchema),
});
export type Checks = v.InferOutput<typeof ChecksSchema>;
export type CheckPhase = keyof Checks;

export const WorkshopResultSchema = v.strictObject({
  format: v.literal(RESULT_FORMAT),
  version: v.literal(RESULT_VERSION),
  nickname: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NICKNAME_LENGTH)),
  finishedAt: v.pipe(v.string(), v.isoTimestamp()),
  setup: WorkshopSetupSchema,
  /** The tactic ids the summary is ordered by. */
  tacticIds: tactics,
  levels: v.pipe(v.array(LevelResultSchema), v.maxLength(50)),
  summary: SummarySchema,
  checks: v.optional(ChecksSchema),
  checksum: v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/)),
});

export type WorkshopResult = v.InferOutput<typeof WorkshopResultSchema>;
export type LevelResult = v.InferOutput<typeof LevelResultSchema>;
export type PostAnswer = v.InferOutput<typeof PostAnswerSchema>;

export interface PlayedLevel {
  levelId: string;
  seconds: number;
  posts: { postId: string; answer: Answer; truth: PostTruth }[];
}

/** Scores every post of every level together: a workshop's d' is over all its posts. */
export function scoreLevels(levels: readonly LevelResult[], tacticIds: readonly string[]): Score {
  return scoreAnswers(
    levels.flatMap((level) =>
      level.posts.map((post) => ({
        postId: `${level.levelId}/${post.postId}`,
        answer: { tactics: post.tactics, lure: post.lure },
        truth: post.truth,
      })),
    ),
    tacticIds,
  );
}

export function checksumOf(result: Omit<WorkshopResult, 'checksum'>): string {
  const { checksum: _ignored, ...body } = result as WorkshopResult;
  return sha256Text(canonicalJson(body));
}

export function buildResult(input: {
  nickname: string;
  setup: WorkshopSetup;
  tacticIds: readonly string[];
  played: readonly PlayedLevel[];
  finishedAt: Date;
  checks?: Checks;
}): WorkshopResult {
  const levels: LevelResult[] = input.played.map((level) => ({
    levelId: level.levelId,
    seconds: Math.round(level.seconds),
    posts: level.posts.map(({ postId, answer, truth }) => ({
      postId,
      tactics: [...answer.tactics],
      lure: answer.lure,
      truth: { tactics: [...truth.tactics], lure: truth.lure },
    })),
  }));
  const score = scoreLevels(levels, input.tacticIds);
  const body: Omit<WorkshopResult, 'checksum'> = {
    format: RESULT_FORMAT,
    version: RESULT_VERSION,
    nickname: input.nickname,
    finishedAt: input.finishedAt.toISOString(),
    setup: input.setup,
    tacticIds: [...input.tacticIds],
    levels,
    summary: {
      ...outcomeCounts(score),
      // + 0 turns -0 into 0, as JSON would: a result read back equals the one built.
      dPrime: score.dPrime + 0,
      bias: score.bias + 0,
      lureAccuracy: score.lureAccuracy,
      percent: score.percent,
      seconds: levels.reduce((sum, level) => sum + level.seconds, 0),
      tactics: score.tactics,
    },
    ...(input.checks ? { checks: input.checks } : {}),
  };
  return { ...body, checksum: checksumOf(body) };
}

export type ResultProblem =
  | DecodeProblem
  | { reason: 'too-big'; limit: number }
  | { reason: 'not-json' }
  | { reason: 'not-a-result' }
  | { reason: 'invalid'; path: string }
  | { reason: 'checksum' };

export type ReadResult = { ok: true; result: WorkshopResult } | ({ ok: false } & ResultProblem);

/** Checks a parsed value: the shape, then the checksum. */
export function verifyResult(value: unknown): ReadResult {
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { format?: unknown }).format !== RESULT_FORMAT
  )
    return { ok: false, reason: 'not-a-result' };
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > RESULT_VERSION)
    return { ok: false, reason: 'too-new', version };
  const parsed = v.safeParse(WorkshopResultSchema, value);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return { ok: false, reason: 'invalid', path: issue ? (v.getDotPath(issue) ?? '') : '' };
  }
  if (checksumOf(parsed.output) !== parsed.output.checksum)
    return { ok: false, reason: 'checksum' };
  return { ok: true, result: parsed.output };
}

export function resultToFileText(result: WorkshopResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export function readResultFile(text: string, byteLength: number): ReadResult {
  if (byteLength > MAX_RESULT_FILE_BYTES)
    return { ok: false, reason: 'too-big', limit: MAX_RESULT_FILE_BYTES };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  return verifyResult(value);
}

export function encodeResult(result: WorkshopResult): string {
  return encodeCode(RESULT_KIND, RESULT_VERSION, result);
}

export function decodeResult(code: string): ReadResult {
  const decoded = decodeCode(code, RESULT_KIND, RESULT_VERSION, RESULT_LIMITS);
  return decoded.ok ? verifyResult(decoded.value) : decoded;
}
