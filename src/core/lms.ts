/**
 * What a learning platform is told about a finished or ongoing session, as plain data:
 * the result against the pass mark, each decision as an interaction, the SCORM data
 * model fields and the xAPI statements (cmi5) that carry them. No clock, no ids drawn
 * here: the caller passes timestamps and statement ids, so every shape is testable.
 *
 * A post's answer becomes a choice response: the tactic ids named (sorted) plus `lure`
 * when the recruitment lure was flagged, or `genuine` when the post was let pass. A
 * decision is correct when it names exactly the post's tactics and gets the lure right.
 * A headline of the pre/post check is a choice between `real` and `fake`.
 */
import type { LocalizedText } from './level/schema';
import type { Answer, Score, ScoredPost } from './scoring';
import { LURE_ID } from './taxonomy';
import type { CheckAnswer, MistScore } from './workshop/assessment';

/** The response of a post let pass as genuine. */
export const GENUINE_RESPONSE = 'genuine';

/**
 * IRIs of the result extensions (see docs/lms.md): discernment and bias of a level, the
 * MIST-style counts of the headline check. The game has no web domain of its own, so
 * they are URNs: stable names, not addresses.
 */
export const XAPI_EXTENSIONS = {
  dPrime: 'urn:flag-the-feed:xapi:result:d-prime',
  bias: 'urn:flag-the-feed:xapi:result:bias',
  realDetection: 'urn:flag-the-feed:xapi:result:real-news-detection',
  fakeDetection: 'urn:flag-the-feed:xapi:result:fake-news-detection',
  distrust: 'urn:flag-the-feed:xapi:result:distrust',
  naivety: 'urn:flag-the-feed:xapi:result:naivety',
} as const;

