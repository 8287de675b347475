/**
 * Progress that survives school machines: Chromebooks often wipe local data at
 * sign-out, so a student carries their save away as a short code (or a file holding
 * it) and restores it on any machine. The code wraps the ordinary save text with a
 * SHA-256 checksum, and the save is read by parseProgress, which migrates older save
 * versions and never throws.
 */
import { type Progress, parseProgress, serializeProgress } from '../progress';
import { sha256Text as checksum } from './canonical';
import { type DecodeProblem, decodeCode, encodeCode } from './codec';

export const PROGRESS_KIND = 'p';
export const PROGRESS_CODE_VERSION = 1;
export const PROGRESS_LIMITS = { maxChars: 200_000, maxBytes: 2 * 1024 * 1024 };

export type TransferProblem =
  | DecodeProblem
  | { reason: 'checksum' }
  | { reason: 'unreadable-save'; detail: string };

export type ReadTransfer = { ok: true; progress: Progress } | ({ ok: false } & TransferProblem);

export function encodeProgressCode(progress: Progress): string {
  const save = serializeProgress(progress);
  return encodeCode(PROGRESS_KIND, PROGRESS_CODE_VERSION, { save, checksum: checksum(save) });
}

export function decodeProgressCode(code: string): ReadTransfer {
  const decoded = decodeCode(code, PROGRESS_KIND, PROGRESS_CODE_VERSION, PROGRESS_LIMITS);
  if (!decoded.ok) return decoded;
  const { save, checksum: given } = (decoded.value ?? {}) as { save?: unknown; checksum?: unknown };
  if (typeof save !== 'string' || given !== checksum(save))
    return { ok: false, reason: 'checksum' };
  const loaded = parseProgress(save);
  if (loaded.status === 'too-new') {
    // parseProgress read a version number to say "too new", so this parse succeeds.
    const { version } = JSON.parse(save) as { version: number };
    return { ok: false, reason: 'too-new', version };
  }
  if (loaded.status === 'corrupt')
    return { ok: false, reason: 'unreadable-save', detail: loaded.reason };
  return { ok: true, progress: loaded.progress };
}
