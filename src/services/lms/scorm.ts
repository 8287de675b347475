/**
 * The SCORM side of an LMS launch: the LMS's API object found in a parent frame (or
 * the opener), SCORM 1.2 `API` or 2004 `API_1484_11`. Calls are synchronous; a call the
 * LMS refuses becomes a rejected promise with the LMS's own error text.
 */
import {
  isoDuration,
  type ScormField,
  scorm12InteractionFields,
  scorm12ResultFields,
  scorm12Timespan,
  scorm2004InteractionFields,
  scorm2004ResultFields,
} from '../../core/lms';
import { type LmsClient, LmsRefused, type LmsStart } from './client';

/** The calls both versions share, under each version's names. */
interface ScormCalls {
  initialize(): string;
  get(element: string): string;
  set(element: string, value: string): string;
  commit(): string;
  finish(): string;
  lastError(): string;
  errorText(code: string): string;
}

/** SCORM 1.2 caps suspend data at 4096 characters, 2004 at 64000. */
const SUSPEND_LIMIT = { scorm12: 4096, scorm2004: 64000 } as const;

function findApi(
  name: 'API' | 'API_1484_11',
): Record<string, (...args: string[]) => string> | null {
  const look = (start: Window | null): Record<string, (...args: string[]) => string> | null => {
    let frame = start;
    // The standard's search: up the parents, at most a few levels (other origins throw).
    for (let depth = 0; frame && depth < 8; depth++) {
      try {
        const api = (frame as unknown as Record<string, unknown>)[name];
        if (api) return api as Record<string, (...args: string[]) => string>;
      } catch {
        return null;
      }
      if (frame.parent === frame) break;
      frame = frame.parent;
    }
    return null;
  };
  return look(window) ?? look(window.opener as Window | null);
}

function callsFor(version: 'scorm12' | 'scorm2004'): ScormCalls | null {
  if (version === 'scorm12') {
    const api = findApi('API');
    if (!api) return null;
    return {
      initialize: () => api.LMSInitialize?.('') ?? 'false',
      get: (element) => api.LMSGetValue?.(element) ?? '',
      set: (element, value) => api.LMSSetValue?.(element, value) ?? 'false',
      commit: () => api.LMSCommit?.('') ?? 'false',
      finish: () => api.LMSFinish?.('') ?? 'false',
      lastError: () => api.LMSGetLastError?.() ?? '',
      errorText: (code) => api.LMSGetErrorString?.(code) ?? '',
    };
  }
  const api = findApi('API_1484_11');
  if (!api) return null;
  return {
    initialize: () => api.Initialize?.('') ?? 'false',
    get: (element) => api.GetValue?.(element) ?? '',
    set: (element, value) => api.SetValue?.(element, value) ?? 'false',
    commit: () => api.Commit?.('') ?? 'false',
    finish: () => api.Terminate?.('') ?? 'false',
    lastError: () => api.GetLastError?.() ?? '',
    errorText: (code) => api.GetErrorString?.(code) ?? '',
  };
}

export function scormClient(version: 'scorm12' | 'scorm2004'): LmsClient {
  const calls = callsFor(version);
  const v12 = version === 'scorm12';
  const fail = (what: string): never => {
    const code = calls?.lastError() ?? '';
    throw new LmsRefused(`${what}: error ${code} ${calls?.errorText(code) ?? ''}`.trim());
  };
  const api = (): ScormCalls =>
    calls ?? fail(`no SCORM ${v12 ? '1.2' : '2004'} API in a parent frame`);
  const write = (fields: readonly ScormField[]) => {
    for (const [element, value] of fields)
      if (api().set(element, value) !== 'true') fail(`set ${element}`);
    if (api().commit() !== 'true') fail('commit');
  };
  let firstInteraction = 0;

  return {
    async begin(): Promise<LmsStart> {
      if (api().initialize() !== 'true') fail('initialize');
      const entry = api().get(v12 ? 'cmi.core.entry' : 'cmi.entry');
      const saved = api().get('cmi.suspend_data');
      firstInteraction = Number(api().get('cmi.interactions._count')) || 0;
      const status = api().get(v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status');
      if (status === 'not attempted' || status === 'unknown' || status === '')
        write([[v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status', 'incomplete']]);
      const mastery = api().get(
        v12 ? 'cmi.student_data.mastery_score' : 'cmi.scaled_passing_score',
      );
      const passMark =
        mastery === '' || Number.isNaN(Number(mastery)) ? null : Number(mastery) * (v12 ? 1 : 100);
      return { suspendData: entry === 'resume' && saved !== '' ? saved : null, passMark };
    },
    async saveProgress(suspendData) {
      // Too long for this LMS: the attempt still counts, only a relaunch starts over.
      if (suspendData.length > SUSPEND_LIMIT[version]) return;
      write([
        ['cmi.suspend_data', suspendData],
        [v12 ? 'cmi.core.exit' : 'cmi.exit', 'suspend'],
      ]);
    },
    async answered(interaction, index, details) {
      const at = firstInteraction + index;
      write(
        v12
          ? scorm12InteractionFields(details.levelId, at, interaction)
          : scorm2004InteractionFields(details.levelId, at, interaction),
      );
    },
    async finished(result) {
      write(v12 ? scorm12ResultFields(result) : scorm2004ResultFields(result));
    },
    leave(sessionMs, finished) {
      if (!calls) return;
      if (!finished)
        calls.set(
          v12 ? 'cmi.core.session_time' : 'cmi.session_time',
          v12 ? scorm12Timespan(sessionMs) : isoDuration(sessionMs),
        );
      calls.commit();
      calls.finish();
    },
  };
}