export interface LmsResult {
  /** Always true once the level (or check) has ended. */
  completed: true;
  /** Null for the headline check: it measures, nobody passes or fails it. */
  passed: boolean | null;
  /** The percentage as a fraction, 0-1. */
  scaled: number;
  /** The percentage, 0-100 (min 0, max 100). */
  raw: number;
  /** xAPI result extensions (IRI -> number); SCORM has no room for them. */
  extensions: Record<string, number>;
  sessionMs: number;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** The result of a finished session against a pass mark in percent. */
export function lmsResult(score: Score, passMark: number, sessionMs: number): LmsResult {
  return {
    completed: true,
    passed: score.percent >= passMark,
    scaled: round(score.percent / 100, 4),
    raw: round(score.percent, 2),
    extensions: {
      [XAPI_EXTENSIONS.dPrime]: round(score.dPrime, 3),
      [XAPI_EXTENSIONS.bias]: round(score.bias, 3),
    },
    sessionMs,
  };
}

/** The headline check's result: the share of headlines judged rightly, no pass mark. */
export function checkResult(score: MistScore, sessionMs: number): LmsResult {
  const share = score.items === 0 ? 0 : score.veracity / score.items;
  return {
    completed: true,
    passed: null,
    scaled: round(share, 4),
    raw: round(share * 100, 2),
    extensions: {
      [XAPI_EXTENSIONS.realDetection]: score.realDetection,
      [XAPI_EXTENSIONS.fakeDetection]: score.fakeDetection,
      [XAPI_EXTENSIONS.distrust]: score.distrust,
      [XAPI_EXTENSIONS.naivety]: score.naivety,
    },
    sessionMs,
  };
}

export interface PostInteraction {
  postId: string;
  learnerResponse: string[];
  correctResponse: string[];
  correct: boolean;
  /** Null when unknown (the check's headlines are answered on one form). */
  latencyMs: number | null;
}

/** An answer (or a truth) as a choice response; see the module comment. */
export function choiceResponse(answer: Pick<Answer, 'tactics' | 'lure'>): string[] {
  const chosen = [...answer.tactics].sort();
  if (answer.lure) chosen.push(LURE_ID);
  return chosen.length > 0 ? chosen : [GENUINE_RESPONSE];
}

/** One headline of the check: `real` or `fake`, against what it is. */
export function checkInteraction(answer: CheckAnswer): PostInteraction {
  const word = (real: boolean) => (real ? 'real' : 'fake');
  return {
    postId: answer.itemId,
    learnerResponse: [word(answer.judgedReal)],
    correctResponse: [word(answer.genuine)],
    correct: answer.judgedReal === answer.genuine,
    latencyMs: null,
  };
}

export function postInteraction(post: ScoredPost, latencyMs: number): PostInteraction {
  const learnerResponse = choiceResponse(post.answer);
  const correctResponse = choiceResponse(post.truth);
  return {
    postId: post.postId,
    learnerResponse,
    correctResponse,
    correct: learnerResponse.join(',') === correctResponse.join(','),
    latencyMs: Math.max(0, Math.round(latencyMs)),
  };
}

/** SCORM 1.2 CMITimespan, HHHH:MM:SS.SS. */
export function scorm12Timespan(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(centis / 360000));
  const minutes = Math.floor(centis / 6000) % 60;
  const seconds = (centis % 6000) / 100;
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** An ISO 8601 duration (SCORM 2004 timeinterval, xAPI duration), to the hundredth. */
export function isoDuration(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor(centis / 6000) % 60;
  const seconds = (centis % 6000) / 100;
  return `PT${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${seconds}S`;
}

/** An interaction id that both SCORM versions accept: the level and the post. */
export function interactionId(levelId: string, postId: string): string {
  return `${levelId}.${postId}`.replace(/[^\w.-]/g, '_');
}

export type ScormField = readonly [element: string, value: string];

function latency(
  at: string,
  interaction: PostInteraction,
  format: (ms: number) => string,
): ScormField[] {
  return interaction.latencyMs === null ? [] : [[`${at}.latency`, format(interaction.latencyMs)]];
}

/** passed / failed, or `none` when nobody passes or fails (the headline check). */
function judgement(result: LmsResult, none: string): string {
  if (result.passed === null) return none;
  return result.passed ? 'passed' : 'failed';
}

/**
 * SCORM 1.2 data model fields for one decision, written as interaction `index` (1.2
 * interactions are write-only, so each decision is appended once).
 */
export function scorm12InteractionFields(
  levelId: string,
  index: number,
  interaction: PostInteraction,
): ScormField[] {
  const at = `cmi.interactions.${index}`;
  return [
    [`${at}.id`, interactionId(levelId, interaction.postId)],
    [`${at}.type`, 'choice'],
    [`${at}.student_response`, interaction.learnerResponse.join(',')],
    [`${at}.correct_responses.0.pattern`, interaction.correctResponse.join(',')],
    [`${at}.result`, interaction.correct ? 'correct' : 'wrong'],
    ...latency(at, interaction, scorm12Timespan),
  ];
}

export function scorm2004InteractionFields(
  levelId: string,
  index: number,
  interaction: PostInteraction,
): ScormField[] {
  const at = `cmi.interactions.${index}`;
  return [
    [`${at}.id`, interactionId(levelId, interaction.postId)],
    [`${at}.type`, 'choice'],
    [`${at}.learner_response`, interaction.learnerResponse.join('[,]')],
    [`${at}.correct_responses.0.pattern`, interaction.correctResponse.join('[,]')],
    [`${at}.result`, interaction.correct ? 'correct' : 'incorrect'],
    ...latency(at, interaction, isoDuration),
  ];
}

/** SCORM 1.2 fields for the end of a level: score, status, time, a normal exit. */
export function scorm12ResultFields(result: LmsResult): ScormField[] {
  return [
    ['cmi.core.score.min', '0'],
    ['cmi.core.score.max', '100'],
    ['cmi.core.score.raw', String(result.raw)],
    ['cmi.core.lesson_status', judgement(result, 'completed')],
    ['cmi.core.session_time', scorm12Timespan(result.sessionMs)],
    ['cmi.core.exit', ''],
    ['cmi.suspend_data', ''],
  ];
}

export function scorm2004ResultFields(result: LmsResult): ScormField[] {
  return [
    ['cmi.score.min', '0'],
    ['cmi.score.max', '100'],
    ['cmi.score.raw', String(result.raw)],
    ['cmi.score.scaled', String(result.scaled)],
    ['cmi.completion_status', 'completed'],
    ['cmi.success_status', judgement(result, 'unknown')],
    ['cmi.session_time', isoDuration(result.sessionMs)],
    ['cmi.exit', 'normal'],
    ['cmi.suspend_data', ''],
  ];
}

// ---- xAPI (cmi5) ----

export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const MASTERY_SCORE_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const VERB_BASE = 'http://adlnet.gov/expapi/verbs/';
const INTERACTION_TYPE = 'http://adlnet.gov/expapi/activities/cmi.interaction';

export type Cmi5Verb = 'initialized' | 'completed' | 'passed' | 'failed' | 'terminated';

interface ContextActivity {
  id: string;
  objectType?: 'Activity';
  definition?: Record<string, unknown>;
}

/** The context the LMS hands over in LMS.LaunchData (contextTemplate), as the AU must keep it. */
export interface Cmi5ContextTemplate {
  contextActivities?: {
    parent?: ContextActivity[];
    grouping?: ContextActivity[];
    category?: ContextActivity[];
    other?: ContextActivity[];
  };
  extensions?: Record<string, unknown>;
}

/** Who, where and when one statement is made. */
export interface StatementFrame {
  id: string;
  timestamp: string;
  actor: Record<string, unknown>;
  activityId: string;
  registration: string;
  contextTemplate: Cmi5ContextTemplate;
}

export interface XapiStatement {
  id: string;
  timestamp: string;
  actor: Record<string, unknown>;
  verb: { id: string; display: Record<string, string> };
  object: { id: string; objectType: 'Activity'; definition?: Record<string, unknown> };
  result?: Record<string, unknown>;
  context: Record<string, unknown>;
}

function context(
  frame: StatementFrame,
  categories: readonly string[],
  parent: boolean,
  extensions: Record<string, unknown> = {},
): Record<string, unknown> {
  const template = frame.contextTemplate;
  const activities = { ...(template.contextActivities ?? {}) };
  if (categories.length > 0)
    activities.category = [
      ...(activities.category ?? []),
      ...categories.map((id) => ({ id, objectType: 'Activity' as const })),
    ];
  if (parent)
    activities.parent = [
      ...(activities.parent ?? []),
      { id: frame.activityId, objectType: 'Activity' },
    ];
  const allExtensions = { ...(template.extensions ?? {}), ...extensions };
  return {
    registration: frame.registration,
    contextActivities: activities,
    ...(Object.keys(allExtensions).length > 0 ? { extensions: allExtensions } : {}),
  };
}

function verb(name: string) {
  return { id: `${VERB_BASE}${name}`, display: { 'en-US': name } };
}

/**
 * A cmi5 defined statement. `result` is required for passed/failed (score, success),
 * completed (completion) and terminated (duration); `masteryScore` (0-1) is the one the
 * LMS launched with, which passed/failed must carry.
 */
export function cmi5Statement(
  frame: StatementFrame,
  name: Cmi5Verb,
  options: { result?: LmsResult; durationMs?: number; masteryScore?: number } = {},
): XapiStatement {
  const moveOn = name === 'completed' || name === 'passed' || name === 'failed';
  const judged = name === 'passed' || name === 'failed';
  const extensions =
    judged && options.masteryScore !== undefined
      ? { [MASTERY_SCORE_EXTENSION]: options.masteryScore }
      : {};
  let result: Record<string, unknown> | undefined;
  const { result: outcome, durationMs } = options;
  if (judged && outcome)
    result = {
      score: { scaled: outcome.scaled, raw: outcome.raw, min: 0, max: 100 },
      success: name === 'passed',
      duration: isoDuration(outcome.sessionMs),
      extensions: outcome.extensions,
    };
  else if (name === 'completed' && outcome)
    result = { completion: true, duration: isoDuration(outcome.sessionMs) };
  else if (name === 'terminated' && durationMs !== undefined)
    result = { duration: isoDuration(durationMs) };
  return {
    id: frame.id,
    timestamp: frame.timestamp,
    actor: frame.actor,
    verb: verb(name),
    object: { id: frame.activityId, objectType: 'Activity' },
    ...(result ? { result } : {}),
    context: context(
      frame,
      moveOn ? [CMI5_CATEGORY, MOVEON_CATEGORY] : [CMI5_CATEGORY],
      false,
      extensions,
    ),
  };
}

/**
 * The headline check's score as a cmi5 allowed statement: nobody passes or fails the
 * check, so there is no passed/failed statement to carry it.
 */
export function scoredStatement(frame: StatementFrame, result: LmsResult): XapiStatement {
  return {
    id: frame.id,
    timestamp: frame.timestamp,
    actor: frame.actor,
    verb: verb('scored'),
    object: { id: frame.activityId, objectType: 'Activity' },
    result: {
      score: { scaled: result.scaled, raw: result.raw, min: 0, max: 100 },
      duration: isoDuration(result.sessionMs),
      extensions: result.extensions,
    },
    context: context(frame, [], false),
  };
}

/** What an `answered` statement shows of the post and the choices. */
export interface AnsweredDetails {
  levelId: string;
  /** The post's author or first words, per language, as the activity's name. */
  postName?: LocalizedText;
  /** Every choice the player had (tactic ids, lure, genuine) with its name per language. */
  choices: ReadonlyArray<{ id: string; name: LocalizedText }>;
}

/** A language map with tags xAPI accepts (the level's tags are RFC 5646 already). */
function languageMap(text: LocalizedText): Record<string, string> {
  return { ...text };
}

/**
 * One decision as a cmi5 allowed statement: `answered`, the post as a cmi.interaction
 * activity under the AU, the chosen tactics as the response. No cmi5 category (the spec
 * reserves it for cmi5 defined statements).
 */
export function answeredStatement(
  frame: StatementFrame,
  interaction: PostInteraction,
  details: AnsweredDetails,
): XapiStatement {
  const postIri = `${frame.activityId}/posts/${encodeURIComponent(interaction.postId)}`;
  return {
    id: frame.id,
    timestamp: frame.timestamp,
    actor: frame.actor,
    verb: verb('answered'),
    object: {
      id: postIri,
      objectType: 'Activity',
      definition: {
        type: INTERACTION_TYPE,
        ...(details.postName ? { name: languageMap(details.postName) } : {}),
        interactionType: 'choice',
        correctResponsesPattern: [interaction.correctResponse.join('[,]')],
        choices: details.choices.map((choice) => ({
          id: choice.id,
          description: languageMap(choice.name),
        })),
      },
    },
    result: {
      success: interaction.correct,
      response: interaction.learnerResponse.join('[,]'),
      ...(interaction.latencyMs === null ? {} : { duration: isoDuration(interaction.latencyMs) }),
    },
    context: context(frame, [], true),
  };
}
