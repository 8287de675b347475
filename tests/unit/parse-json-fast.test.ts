/**
 * parseUntrustedJson takes a fast path (JSON.parse plus a key count) for sound files and
 * builds jsonc-parser's located tree only when something is wrong or must be located.
 * Both paths must agree: same value, same refusals, same places.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUntrustedJson } from '../../src/core/level/parse-json';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function hasForbiddenKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasForbiddenKey);
  if (value === null || typeof value !== 'object') return false;
  return Object.keys(value).some(
    (key) => FORBIDDEN.has(key) || hasForbiddenKey(value[key as never]),
  );
}

describe('the fast path of parseUntrustedJson', () => {
  it('gives the value JSON.parse gives, for any JSON without forbidden keys', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, pretty) => {
        fc.pre(!hasForbiddenKey(value));
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const parsed = parseUntrustedJson(text);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.json.value).toEqual(JSON.parse(text));
      }),
    );
  });

  it('is not fooled by quotes, colons and backslashes inside strings', () => {
    const text = '{"a\\":b": "c:d", "x": ["\\":", "\\\\"], "e\\\\": {"f": ":"}}';
    const parsed = parseUntrustedJson(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.json.value).toEqual(JSON.parse(text));
  });

  it('still refuses a repeated key, deep down, with its place', () => {
    const parsed = parseUntrustedJson('{\n  "a": [{"b": 1,\n "b": 2}]\n}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems).toEqual([
        expect.objectContaining({ code: 'json.duplicate-key', path: 'a[0].b', line: 3, column: 2 }),
      ]);
  });

  it('locates paths in a sound file', () => {
    const parsed = parseUntrustedJson('{\n  "posts": [\n    {"id": "p1"}\n  ]\n}');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.json.locate(['posts', 0, 'id'])).toEqual({ line: 3, column: 6 });
      // A missing key points at its nearest existing parent.
      expect(parsed.json.locate(['posts', 0, 'text'])).toEqual({ line: 3, column: 5 });
    }
  });
});
