/** What a learning platform is told: results, interactions, SCORM fields, cmi5 statements. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answeredStatement,
  CMI5_CATEGORY,
  checkInteraction,
  checkResult,
  cmi5Statement,
  isoDuration,
  lmsResult,
  MASTERY_SCORE_EXTENSION,
  MOVEON_CATEGORY,
  postInteraction,
  type StatementFrame,
  scoredStatement,
  scorm12InteractionFields,
  scorm12ResultFields,
  scorm12Timespan,
  scorm2004InteractionFields,
  scorm2004ResultFields,
  XAPI_EXTENSIONS,
} from '../../src/core/lms';
import { scoreAnswers } from '../../src/core/scoring';
import { scoreCheck } from '../../src/core/workshop/assessment';

const TACTICS = ['nationalism', 'misinformation'];
// Hit with the lure right (200 - 0 evidence: 175 of 175), a false alarm (-50 of 100),
// a correct pass (100 of 100): 225 of 375 points = 60 %.
const score = scoreAnswers(
  [
    {
      postId: 'hit',
      truth: { tactics: ['nationalism', 'misinformation'], lure: true },
      answer: { tactics: ['misinformation', 'nationalism'], lure: true },
    },
    {
      postId: 'false-alarm',
      truth: { tactics: [], lure: false },
      answer: { tactics: ['misinformation'], lure: false },
    },
    {
      postId: 'genuine',
      truth: { tactics: [], lure: false },
      answer: { tactics: [], lure: false },
    },
  ],
  TACTICS,
);
const [hit, falseAlarm, genuine] = score.posts;
if (!hit || !falseAlarm || !genuine) throw new Error('three scored posts expected');

describe('lmsResult', () => {
  it('turns the percentage into scaled and raw scores and judges it against the pass mark', () => {
    expect(score.percent).toBe(60);
    const passed = lmsResult(score, 60, 83_000);
    expect(passed).toMatchObject({ completed: true, passed: true, scaled: 0.6, raw: 60 });
    expect(passed.sessionMs).toBe(83_000);
    expect(passed.extensions[XAPI_EXTENSIONS.dPrime]).toBeCloseTo(score.dPrime, 3);
    expect(passed.extensions[XAPI_EXTENSIONS.bias]).toBeCloseTo(score.bias, 3);
    expect(lmsResult(score, 61, 0).passed).toBe(false);
  });
});

describe('postInteraction', () => {
  it('names the tactics (sorted) and the lure; a post let pass answers "genuine"', () => {
    expect(postInteraction(hit, 4200)).toEqual({
      postId: 'hit',
      learnerResponse: ['misinformation', 'nationalism', 'lure'],
      correctResponse: ['misinformation', 'nationalism', 'lure'],
      correct: true,
      latencyMs: 4200,
    });
    expect(postInteraction(falseAlarm, 1000)).toMatchObject({
      learnerResponse: ['misinformation'],
      correctResponse: ['genuine'],
      correct: false,
    });
    expect(postInteraction(genuine, -5).latencyMs).toBe(0);
  });
});

describe('durations', () => {
  it('writes SCORM 1.2 timespans and ISO 8601 durations', () => {
    expect(scorm12Timespan(0)).toBe('0000:00:00.00');
    expect(scorm12Timespan(3_723_450)).toBe('0001:02:03.45');
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(3_723_450)).toBe('PT1H2M3.45S');
    expect(isoDuration(65_000)).toBe('PT1M5S');
  });

  it('both forms give back the same hundredths of a second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 * 3_600_000 }), (ms) => {
        const [h, m, s] = scorm12Timespan(ms).split(':').map(Number) as [number, number, number];
        const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?([\d.]+)S$/.exec(isoDuration(ms));
        expect(iso).not.toBeNull();
        const fromIso =
          Number(iso?.[1] ?? 0) * 3600 + Number(iso?.[2] ?? 0) * 60 + Number(iso?.[3]);
        expect(Math.round((h * 3600 + m * 60 + s) * 100)).toBe(Math.round(ms / 10));
        expect(Math.round(fromIso * 100)).toBe(Math.round(ms / 10));
      }),
    );
  });
});

describe('SCORM fields', () => {
  it('writes 1.2 and 2004 interactions in each version’s own vocabulary', () => {
    const interaction = postInteraction(falseAlarm, 2500);
    expect(Object.fromEntries(scorm12InteractionFields('tutorial', 3, interaction))).toEqual({
      'cmi.interactions.3.id': 'tutorial.false-alarm',
      'cmi.interactions.3.type': 'choice',
      'cmi.interactions.3.student_response': 'misinformation',
      'cmi.interactions.3.correct_responses.0.pattern': 'genuine',
      'cmi.interactions.3.result': 'wrong',
      'cmi.interactions.3.latency': '0000:00:02.50',
    });
    const fields2004 = Object.fromEntries(
      scorm2004InteractionFields('tutorial', 0, postInteraction(hit, 2500)),
    );
    expect(fields2004['cmi.interactions.0.learner_response']).toBe(
      'misinformation[,]nationalism[,]lure',
    );
    expect(fields2004['cmi.interactions.0.result']).toBe('correct');
    expect(fields2004['cmi.interactions.0.latency']).toBe('PT2.5S');
  });

  it('ends a level with score, status, time and no suspend data left', () => {
    const failed = lmsResult(score, 70, 61_000);
    expect(Object.fromEntries(scorm12ResultFields(failed))).toMatchObject({
      'cmi.core.score.raw': '60',
      'cmi.core.lesson_status': 'failed',
      'cmi.core.session_time': '0000:01:01.00',
      'cmi.suspend_data': '',
    });
    expect(Object.fromEntries(scorm2004ResultFields(lmsResult(score, 50, 61_000)))).toMatchObject({
      'cmi.score.scaled': '0.6',
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'passed',
      'cmi.session_time': 'PT1M1S',
      'cmi.exit': 'normal',
    });
  });
});

describe('cmi5 statements', () => {
  const frame: StatementFrame = {
    id: '00000000-0000-4000-8000-000000000001',
    timestamp: '2026-12-07T10:00:00.000Z',
    actor: { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'student-1' } },
    activityId: 'https://school.example/au/tutorial',
    registration: '00000000-0000-4000-8000-0000000000aa',
    contextTemplate: {
      contextActivities: { grouping: [{ id: 'https://school.example/course' }] },
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' },
    },
  };

  it('keeps the LMS context template and adds the cmi5 and moveOn categories', () => {
    const passed = cmi5Statement(frame, 'passed', {
      result: lmsResult(score, 60, 90_000),
      masteryScore: 0.6,
    });
    expect(passed.verb.id).toBe('http://adlnet.gov/expapi/verbs/passed');
    expect(passed.object.id).toBe(frame.activityId);
    expect(passed.result).toMatchObject({
      success: true,
      score: { scaled: 0.6, raw: 60, min: 0, max: 100 },
      duration: 'PT1M30S',
    });
    expect(passed.result?.extensions).toHaveProperty([XAPI_EXTENSIONS.dPrime]);
    expect(passed.context).toMatchObject({
      registration: frame.registration,
      contextActivities: {
        grouping: [{ id: 'https://school.example/course' }],
        category: [{ id: CMI5_CATEGORY }, { id: MOVEON_CATEGORY }],
      },
      extensions: {
        'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1',
        [MASTERY_SCORE_EXTENSION]: 0.6,
      },
    });
    const initialized = cmi5Statement(frame, 'initialized');
    expect(initialized.result).toBeUndefined();
    expect(initialized.context).toMatchObject({
      contextActivities: { category: [{ id: CMI5_CATEGORY }] },
    });
    expect(cmi5Statement(frame, 'terminated', { durationMs: 5000 }).result).toEqual({
      duration: 'PT5S',
    });
  });

  it('makes each decision an answered choice interaction under the AU, without the cmi5 category', () => {
    const statement = answeredStatement(frame, postInteraction(hit, 3000), {
      levelId: 'tutorial',
      postName: { en: 'Mei: a painting', ru: 'Мэй: картина' },
      choices: [{ id: 'nationalism', name: { en: 'Nationalism' } }],
    });
    expect(statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/answered');
    expect(statement.object.id).toBe('https://school.example/au/tutorial/posts/hit');
    expect(statement.object.definition).toMatchObject({
      interactionType: 'choice',
      correctResponsesPattern: ['misinformation[,]nationalism[,]lure'],
      name: { en: 'Mei: a painting', ru: 'Мэй: картина' },
    });
    expect(statement.result).toEqual({
      success: true,
      response: 'misinformation[,]nationalism[,]lure',
      duration: 'PT3S',
    });
    const activities = (statement.context as { contextActivities: Record<string, unknown> })
      .contextActivities;
    expect(activities.category).toBeUndefined();
    expect(activities.parent).toEqual([{ id: frame.activityId, objectType: 'Activity' }]);
  });
});

describe('the headline check as an assessment unit', () => {
  // Four headlines, two genuine: three judged rightly, one real one called fake.
  const answers = [
    { itemId: 'g1', genuine: true, judgedReal: true },
    { itemId: 'g2', genuine: true, judgedReal: false },
    { itemId: 'f1', genuine: false, judgedReal: false },
    { itemId: 'f2', genuine: false, judgedReal: false },
  ];
  const result = checkResult(scoreCheck(answers), 40_000);

  it('scores the share judged rightly, with no pass mark, and the MIST counts as extensions', () => {
    expect(result).toMatchObject({ passed: null, scaled: 0.75, raw: 75 });
    expect(result.extensions).toEqual({
      [XAPI_EXTENSIONS.realDetection]: 1,
      [XAPI_EXTENSIONS.fakeDetection]: 2,
      [XAPI_EXTENSIONS.distrust]: 1,
      [XAPI_EXTENSIONS.naivety]: 0,
    });
  });

  it('reports completion without passed or failed, and each headline as real or fake with no latency', () => {
    expect(Object.fromEntries(scorm12ResultFields(result))['cmi.core.lesson_status']).toBe(
      'completed',
    );
    expect(Object.fromEntries(scorm2004ResultFields(result))['cmi.success_status']).toBe('unknown');
    const wrong = checkInteraction(answers[1] as (typeof answers)[number]);
    expect(wrong).toEqual({
      postId: 'g2',
      learnerResponse: ['fake'],
      correctResponse: ['real'],
      correct: false,
      latencyMs: null,
    });
    const fields = Object.fromEntries(scorm2004InteractionFields('headline-check-pre', 0, wrong));
    expect(fields['cmi.interactions.0.result']).toBe('incorrect');
    expect(fields).not.toHaveProperty(['cmi.interactions.0.latency']);
  });

  it('sends the score in a scored statement, outside the cmi5 category', () => {
    const frame = {
      id: '00000000-0000-4000-8000-000000000002',
      timestamp: '2026-12-07T10:00:00.000Z',
      actor: { mbox: 'mailto:student@school.example' },
      activityId: 'urn:x:au:check',
      registration: '00000000-0000-4000-8000-0000000000bb',
      contextTemplate: {},
    };
    const statement = scoredStatement(frame, result);
    expect(statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/scored');
    expect(statement.result).toMatchObject({ score: { scaled: 0.75 }, duration: 'PT40S' });
    expect(statement.context).toEqual({ registration: frame.registration, contextActivities: {} });
  });
});
