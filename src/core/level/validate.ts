/**
 * The one validator behind `npm run levels:check` and the game's level loading:
 * untrusted JSON -> schema -> cross-checks, every problem reported with its place.
 */
import * as v from 'valibot';
import { LURE_ID } from '../taxonomy';
import { decodeUtf8, type ParsedJson, parseUntrustedJson } from './parse-json';
import { formatJsonPath, type Problem } from './problem';
import { type Level, LevelSchema, type LocalizedText, type Taxonomy, TaxonomySchema } from './schema';

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export interface LevelValidationOptions {
  /** Tactic ids every level may use (the taxonomy's). */
  builtInTactics: readonly string[];
  /** Languages each level must provide: the game's shipped locales, for shipped levels. */
  requiredLanguages?: readonly string[];
}

const MAX_LISTED = 12;

export function validateLevelSource(
  source: string | Uint8Array,
  options: LevelValidationOptions,
): Validated<Level> {
  return validateSource(source, LevelSchema, (level) => crossCheckLevel(level, options));
}

export function validateTaxonomySource(source: string | Uint8Array): Validated<Taxonomy> {
  return validateSource(source, TaxonomySchema, (taxonomy) => [
    ...duplicateIds(taxonomy.tactics.map((tactic) => tactic.id), ['tactics']),
    ...missingLanguages(taxonomy, taxonomy.languages),
  ]);
}

function validateSource<S extends v.GenericSchema>(
  source: string | Uint8Array,
  schema: S,
  crossCheck: (value: v.InferOutput<S>) => RawProblem[],
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
  if (typeof json.value !== 'object' || json.value === null || Array.isArray(json.value)) {
    return {
      ok: false,
      problems: [{ path: '', code: 'json.not-object', params: { found: describe(json.value) }, line: 1, column: 1 }],
    };
  }
  const result = v.safeParse(schema, json.value, { abortEarly: false });
  if (!result.success) {
    return { ok: false, problems: result.issues.map((issue) => schemaProblem(issue, json)) };
  }
  const problems = crossCheck(result.output).map((raw) => locate(raw, json));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: result.output };
}

/** A cross-check problem before it is placed in the source. */
interface RawProblem {
  path: (string | number)[];
  code: string;
  params?: Record<string, string | number>;
}

function locate(raw: RawProblem, json: ParsedJson): Problem {
  return { path: formatJsonPath(raw.path), code: raw.code, params: raw.params ?? {}, ...json.locate(raw.path) };
}

function schemaProblem(issue: v.BaseIssue<unknown>, json: ParsedJson): Problem {
  const path = (issue.path ?? []).map((item) => item.key as string | number);
  const where = json.locate(path);
  const base = { path: formatJsonPath(path), ...where };
  const received = describe(issue.input);
  // Custom messages in the schema are already i18n keys.
  if (issue.message.startsWith('schema.')) {
    return { ...base, code: issue.message, params: { expected: issue.expected ?? '', received } };
  }
  const field = String(path[path.length - 1] ?? '');
  switch (issue.type) {
    case 'strict_object':
      return { ...base, code: 'schema.unknown-field', params: { field } };
    case 'min_length':
      return { ...base, code: 'schema.too-few', params: { min: requirement(issue) } };
    case 'max_length':
      return { ...base, code: 'schema.too-long', params: { max: requirement(issue) } };
    case 'min_value':
      return { ...base, code: 'schema.too-small', params: { min: requirement(issue), received } };
    case 'max_value':
      return { ...base, code: 'schema.too-big', params: { max: requirement(issue), received } };
    case 'integer':
      return { ...base, code: 'schema.integer', params: { received } };
    default:
      if (issue.input === undefined && issue.kind === 'schema') {
        return { ...base, code: 'schema.missing', params: { field } };
      }
      return {
        ...base,
        code: 'schema.type',
        params: { expected: plainExpected(issue.expected), received },
      };
  }
}

function requirement(issue: v.BaseIssue<unknown>): string | number {
  const value = (issue as { requirement?: unknown }).requirement;
  return typeof value === 'number' || typeof value === 'string' ? value : '';
}

function plainExpected(expected: string | null): string {
  if (!expected) return '';
  return expected.replace(/^Object$/, 'an object (in { })').replace(/^Array$/, 'a list (in [ ])');
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  return String(value);
}

function listed(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(', ');
  return items.length > MAX_LISTED ? `${shown}, …` : shown;
}

function duplicateIds(ids: readonly string[], at: (string | number)[]): RawProblem[] {
  const seen = new Set<string>();
  const problems: RawProblem[] = [];
  ids.forEach((id, index) => {
    if (seen.has(id)) problems.push({ path: [...at, index, 'id'], code: 'level.duplicate-id', params: { id } });
    seen.add(id);
  });
  return problems;
}

