/**
 * Compact text codes for links, results and progress: JSON, deflated (fflate), in
 * base64url (@scure/base) so they survive URLs, QR codes, chat and copy-paste, behind
 * a short prefix that names what the code is and its format version ("w1.", "r1."...).
 *
 * Codes come from outside (a link, a pasted text), so decoding never throws: it
 * returns a reason, and it refuses codes and inflated texts over a size limit before
 * parsing them (a deflate "bomb" stops at the limit, it does not fill the memory).
 */
import { base64urlnopad } from '@scure/base';
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';

export type DecodeProblem =
  | { reason: 'empty' }
  | { reason: 'foreign'; expected: string }
  | { reason: 'too-new'; version: number }
  | { reason: 'too-long'; limit: number }
  | { reason: 'garbled' };

export type Decoded = { ok: true; value: unknown } | ({ ok: false } & DecodeProblem);

export function encodeCode(kind: string, version: number, value: unknown): string {
  const packed = deflateSync(strToU8(JSON.stringify(value)), { level: 9 });
  return `${kind}${version}.${base64urlnopad.encode(packed)}`;
}

/**
 * Reads a code of this kind. `maxVersion` is the newest format this build reads;
 * `maxChars` bounds the code and `maxBytes` the inflated JSON.
 */
export function decodeCode(
  text: string,
  kind: string,
  maxVersion: number,
  limits: { maxChars: number; maxBytes: number },
): Decoded {
  // Codes pasted from chat or mail gain spaces and line breaks; they carry no meaning.
  const code = text.replace(/\s+/g, '');
  if (code === '') return { ok: false, reason: 'empty' };
  if (code.length > limits.maxChars)
    return { ok: false, reason: 'too-long', limit: limits.maxChars };
  const match = /^([a-z]+)(\d{1,4})\.([A-Za-z0-9_-]+)$/.exec(code);
  if (!match || match[1] !== kind) return { ok: false, reason: 'foreign', expected: kind };
  const version = Number(match[2]);
  if (version > maxVersion) return { ok: false, reason: 'too-new', version };
  try {
    const json = inflateLimited(base64urlnopad.decode(match[3] as string), limits.maxBytes);
    if (json === null) return { ok: false, reason: 'too-long', limit: limits.maxChars };
    return { ok: true, value: JSON.parse(strFromU8(json)) };
  } catch {
    return { ok: false, reason: 'garbled' };
  }
}

/** Inflates at most maxBytes; null when the data would inflate to more. */
export function inflateLimited(data: Uint8Array, maxBytes: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooBig = false;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > maxBytes) tooBig = true;
    else chunks.push(chunk);
  });
  // Feed in slices so an oversized stream is noticed early rather than after inflating all of it.
  const slice = 4096;
  for (let offset = 0; offset < data.length && !tooBig; offset += slice) {
    inflate.push(data.subarray(offset, offset + slice), offset + slice >= data.length);
  }
  if (tooBig) return null;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
