/**
 * Files a trainer might produce by accident, or someone might craft on purpose: each is
 * refused with a clear code, never with an exception. A hang fails by the test timeout
 * below; speed is the benchmark's business, not a unit test's (the machines are shared).
 */
import { describe, expect, it } from 'vitest';
import { JSON_LIMITS } from '../../src/core/level/parse-json';
import { MAX_PROBLEMS, type Problem } from '../../src/core/level/problem';
import { type Validated, validateLevelSource } from '../../src/core/level/validate';
import { check, levelText, OPTIONS, validLevel } from './level-fixture';

/** Generous: only an endless loop or a runaway blow-up should reach it. */
const HANG_MS = 60_000;
const encode = (text: string) => new TextEncoder().encode(text);

/** Validates the input as text and as bytes; both must give the same answer without throwing. */
function refuse(input: string | Uint8Array): Problem[] {
  const results: Validated<unknown>[] = [validateLevelSource(input, OPTIONS)];
  if (typeof input === 'string') results.push(validateLevelSource(encode(input), OPTIONS));
  for (const result of results) expect(result.ok).toBe(false);
  const [first, ...others] = results.map((result) => (result.ok ? [] : result.problems));
  for (const other of others) expect(other.map((p) => p.code)).toEqual(first?.map((p) => p.code));
  return first ?? [];
}

const codes = (problems: Problem[]) => [...new Set(problems.map((problem) => problem.code))];