/** Walks every LocalizedText in a value (objects whose keys are all language tags). */
function missingLanguages(value: unknown, languages: readonly string[]): RawProblem[] {
  const problems: RawProblem[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        walk(child, [...path, index]);
      });
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    if (isLocalizedTextPath(path)) {
      const text = node as LocalizedText;
      for (const lang of languages) {
        if (!text[lang]?.trim()) problems.push({ path: [...path], code: 'level.missing-language', params: { lang } });
      }
      for (const lang of Object.keys(text)) {
        if (!languages.includes(lang)) {
          problems.push({
            path: [...path, lang],
            code: 'level.undeclared-language',
            params: { lang, languages: languages.join(', ') },
          });
        }
      }
      return;
    }
    for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(value, []);
  return problems;
}

const TEXT_FIELDS = new Set([
  'title', 'briefing', 'debrief', 'name', 'short', 'explanation', 'bio', 'text', 'media', 'group',
  'sound', 'whyGenuine', 'author',
]);
const TEXT_LIST_FIELDS = new Set(['goals', 'discussion', 'tells', 'history', 'evidence']);

/** Which paths hold a LocalizedText, by the field that holds them. */
function isLocalizedTextPath(path: readonly (string | number)[]): boolean {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (typeof last === 'string') {
    if (parent === 'explanations') return true;
    if (last === 'author') return path.includes('comments');
    if (last === 'title') return path.length === 1 || parent === 'link';
    return TEXT_FIELDS.has(last);
  }
  return typeof parent === 'string' && TEXT_LIST_FIELDS.has(parent);
}

function crossCheckLevel(level: Level, options: LevelValidationOptions): RawProblem[] {
  const problems: RawProblem[] = [];
  for (const lang of options.requiredLanguages ?? []) {
    if (!level.languages.includes(lang)) {
      problems.push({ path: ['languages'], code: 'level.language-required', params: { lang } });
    }
  }
  problems.push(...missingLanguages(level, level.languages));

  problems.push(...duplicateIds(level.accounts.map((a) => a.id), ['accounts']));
  problems.push(...duplicateIds(level.posts.map((p) => p.id), ['posts']));
  problems.push(...duplicateIds(level.tactics.map((t) => t.id), ['tactics']));
  level.tactics.forEach((tactic, index) => {
    if (options.builtInTactics.includes(tactic.id) || tactic.id === LURE_ID) {
      problems.push({ path: ['tactics', index, 'id'], code: 'level.tactic-shadows-built-in', params: { id: tactic.id } });
    }
  });

  const accountIds = level.accounts.map((a) => a.id);
  const tacticIds = [...options.builtInTactics, ...level.tactics.map((t) => t.id)];
  let genuine = 0;
  level.posts.forEach((post, index) => {
    const at = (...rest: (string | number)[]) => ['posts', index, ...rest];
    if (!accountIds.includes(post.author)) {
      problems.push({
        path: at('author'),
        code: 'level.unknown-author',
        params: { id: post.author, known: listed(accountIds) },
      });
    }
    const { truth } = post;
    const seen = new Set<string>();
    truth.tactics.forEach((tactic, t) => {
      if (!tacticIds.includes(tactic)) {
        problems.push({
          path: at('truth', 'tactics', t),
          code: 'level.unknown-tactic',
          params: { id: tactic, known: listed(tacticIds) },
        });
      }
      if (seen.has(tactic)) problems.push({ path: at('truth', 'tactics', t), code: 'level.duplicate-tactic', params: { id: tactic } });
      seen.add(tactic);
      if (!truth.explanations[tactic]) {
        problems.push({ path: at('truth', 'explanations'), code: 'level.explanation-missing', params: { id: tactic } });
      }
    });
    if (truth.lure && !truth.explanations[LURE_ID]) {
      problems.push({ path: at('truth', 'explanations'), code: 'level.explanation-missing', params: { id: LURE_ID } });
    }
    for (const key of Object.keys(truth.explanations)) {
      const used = key === LURE_ID ? truth.lure : truth.tactics.includes(key);
      if (!used) problems.push({ path: at('truth', 'explanations', key), code: 'level.explanation-unused', params: { id: key } });
    }
    const manipulative = truth.tactics.length > 0 || truth.lure;
    if (manipulative) {
      if (truth.evidence.length === 0) problems.push({ path: at('truth', 'evidence'), code: 'level.evidence-missing', params: {} });
      if (truth.whyGenuine) problems.push({ path: at('truth', 'whyGenuine'), code: 'level.why-genuine-on-manipulative', params: {} });
    } else {
      genuine++;
      if (!truth.whyGenuine) problems.push({ path: at('truth'), code: 'level.why-genuine-missing', params: {} });
      if (truth.evidence.length > 0) problems.push({ path: at('truth', 'evidence'), code: 'level.evidence-on-genuine', params: {} });
    }
    truth.evidence.forEach((phrase, e) => {
      for (const lang of level.languages) {
        const wanted = phrase[lang];
        const text = post.text[lang];
        if (wanted && text !== undefined && !text.includes(wanted)) {
          problems.push({
            path: at('truth', 'evidence', e, lang),
            code: 'level.evidence-not-in-text',
            params: { phrase: wanted, lang },
          });
        }
      }
    });
  });
  if (genuine === 0) problems.push({ path: ['posts'], code: 'level.no-genuine', params: {} });
  if (genuine === level.posts.length) problems.push({ path: ['posts'], code: 'level.no-manipulative', params: {} });
  return problems;
}
