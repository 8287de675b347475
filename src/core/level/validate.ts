/**
 * The one validator behind `npm run levels:check` and the game's level loading:
 * untrusted JSON -> schema -> cross-checks, every problem reported with its place.
 *
 * The cross-checks (ids, authors, tactics, languages, evidence) also run when the
 * schema fails, on whichever parts of the file are sound, so a trainer sees every
 * problem in one go instead of fixing them one run at a time.
 */
import * as v from 'valibot';
import { isPlainObject } from '../plain-object';
import {
  crossCheckLevel,
  duplicateIds,
  languageProblems,
  ProblemList,
  type RawProblem,
} from './cross-checks';
import { decodeUtf8, type ParsedJson, parseUntrustedJson } from './parse-json';
import { formatJsonPath, MAX_PROBLEMS, type Problem, shorten } from './problem';
import { type Level, LevelSchema, type Taxonomy, TaxonomySchema } from './schema';

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export interface LevelValidationOptions {
  /** Tactic ids every level may use (the taxonomy's). */
  builtInTactics: readonly string[];
  /** Languages each level must provide: the game's shipped locales, for shipped levels. */
  requiredLanguages?: readonly string[];
}

export interface TaxonomyValidationOptions {
  /** Languages the taxonomy must provide: the game's shipped locales. */
  requiredLanguages?: readonly string[];
}

export function validateLevelSource(
  source: string | Uint8Array,
  options: LevelValidationOptions,
): Validated<Level> {
  return validateSource(source, LevelSchema, (raw, out) => crossCheckLevel(raw, options, out));
}

export function validateTaxonomySource(
  source: string | Uint8Array,
  options: TaxonomyValidationOptions = {},
): Validated<Taxonomy> {
  return validateSource(source, TaxonomySchema, (raw, out) => {
    duplicateIds(raw.tactics, ['tactics'], out);
    languageProblems(raw, TaxonomySchema, options.requiredLanguages ?? [], out);
  });
}

function validateSource<S extends v.GenericSchema>(
  source: string | Uint8Array,
  schema: S,
  crossCheck: (raw: Record<string, unknown>, out: ProblemList) => void,
): Validated<v.InferOutput<S>> {
  let text: string;
  if (typeof source === 'string') text = source;
  else {
    const decoded = decodeUtf8(source);
    if (!decoded.ok) return decoded;
    text = decoded.text;
  }
  const parsed = parseUntrustedJson(text);
  if (!parsed.ok) return parsed;
  const { json } = parsed;
  if (!isPlainObject(json.value)) {
    return {
      ok: false,
      problems: [
        {
          path: '',
          code: 'json.not-object',
          params: { found: describe(json.value) },
          ...json.locate([]),
        },
      ],
    };
  }
  const result = v.safeParse(schema, json.value, { abortEarly: false });
  const issues = result.issues ?? [];
  const crossChecked = new ProblemList();
  crossCheck(json.value, crossChecked);
  // Only the problems that can be shown are placed in the source: placing costs time.
  const problems = inFileOrder([
    ...issues.slice(0, MAX_PROBLEMS).map((issue) => problemFromIssue(issue, json)),
    ...crossChecked.items.map((raw) => locate(raw, json)),
  ]);
  if (result.success && problems.length === 0) return { ok: true, value: result.output };
  const shown = problems.slice(0, MAX_PROBLEMS);
  if (problems.length > MAX_PROBLEMS || issues.length > MAX_PROBLEMS) {
    shown.push({ path: '', code: 'level.more-problems', params: { max: MAX_PROBLEMS } });
  }
  return { ok: false, problems: shown };
}

function locate(raw: RawProblem, json: ParsedJson): Problem {
  return {
    path: formatJsonPath(raw.path),
    code: raw.code,
    params: raw.params ?? {},
    ...json.locate(raw.path),
  };
}

/** Top to bottom, as a trainer reads the file; problems of the whole file first. */
function inFileOrder(problems: Problem[]): Problem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
        (a.problem.column ?? 0) - (b.problem.column ?? 0) ||
        a.index - b.index,
    )
    .map((entry) => entry.problem);
}

/**
 * A valibot issue as a problem with a `validation` i18n code. Custom messages in the
 * schema are already codes; the rest are mapped here by issue type.
 */
export function problemFromIssue(
  issue: v.BaseIssue<unknown>,
  json: Pick<ParsedJson, 'locate'>,
): Problem {
  const path = (issue.path ?? []).map((item) => item.key as string | number);
  const base = { path: formatJsonPath(path), ...json.locate(path) };
  const field = String(path[path.length - 1] ?? '');
  const received = describe(issue.input);
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    return { ...base, code: 'schema.unknown-field', params: { field: shorten(field) } };
  }
  // JSON has no `undefined`: the field is simply not there.
  if (issue.input === undefined) return { ...base, code: 'schema.missing', params: { field } };
  if (issue.message.startsWith('schema.')) {
    return {
      ...base,
      code: issue.message,
      params: { expected: choices(issue.expected), received },
    };
  }
  const length =
    Array.isArray(issue.input) || typeof issue.input === 'string' ? issue.input.length : 0;
  switch (issue.type) {
    case 'min_length':
      return {
        ...base,
        code: 'schema.too-few',
        params: { min: requirement(issue), count: length },
      };
    case 'max_length':
      return Array.isArray(issue.input)
        ? { ...base, code: 'schema.too-many', params: { max: requirement(issue), count: length } }
        : { ...base, code: 'schema.too-long', params: { max: requirement(issue), length } };
    case 'min_value':
      return { ...base, code: 'schema.too-small', params: { min: requirement(issue), received } };
    case 'max_value':
      return { ...base, code: 'schema.too-big', params: { max: requirement(issue), received } };
    case 'integer':
      return { ...base, code: 'schema.integer', params: { received } };
    default: {
      const code = EXPECTED_CODES[issue.expected ?? ''];
      if (code) return { ...base, code, params: { received } };
      return {
        ...base,
        code: 'schema.type',
        params: { expected: choices(issue.expected), received },
      };
    }
  }
}

/** valibot's `expected` for a wrong type, and the message that says it in plain words. */
const EXPECTED_CODES: Record<string, string> = {
  string: 'schema.expected-text',
  number: 'schema.expected-number',
  boolean: 'schema.expected-boolean',
  Object: 'schema.expected-object',
  Array: 'schema.expected-list',
};

function requirement(issue: v.BaseIssue<unknown>): string | number {
  const value = (issue as { requirement?: unknown }).requirement;
  return typeof value === 'number' || typeof value === 'string' ? value : '';
}

/** `("text" | "image")` -> `"text", "image"`. */
function choices(expected: string | null): string {
  if (!expected) return '';
  return expected
    .replace(/^\((.*)\)$/, '$1')
    .split(' | ')
    .join(', ');
}

/** A value as a trainer would see it in the file, short and language-neutral. */
function describe(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return '[ … ]';
  if (typeof value === 'object' && value !== null) return '{ … }';
  if (typeof value === 'string') return JSON.stringify(shorten(value, 40));
  return String(value);
}
