/**
 * The first step of reading any save (progress, the resumable session, a workshop run,
 * the dashboard): nothing saved, text that is not JSON (and why), or the parsed value.
 * Never throws, so an unreadable save is reported and kept aside, never lost.
 */
export type SavedJson =
  | { status: 'empty' }
  | { status: 'not-json'; reason: string }
  | { status: 'read'; value: unknown };

export function readSavedJson(text: string | null): SavedJson {
  if (text === null || text === '') return { status: 'empty' };
  try {
    return { status: 'read', value: JSON.parse(text) };
  } catch (error) {
    return { status: 'not-json', reason: `not JSON (${(error as Error).message})` };
  }
}

/** A plain JSON object (not null, not an array): the level checks' own test. */
export { isPlainObject as isRecord } from './plain-object';

/** Why a save written by a later version of the game is left alone. */
export function newerSaveReason(version: number): string {
  return `version ${version} is newer than this game`;
}
