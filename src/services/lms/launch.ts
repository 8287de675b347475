/**
 * Whether a learning platform launched the game, read from the launch URL alone. This
 * is all of the LMS code the page loads up front; the rest (lms/reporter.ts) is a chunk
 * of its own, fetched only when this finds a launch.
 *
 * A package's launch URL carries `lms=scorm12|scorm2004|cmi5`, then `level=` and
 * optionally `mode=` and `pass=`, or `check=pre|post` for the headline check (see
 * scripts/package.ts). A cmi5 LMS adds `endpoint`, `fetch`,
 * `actor`, `registration` and `activityId`; without them there is nothing to report to.
 */
import { MODES, type Mode } from '../../core/mode-names';

export type LmsKind = 'scorm12' | 'scorm2004' | 'cmi5';

export interface Cmi5LaunchParams {
  endpoint: string;
  fetchUrl: string;
  actor: string;
  registration: string;
  activityId: string;
}

export type CheckUnit = 'pre' | 'post';

export interface LmsLaunch {
  kind: LmsKind;
  /** The unit is one level, or the headline check before or after play. */
  levelId: string | null;
  check: CheckUnit | null;
  mode: Mode | null;
  /** The package's pass mark in percent; the LMS's own mastery score wins over it. */
  passMark: number | null;
  cmi5: Cmi5LaunchParams | null;
}

export function lmsLaunchFrom(params: URLSearchParams): LmsLaunch | null {
  const kind = params.get('lms');
  const levelId = params.get('level') || null;
  const checkParam = params.get('check');
  const check = checkParam === 'pre' || checkParam === 'post' ? checkParam : null;
  if (kind !== 'scorm12' && kind !== 'scorm2004' && kind !== 'cmi5') return null;
  if ((levelId === null) === (check === null)) return null;
  const modeParam = params.get('mode');
  const mode = (MODES as readonly string[]).includes(modeParam ?? '') ? (modeParam as Mode) : null;
  const passParam = params.get('pass');
  const pass = passParam ? Number(passParam) : Number.NaN;
  const passMark = pass >= 0 && pass <= 100 ? pass : null;
  let cmi5: Cmi5LaunchParams | null = null;
  if (kind === 'cmi5') {
    const [endpoint, fetchUrl, actor, registration, activityId] = [
      'endpoint',
      'fetch',
      'actor',
      'registration',
      'activityId',
    ].map((name) => params.get(name));
    if (!endpoint || !fetchUrl || !actor || !registration || !activityId) return null;
    cmi5 = { endpoint, fetchUrl, actor, registration, activityId };
  }
  return { kind, levelId, check, mode, passMark, cmi5 };
}
