/**
 * The class dashboard's results kept in the browser, so a closed tab loses none of
 * them: the result codes (each carries its own checksum, verified again when read),
 * versioned, in one value. Reading never throws.
 */

import { isRecord, readSavedJson } from '../saved-json';

export const DASHBOARD_SAVE_VERSION = 1;
/** A class or several: far more than one facilitator drops in, few enough to stay small. */
export const MAX_SAVED_RESULTS = 500;
/** A result code is a few kB at most; longer strings are not codes of ours. */
const MAX_CODE_LENGTH = 200_000;

export type LoadedDashboard =
  | { status: 'empty' | 'ok'; codes: string[] }
  | { status: 'unreadable'; codes: string[]; reason: string };

export function serializeDashboard(codes: readonly string[]): string {
  return JSON.stringify({
    version: DASHBOARD_SAVE_VERSION,
    codes: codes.slice(-MAX_SAVED_RESULTS),
  });
}

export function parseDashboard(text: string | null): LoadedDashboard {
  const saved = readSavedJson(text);
  if (saved.status === 'empty') return { status: 'empty', codes: [] };
  if (saved.status === 'not-json') return { status: 'unreadable', codes: [], reason: saved.reason };
  const data = saved.value;
  if (!isRecord(data)) return { status: 'unreadable', codes: [], reason: 'not an object' };
  const { version, codes } = data as { version?: unknown; codes?: unknown };
  if (version !== DASHBOARD_SAVE_VERSION)
    return { status: 'unreadable', codes: [], reason: `unknown version ${String(version)}` };
  if (!Array.isArray(codes) || codes.length > MAX_SAVED_RESULTS)
    return { status: 'unreadable', codes: [], reason: 'no list of codes' };
  // Keep every code that is a string of a sane length; the dashboard verifies each one.
  const kept = codes.filter(
    (code): code is string => typeof code === 'string' && code.length <= MAX_CODE_LENGTH,
  );
  return kept.length === codes.length
    ? { status: 'ok', codes: kept }
    : {
        status: 'unreadable',
        codes: kept,
        reason: `${codes.length - kept.length} entries are not codes`,
      };
}