describe('hostile or broken input', { timeout: HANG_MS }, () => {
  it('an empty file, or one with only spaces and line breaks', () => {
    expect(codes(refuse(''))).toEqual(['json.empty']);
    expect(codes(refuse(' \n\t\r\n  '))).toEqual(['json.empty']);
    expect(codes(refuse(new Uint8Array([0xef, 0xbb, 0xbf])))).toEqual(['json.empty']);
  });

  it('a level cut short at any point says where it stops, never that it is valid', () => {
    const text = levelText(validLevel());
    for (const fraction of [0.01, 0.1, 0.33, 0.5, 0.9, 0.999]) {
      const cut = text.slice(0, Math.floor(text.length * fraction));
      const problems = refuse(cut);
      expect(problems[0]?.code).toMatch(/^json\./);
      expect(problems[0]?.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('bytes that are not UTF-8 (a Latin-1 file)', () => {
    const latin1 = new Uint8Array([...encode('{"title": {"en": "Caf'), 0xe9, ...encode('"}}')]);
    expect(refuse(latin1)).toEqual([
      { path: '', code: 'json.not-utf8', params: {}, line: 1, column: 22 },
    ]);
    expect(codes(refuse(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00])))).toEqual([
      'json.not-utf8',
    ]);
  });

  it('a UTF-8 byte-order mark, as some editors save, is accepted', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(levelText(validLevel()))]);
    expect(validateLevelSource(bytes, OPTIONS).ok).toBe(true);
    expect(validateLevelSource(`\ufeff${levelText(validLevel())}`, OPTIONS).ok).toBe(true);
  });

  it.each([
    ['[]', '[ … ]'],
    ['[{"id": "x"}]', '[ … ]'],
    ['42', '42'],
    ['"a level"', '"a level"'],
    ['null', 'null'],
    ['true', 'true'],
  ])('a file holding %s instead of an object', (text, found) => {
    expect(refuse(text)).toEqual([
      { path: '', code: 'json.not-object', params: { found }, line: 1, column: 1 },
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'the key %s, anywhere, without polluting objects',
    (key) => {
      const level = levelText(validLevel()).replace(
        '"en": "Fixture"',
        `"en": "Fixture", "${key}": {"polluted": true}`,
      );
      const problems = refuse(level);
      expect(problems).toEqual([
        expect.objectContaining({
          path: `title.${key}`,
          code: 'json.forbidden-key',
          params: { key },
        }),
      ]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(codes(refuse(`{"${key}": 1}`))).toEqual(['json.forbidden-key']);
    },
  );

  it('nesting 20,000 deep, with arrays or objects', () => {
    const arrays = refuse('['.repeat(20_000) + ']'.repeat(20_000));
    expect(arrays).toEqual([
      {
        path: '',
        code: 'json.too-deep',
        params: { max: 64 },
        line: 1,
        column: JSON_LIMITS.maxDepth + 1,
      },
    ]);
    expect(codes(refuse(`${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`))).toEqual([
      'json.too-deep',
    ]);
    // Unclosed, as a crafted file would be.
    expect(codes(refuse('['.repeat(20_000)))).toEqual(['json.too-deep']);
  });

  it('brackets inside texts do not count as nesting', () => {
    const level = validLevel();
    level.posts[0].text.en = `He wrote ${'[{'.repeat(100)} and \\"${'['.repeat(100)}`;
    expect(check(level).ok).toBe(true);
  });

  it('a 10 MB file, as bytes or as text', () => {
    const big = `{"id": "${'x'.repeat(10 * 1024 * 1024)}"}`;
    const problems = refuse(big);
    expect(problems).toEqual([
      { path: '', code: 'json.too-large', params: { size: big.length, max: JSON_LIMITS.maxBytes } },
    ]);
  });

  it('1 MiB is allowed, 1 MiB and 1 byte is not', () => {
    const text = levelText(validLevel());
    const padded = (bytes: number) => text + ' '.repeat(bytes - encode(text).byteLength);
    expect(validateLevelSource(encode(padded(JSON_LIMITS.maxBytes)), OPTIONS).ok).toBe(true);
    expect(validateLevelSource(padded(JSON_LIMITS.maxBytes), OPTIONS).ok).toBe(true);
    expect(codes(refuse(padded(JSON_LIMITS.maxBytes + 1)))).toEqual(['json.too-large']);
  });

  it('the size limit counts UTF-8 bytes, also for text that arrives as a string', () => {
    // 400,000 Cyrillic letters: 0.4 M characters, but 0.8 MB, plus the rest of the level.
    const level = validLevel();
    level.posts[0].text.ru = 'я'.repeat(300_000);
    level.posts[1].text.ru = 'я'.repeat(300_000);
    const problems = refuse(levelText(level));
    expect(problems[0]?.code).toBe('json.too-large');
    expect(Number(problems[0]?.params.size)).toBeGreaterThan(JSON_LIMITS.maxBytes);
  });

  it('a very long text is refused with a short message', () => {
    const level = validLevel();
    level.posts[0].text.en = 'spam '.repeat(150_000);
    const problems = refuse(levelText(level));
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'posts[0].text.en',
        code: 'schema.too-long',
        params: { max: 4000, length: 750_000 },
      }),
    );
    expect(JSON.stringify(problems).length).toBeLessThan(2000);
  });

  it('a very long wrong value is quoted only in part', () => {
    const level = validLevel();
    level.platform = 'x'.repeat(100_000);
    const problem = refuse(levelText(level)).find((p) => p.code === 'schema.one-of');
    expect(String(problem?.params.received).length).toBeLessThan(50);
  });

  it('a key written twice, even with the same value', () => {
    const text = levelText(validLevel()).replace('"order": 5,', '"order": 5,\n  "order": 5,');
    expect(refuse(text)).toEqual([
      { path: 'order', code: 'json.duplicate-key', params: { key: 'order' }, line: 5, column: 3 },
    ]);
  });

  it('comments and trailing commas, which some editors allow but JSON does not', () => {
    expect(codes(refuse('{\n  // my level\n  "id": "x"\n}'))).toEqual(['json.InvalidCommentToken']);
    expect(codes(refuse('{"id": "x",}'))).toEqual(['json.PropertyNameExpected']);
  });

  it('huge numbers do not slip through as Infinity', () => {
    const level = levelText(validLevel()).replace('"passMark": 50', '"passMark": 1e999');
    expect(codes(refuse(level))).toEqual(['schema.too-big']);
  });

  it('a file built to produce millions of problems gets the first 200 and a note', () => {
    // 60,000 "languages" times 60,000 empty texts would be 3.6 billion missing texts.
    const languages = Array.from(
      { length: 60_000 },
      (_, i) =>
        `"${i
          .toString(26)
          .replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)] ?? 'q')
          .padStart(3, 'a')}"`,
    );
    const text = `{"languages": [${languages.join(',')}], "goals": [${Array(60_000).fill('{}').join(',')}]}`;
    const problems = refuse(text);
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems.at(-1)).toEqual({
      path: '',
      code: 'level.more-problems',
      params: { max: MAX_PROBLEMS },
    });
  });

  it('ids and keys a mile long are quoted only in part', () => {
    const level = validLevel();
    level.posts[1].author = 'x'.repeat(500_000);
    level.posts[1].truth.explanations['y'.repeat(300_000)] = { en: 'e', ru: 'e' };
    const problems = refuse(levelText(level));
    expect(problems.map((p) => p.code)).toEqual([
      'level.unknown-author',
      'level.explanation-unused',
    ]);
    expect(JSON.stringify(problems).length).toBeLessThan(1000);
  });
});
