/**
 * Untrusted JSON in, a plain value or located problems out. Refuses what could hurt:
 * oversized files, non-UTF-8 bytes, nesting deep enough to exhaust the stack, and keys
 * such as __proto__ that pollute prototypes. jsonc-parser gives offsets for every node,
 * so later problems can name the line and column too.
 */
import {
  findNodeAtLocation,
  type Node,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser';
import { formatJsonPath, MAX_PROBLEMS, type Problem, shorten } from './problem';

export const JSON_LIMITS = {
  /** A level file may be at most this many bytes (1 MiB). */
  maxBytes: 1024 * 1024,
  /** Objects and arrays may nest at most this deep. */
  maxDepth: 64,
} as const;

/** Syntax errors past the first few are mostly echoes of the first ones. */
const MAX_SYNTAX_PROBLEMS = 20;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedJson {
  value: unknown;
  /** Where a JSON path starts in the source: 1-based line and column. */
  locate(path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

export type ParseJsonResult = { ok: true; json: ParsedJson } | { ok: false; problems: Problem[] };

export function decodeUtf8(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; problems: Problem[] } {
  if (bytes.byteLength > JSON_LIMITS.maxBytes) {
    return { ok: false, problems: [tooLarge(bytes.byteLength)] };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    return {
      ok: false,
      problems: [{ path: '', code: 'json.not-utf8', params: {}, ...byteLineColumn(bytes, offset) }],
    };
  }
}

/** Where a UTF-8 decoder gives up: the first byte that does not start a valid character. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // The allowed range of the second byte excludes overlong forms and surrogates.
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined) return i;
      if (k === 1 ? next < low || next > high : next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Line and column (in characters) of a byte offset; the bytes before it are valid UTF-8. */
function byteLineColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}

export function parseUntrustedJson(source: string): ParseJsonResult {
  return parse(source, true);
}

/**
 * The same refusals, values and places without the fast path: every file goes through
 * jsonc-parser's located tree. The reference the fast path is tested against.
 */
export function parseUntrustedJsonWithTree(source: string): ParseJsonResult {
  return parse(source, false);
}

function parse(source: string, fastPath: boolean): ParseJsonResult {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  // The limit is on the file's UTF-8 bytes, however the text arrived.
  const size = utf8Length(text);
  if (size > JSON_LIMITS.maxBytes) return { ok: false, problems: [tooLarge(size)] };
  if (text.trim() === '')
    return { ok: false, problems: [{ path: '', code: 'json.empty', params: {} }] };
  const lines = lineStarts(text);
  const at = (offset: number) => offsetToLineColumn(lines, offset);

  const tooDeep = findTooDeep(text);
  if (tooDeep !== undefined) {
    return {
      ok: false,
      problems: [
        { path: '', code: 'json.too-deep', params: { max: JSON_LIMITS.maxDepth }, ...at(tooDeep) },
      ],
    };
  }

  // Fast path for the usual case, a sound file: the engine's parser, plus a check that no
  // key repeats or pollutes. jsonc-parser's tree (offsets for every node) costs several
  // times more, so it is built only to locate a problem or to report bad syntax.
  const fast = fastPath ? parseSound(text) : undefined;
  if (fast) {
    let tree: Node | undefined;
    return {
      ok: true,
      json: {
        value: fast.value,
        locate(path) {
          tree ??= parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
          return tree ? locateIn(tree, path, at) : undefined;
        },
      },
    };
  }

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !root) {
    const problems: Problem[] = [];
    for (const error of errors) {
      const where = at(error.offset);
      // After one mistake the parser often trips again on the same line ("comma
      // expected", then "value expected"): only the first of those helps a trainer.
      if (problems.at(-1)?.line === where.line) continue;
      problems.push({
        path: '',
        code: `json.${printParseErrorCode(error.error)}`,
        params: {},
        ...where,
      });
      if (problems.length === MAX_SYNTAX_PROBLEMS) break;
    }
    if (problems.length === 0) problems.push({ path: '', code: 'json.empty', params: {} });
    return { ok: false, problems };
  }

  const keyProblems = checkKeys(root, at);
  if (keyProblems.length > 0) return { ok: false, problems: keyProblems };

  return {
    ok: true,
    json: {
      value: toValue(root),
      locate: (path) => locateIn(root, path, at),
    },
  };
}

/** Where a path starts; a missing key points at its nearest existing parent. */
function locateIn(
  root: Node,
  path: readonly (string | number)[],
  at: (offset: number) => { line: number; column: number },
): { line: number; column: number } | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth) as (string | number)[]);
    if (node) return at(node.parent?.type === 'property' ? node.parent.offset : node.offset);
  }
  return undefined;
}

/**
 * The value of text that JSON.parse accepts and whose keys are all allowed and unique
 * within their object; undefined otherwise (the full path then says what is wrong).
 * A repeated key leaves fewer keys in the parsed objects than the text names.
 */
function parseSound(text: string): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  let parsedKeys = 0;
  let forbidden = false;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        parsedKeys++;
        if (FORBIDDEN_KEYS.has(key)) forbidden = true;
        walk((node as Record<string, unknown>)[key]);
      }
    }
  };
  walk(value);
  return !forbidden && parsedKeys === keysInText(text) ? { value } : undefined;
}

/** Keys named in valid JSON text: strings followed by a colon. */
function keysInText(text: string): number {
  let keys = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 0x22) continue;
    // Skip to the closing quote; a backslash escapes the next character.
    for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++)
      if (text.charCodeAt(i) === 0x5c) i++;
    let next = i + 1;
    while (next < text.length && /\s/.test(text.charAt(next))) next++;
    if (text.charCodeAt(next) === 0x3a) keys++;
  }
  return keys;
}

/** UTF-8 bytes of a string, counted without encoding a copy of it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function tooLarge(size: number): Problem {
  return { path: '', code: 'json.too-large', params: { size, max: JSON_LIMITS.maxBytes } };
}

/** Offset of the first bracket that nests deeper than the limit, scanning iteratively. */
function findTooDeep(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > JSON_LIMITS.maxDepth) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

function checkKeys(
  root: Node,
  at: (offset: number) => { line: number; column: number },
): Problem[] {
  const problems: Problem[] = [];
  const visit = (node: Node, path: (string | number)[]) => {
    if (problems.length > MAX_PROBLEMS) return;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        const code = FORBIDDEN_KEYS.has(key)
          ? 'json.forbidden-key'
          : seen.has(key)
            ? 'json.duplicate-key'
            : '';
        if (code !== '' && problems.length === MAX_PROBLEMS) {
          problems.push({ path: '', code: 'level.more-problems', params: {} });
          return;
        }
        if (code !== '') {
          problems.push({
            path: formatJsonPath([...path, key]),
            code,
            params: { key: shorten(key) },
            ...at(keyNode.offset),
          });
        }
        seen.add(key);
        if (valueNode) visit(valueNode, [...path, key]);
      }
    } else if (node.type === 'array') {
      node.children?.forEach((child, index) => {
        visit(child, [...path, index]);
      });
    }
  };
  visit(root, []);
  return problems;
}

/** Builds the value from the tree; keys were checked, so plain objects are safe. */
function toValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (keyNode && valueNode) object[String(keyNode.value)] = toValue(valueNode);
      }
      return object;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) starts.push(i + 1);
  return starts;
}

function offsetToLineColumn(starts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}
