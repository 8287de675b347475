/**
 * Untrusted JSON in, a plain value or located problems out. Refuses what could hurt:
 * oversized files, non-UTF-8 bytes, nesting deep enough to exhaust the stack, and keys
 * such as __proto__ that pollute prototypes. jsonc-parser gives offsets for every node,
 * so later problems can name the line and column too.
 */
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Problem } from './problem';

export const JSON_LIMITS = {
  /** A level file may be at most this many bytes (1 MiB). */
  maxBytes: 1024 * 1024,
  /** Objects and arrays may nest at most this deep. */
  maxDepth: 64,
} as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedJson {
  value: unknown;
  /** Where a JSON path starts in the source: 1-based line and column. */
  locate(path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

export type ParseJsonResult = { ok: true; json: ParsedJson } | { ok: false; problems: Problem[] };

export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problems: Problem[] } {
  if (bytes.byteLength > JSON_LIMITS.maxBytes) {
    return { ok: false, problems: [tooLarge(bytes.byteLength)] };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problems: [{ path: '', code: 'json.not-utf8', params: {} }] };
  }
}

export function parseUntrustedJson(source: string): ParseJsonResult {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  // Characters, not bytes: a UTF-8 file of maxBytes bytes never has more characters.
  if (text.length > JSON_LIMITS.maxBytes) return { ok: false, problems: [tooLarge(text.length)] };
  if (text.trim() === '') return { ok: false, problems: [{ path: '', code: 'json.empty', params: {} }] };
  const lines = lineStarts(text);
  const at = (offset: number) => offsetToLineColumn(lines, offset);

  const tooDeep = findTooDeep(text);
  if (tooDeep !== undefined) {
    return {
      ok: false,
      problems: [{ path: '', code: 'json.too-deep', params: { max: JSON_LIMITS.maxDepth }, ...at(tooDeep) }],
    };
  }

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !root) {
    const problems: Problem[] = errors.slice(0, 20).map((error) => ({
      path: '',
      code: `json.${printParseErrorCode(error.error)}`,
      params: {},
      ...at(error.offset),
    }));
    if (problems.length === 0) problems.push({ path: '', code: 'json.empty', params: {} });
    return { ok: false, problems };
  }

  const keyProblems = checkKeys(root, at);
  if (keyProblems.length > 0) return { ok: false, problems: keyProblems };

  return {
    ok: true,
    json: {
      value: toValue(root),
      locate(path) {
        // A missing key points at its nearest existing parent.
        for (let depth = path.length; depth >= 0; depth--) {
          const node = findNodeAtLocation(root, path.slice(0, depth) as (string | number)[]);
          if (node) return at(node.parent?.type === 'property' ? node.parent.offset : node.offset);
        }
        return undefined;
      },
    },
  };
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

function checkKeys(root: Node, at: (offset: number) => { line: number; column: number }): Problem[] {
  const problems: Problem[] = [];
  const visit = (node: Node, path: string) => {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        const childPath = path === '' ? key : `${path}.${key}`;
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ path: childPath, code: 'json.forbidden-key', params: { key }, ...at(keyNode.offset) });
        } else if (seen.has(key)) {
          problems.push({ path: childPath, code: 'json.duplicate-key', params: { key }, ...at(keyNode.offset) });
        }
        seen.add(key);
        if (valueNode) visit(valueNode, childPath);
      }
    } else if (node.type === 'array') {
      node.children?.forEach((child, index) => {
        visit(child, `${path}[${index}]`);
      });
    }
  };
  visit(root, '');
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
