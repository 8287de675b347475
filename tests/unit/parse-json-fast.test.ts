/**
 * parseUntrustedJson takes a fast path (JSON.parse plus a key count) for sound files and
 * builds jsonc-parser's located tree only when something is wrong or must be located.
 * It must answer exactly as the tree-only path does: same values, same refusals (repeated
 * and forbidden keys, bad syntax), same problems at the same places.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as jsonc from 'jsonc-parser';
import { describe, expect, it, vi } from 'vitest';
import {
  type ParseJsonResult,
  parseUntrustedJson,
  parseUntrustedJsonWithTree,
} from '../../src/core/level/parse-json';

vi.mock('jsonc-parser', async (original) => {
  const actual = await original<typeof jsonc>();
  return { ...actual, parseTree: vi.fn(actual.parseTree) };
});

type Path = (string | number)[];

/** Every path in a value (at most 30), each also with a key that is not there. */
function pathsIn(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (out.length >= 30) return out;
  out.push(path, [...path, 'missing']);
  if (Array.isArray(value))
    for (const [index, item] of value.entries()) pathsIn(item, [...path, index], out);
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) pathsIn(item, [...path, key], out);
  return out;
}

/** What a caller can observe: the value and where its paths are, or the problems. */
function observed(result: ParseJsonResult, paths: Path[]) {
  if (!result.ok) return { problems: result.problems };
  return { value: result.json.value, places: paths.map((path) => result.json.locate(path)) };
}

function expectSameAnswer(text: string): void {
  const reference = parseUntrustedJsonWithTree(text);
  const paths = reference.ok ? pathsIn(reference.json.value) : [];
  expect(observed(parseUntrustedJson(text), paths)).toEqual(observed(reference, paths));
}

// Few key names, so objects often repeat one; the forbidden ones among them.
const key = fc.oneof(
  fc.constantFrom('a', 'b', '__proto__', 'constructor', 'prototype', 'a"b', 'c:d', '\\', '\u2028'),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const space = fc.constantFrom('', ' ', '\n', '\t', '\r\n ');
const { node } = fc.letrec<{ node: string; leaf: string; array: string; object: string }>(
  (tie) => ({
    node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
    leaf: fc.oneof(
      fc.constantFrom('true', 'false', 'null', '0', '-0', '1e400', '-1.5E-3', '"\\ud800"'),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
      fc.string({ unit: 'binary', maxLength: 6 }).map((s) => JSON.stringify(s)),
    ),
    array: fc
      .tuple(fc.array(tie('node'), { maxLength: 4 }), space)
      .map(([items, gap]) => `[${gap}${items.join(`,${gap}`)}]`),
    object: fc
      .tuple(fc.array(fc.tuple(key, space, tie('node')), { maxLength: 4 }), space)
      .map(
        ([entries, gap]) =>
          `{${gap}${entries.map(([k, s, v]) => `${JSON.stringify(k)}${s}:${s}${v}`).join(',')}}`,
      ),
  }),
);
/** One small edit that often breaks the syntax, or whitespace JSON does not allow. */
const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 2 }),
  insert: fc.constantFrom('', '"', ',', ':', '{', '}', ']', '\\', '/', '\u2028', '\u00a0', '\v'),
});

describe('the fast path of parseUntrustedJson', () => {
  it('answers as the tree-only path does, for any text', () => {
    fc.assert(
      fc.property(node, fc.option(edit), fc.boolean(), (json, change, bom) => {
        let text = json;
        if (change) {
          const at = change.at % (text.length + 1);
          text = text.slice(0, at) + change.insert + text.slice(at + change.remove);
        }
        expectSameAnswer(bom ? `\ufeff${text}` : text);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a repeated or forbidden key deep down, at its place', () => {
    for (const [text, code, path, line, column] of [
      ['{\n  "a": [{"b": 1,\n "b": 2}]\n}', 'json.duplicate-key', 'a[0].b', 3, 2],
      [
        '{"a": {"x": {"__proto__": {"polluted": true}}}}',
        'json.forbidden-key',
        'a.x.__proto__',
        1,
        14,
      ],
      ['{"c": 1, "c\\u0000": 2, "c": 3}', 'json.duplicate-key', 'c', 1, 24],
    ] as const) {
      expectSameAnswer(text);
      const parsed = parseUntrustedJson(text);
      expect(parsed.ok ? [] : parsed.problems).toEqual([
        expect.objectContaining({ code, path, line, column }),
      ]);
    }
  });

  it('is not fooled by quotes, colons and backslashes inside strings', () => {
    expectSameAnswer('{"a\\":b": "c:d", "x": ["\\":", "\\\\"], "e\\\\": {"f": ":"}}');
    // A colon after a string that is a value, not a key, in an array.
    expectSameAnswer('{"k": ["a" , "b"], "k2": "v"}');
  });

  it('reads the shipped levels without building the located tree until asked', () => {
    const parseTree = vi.mocked(jsonc.parseTree);
    for (const name of readdirSync('levels').filter((file) => /^\d.*\.json$/.test(file))) {
      const text = readFileSync(`levels/${name}`, 'utf8');
      parseTree.mockClear();
      const parsed = parseUntrustedJson(text);
      expect(parsed.ok).toBe(true);
      expect(parseTree).not.toHaveBeenCalled();
      if (!parsed.ok) continue;
      expect(parsed.json.value).toEqual(JSON.parse(text));
      // Placing a problem builds the tree once, and it places as the tree-only path does.
      const reference = parseUntrustedJsonWithTree(text);
      parseTree.mockClear();
      for (const path of [['posts', 0, 'id'], ['posts', 1, 'nope'], ['id']])
        expect(parsed.json.locate(path)).toEqual(reference.ok && reference.json.locate(path));
      expect(parseTree).toHaveBeenCalledTimes(1);
    }
  });
});
