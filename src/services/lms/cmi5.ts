/**
 * The cmi5 side of an LMS launch: the one-time fetch URL for the auth token, the LMS's
 * launch data (context template, launch mode, mastery score) from the State API, then
 * statements to the LMS's xAPI endpoint, in order. The resume data lives in a state
 * document of the attempt's registration.
 */
import {
  answeredStatement,
  type Cmi5ContextTemplate,
  type Cmi5Verb,
  cmi5Statement,
  type StatementFrame,
  scoredStatement,
  type XapiStatement,
} from '../../core/lms';
import { type LmsClient, LmsRefused, type LmsStart } from './client';
import type { Cmi5LaunchParams } from './launch';

const XAPI_VERSION = '1.0.3';
const RESUME_STATE_ID = 'flag-the-feed-resume';

interface LaunchData {
  contextTemplate?: Cmi5ContextTemplate;
  launchMode?: string;
  masteryScore?: number;
}

export function cmi5Client(launch: Cmi5LaunchParams): LmsClient {
  const endpoint = launch.endpoint.endsWith('/') ? launch.endpoint : `${launch.endpoint}/`;
  const actor = JSON.parse(launch.actor) as Record<string, unknown>;
  let authorization = '';
  let launchData: LaunchData = {};
  let queue: Promise<void> = Promise.resolve();

  const headers = (json: boolean): Record<string, string> => ({
    Authorization: authorization,
    'X-Experience-API-Version': XAPI_VERSION,
    ...(json ? { 'Content-Type': 'application/json' } : {}),
  });
  const stateUrl = (stateId: string) => {
    const query = new URLSearchParams({
      stateId,
      activityId: launch.activityId,
      agent: launch.actor,
      registration: launch.registration,
    });
    return `${endpoint}activities/state?${query}`;
  };
  const check = async (response: Response, what: string) => {
    if (!response.ok)
      throw new LmsRefused(`${what}: HTTP ${response.status} ${await response.text()}`.trim());
  };
  const frame = (): StatementFrame => ({
    id: crypto.randomUUID(),
    timestamp: new Date().toISOString(),
    actor,
    activityId: launch.activityId,
    registration: launch.registration,
    contextTemplate: launchData.contextTemplate ?? {},
  });
  /** Requests (statements, resume saves) reach the LMS in the order they were made. */
  const inOrder = (request: () => Promise<void>): Promise<void> => {
    const done = queue.then(request);
    queue = done.catch(() => {});
    return done;
  };
  const send = (statement: XapiStatement, keepalive = false): Promise<void> =>
    inOrder(async () => {
      const response = await fetch(`${endpoint}statements`, {
        method: 'POST',
        headers: headers(true),
        body: JSON.stringify(statement),
        keepalive,
      });
      await check(response, `statement ${statement.verb.display['en-US']}`);
    });
  const judged = () => launchData.launchMode === undefined || launchData.launchMode === 'Normal';
  const cmi5 = (name: Cmi5Verb, options: Parameters<typeof cmi5Statement>[2] = {}) =>
    send(cmi5Statement(frame(), name, options));

  return {
    async begin(): Promise<LmsStart> {
      const tokenResponse = await fetch(launch.fetchUrl, { method: 'POST' });
      await check(tokenResponse, 'auth token');
      const token = (await tokenResponse.json()) as {
        'auth-token'?: string;
        'error-text'?: string;
      };
      if (!token['auth-token'])
        throw new LmsRefused(`auth token: ${token['error-text'] ?? 'none given'}`);
      authorization = `Basic ${token['auth-token']}`;
      const launchResponse = await fetch(stateUrl('LMS.LaunchData'), { headers: headers(false) });
      await check(launchResponse, 'LMS.LaunchData');
      launchData = (await launchResponse.json()) as LaunchData;
      const resumeResponse = await fetch(stateUrl(RESUME_STATE_ID), { headers: headers(false) });
      if (resumeResponse.status !== 404) await check(resumeResponse, 'resume state');
      const saved = resumeResponse.ok ? await resumeResponse.text() : '';
      await cmi5('initialized');
      const mastery = launchData.masteryScore;
      return {
        suspendData: saved === '' ? null : saved,
        passMark: typeof mastery === 'number' ? Math.round(mastery * 10000) / 100 : null,
      };
    },
    saveProgress(suspendData) {
      return inOrder(async () => {
        const response = await fetch(stateUrl(RESUME_STATE_ID), {
          method: 'PUT',
          headers: headers(true),
          body: suspendData,
        });
        await check(response, 'resume state');
      });
    },
    answered(interaction, _index, details) {
      return send(answeredStatement(frame(), interaction, details));
    },
    async finished(result) {
      if (judged()) {
        if (result.passed === null) await send(scoredStatement(frame(), result));
        else
          await cmi5(result.passed ? 'passed' : 'failed', {
            result,
            masteryScore: launchData.masteryScore,
          });
        await cmi5('completed', { result });
      }
      const cleared = await fetch(stateUrl(RESUME_STATE_ID), {
        method: 'DELETE',
        headers: headers(false),
      });
      if (cleared.status !== 404) await check(cleared, 'resume state');
      // The level was the whole assignable unit: its session ends with the debrief.
      await cmi5('terminated', { durationMs: result.sessionMs });
    },
    leave(sessionMs, finished) {
      if (finished) return;
      // keepalive lets the last statement outlive the page.
      void send(cmi5Statement(frame(), 'terminated', { durationMs: sessionMs }), true).catch(
        () => {},
      );
    },
  };
}
