/**
 * The checks a level's schema cannot express, across its fields: unique ids, authors
 * and tactics that exist, every declared language present, evidence found in its post,
 * investigation results that have something to investigate. They run on whatever parts
 * of the file are sound (see validate.ts), so a trainer sees every problem at once.
 */
import * as v from 'valibot';
import { pictureTexts } from '../picture-words';
import { isPlainObject } from '../plain-object';
import { isManipulative } from '../scoring';
import { LURE_ID } from '../taxonomy';
import { MAX_PROBLEMS, shorten } from './problem';
import {
  LANGUAGE_TAG,
  LevelSchema,
  LocalizedTextSchema,
  PictureSchema,
  TruthSchema,
} from './schema';
import { forEachLocalizedText, type JsonPath } from './texts';
import type { LevelValidationOptions } from './validate';

/** A cross-check problem before it is placed in the source. */
export interface RawProblem {
  path: JsonPath;
  code: string;
  params?: Record<string, string | number>;
}

/**
 * Collects cross-check problems, one more than can be shown (so we know there are
 * more); the checks stop early once it is full.
 */
export class ProblemList {
  readonly items: RawProblem[] = [];

  get full(): boolean {
    return this.items.length > MAX_PROBLEMS;
  }

  add(problem: RawProblem): void {
    if (!this.full) this.items.push(problem);
  }
}

/** Known ids listed in a message; past this, only the ones closest to the typo. */
const MAX_LISTED = 12;
/** Ranking ids by closeness costs time: only for this many messages, among this many ids. */
const MAX_RANKED_MESSAGES = 20;
const MAX_RANKED_IDS = 1000;

/**
 * The known ids for a message about an unknown one. With many, only those closest to
 * the one written, while that stays cheap; otherwise the first ones.
 */
function knownIds(ids: readonly string[], near: string, ranking: { left: number }): string {
  if (ids.length === 0) return '—';
  if (ids.length <= MAX_LISTED) return ids.join(', ');
  let shown = ids.slice(0, MAX_LISTED);
  if (ranking.left > 0 && ids.length <= MAX_RANKED_IDS) {
    ranking.left--;
    const target = near.slice(0, 64);
    shown = ids
      .map((id) => ({ id, distance: editDistance(id, target) }))
      .sort((a, b) => a.distance - b.distance)
      .slice(0, MAX_LISTED)
      .map((entry) => entry.id);
  }
  return `${shown.join(', ')}, …`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The `id` of each item of a list that has one, whether or not the item is valid. */
function idsOf(list: unknown): { index: number; id: string }[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) =>
    isPlainObject(item) && typeof item.id === 'string' ? [{ index, id: item.id }] : [],
  );
}

export function duplicateIds(list: unknown, at: JsonPath, out: ProblemList): void {
  const seen = new Set<string>();
  for (const { index, id } of idsOf(list)) {
    if (out.full) return;
    if (seen.has(id)) {
      out.add({
        path: [...at, index, 'id'],
        code: 'level.duplicate-id',
        params: { id: shorten(id) },
      });
    }
    seen.add(id);
  }
}

/** The file's `languages`, or undefined while that list itself is broken. */
function declaredLanguages(raw: Record<string, unknown>): readonly string[] | undefined {
  const result = v.safeParse(LevelSchema.entries.languages, raw.languages);
  return result.success ? result.output : undefined;
}

/** Every LocalizedText has each declared language, and only those. */
export function languageProblems(
  raw: Record<string, unknown>,
  schema: v.GenericSchema,
  requiredLanguages: readonly string[],
  out: ProblemList,
): void {
  const languages = declaredLanguages(raw);
  if (!languages) return;
  const declared = new Set(languages);
  for (const lang of requiredLanguages) {
    if (!declared.has(lang)) {
      out.add({ path: ['languages'], code: 'level.language-required', params: { lang } });
    }
  }
  forEachLocalizedText(
    raw,
    (text, path) => {
      for (const lang of languages) {
        if (out.full) return;
        const value = Object.hasOwn(text, lang) ? text[lang] : undefined;
        // A value of the wrong type is the schema's to report.
        if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
          out.add({ path, code: 'level.missing-language', params: { lang } });
        }
      }
      for (const lang of Object.keys(text)) {
        if (out.full) return;
        if (LANGUAGE_TAG.test(lang) && !declared.has(lang)) {
          out.add({
            path: [...path, lang],
            code: 'level.undeclared-language',
            params: { lang, languages: shorten(languages.join(', '), 200) },
          });
        }
      }
    },
    schema,
  );
}

export function crossCheckLevel(
  raw: Record<string, unknown>,
  options: LevelValidationOptions,
  out: ProblemList,
): void {
  languageProblems(raw, LevelSchema, options.requiredLanguages ?? [], out);
  duplicateIds(raw.accounts, ['accounts'], out);
  duplicateIds(raw.posts, ['posts'], out);
  duplicateIds(raw.tactics, ['tactics'], out);
  const builtIn = new Set([...options.builtInTactics, LURE_ID]);
  const ownTactics = idsOf(raw.tactics);
  for (const { index, id } of ownTactics) {
    if (builtIn.has(id)) {
      out.add({
        path: ['tactics', index, 'id'],
        code: 'level.tactic-shadows-built-in',
        params: { id },
      });
    }
  }

  // Every id written in the file counts as known, even on an account the schema refuses;
  // the messages list only well-formed ones.
  const accountIds = new Set(idsOf(raw.accounts).map((entry) => entry.id));
  const tacticIds = new Set([...options.builtInTactics, ...ownTactics.map((entry) => entry.id)]);
  const listable = (ids: Set<string>) => [...ids].filter((id) => v.is(LevelSchema.entries.id, id));
  const listableAccounts = listable(accountIds);
  const listableTactics = listable(tacticIds);
  const ranking = { left: MAX_RANKED_MESSAGES };
  const languages = declaredLanguages(raw);
  const declared = new Set(languages);
  const posts = Array.isArray(raw.posts) ? raw.posts : [];
  let genuine = 0;
  // The level-wide counts below mean something only when every post's truth is readable.
  let everyTruthReadable = Array.isArray(raw.posts);
  for (const [index, post] of posts.entries()) {
    if (out.full) return;
    if (!isPlainObject(post)) {
      everyTruthReadable = false;
      continue;
    }
    const at = (...rest: JsonPath): JsonPath => ['posts', index, ...rest];
    if (typeof post.author === 'string' && !accountIds.has(post.author)) {
      out.add({
        path: at('author'),
        code: 'level.unknown-author',
        params: {
          id: shorten(post.author),
          known: knownIds(listableAccounts, post.author, ranking),
        },
      });
    }
    const parsedTruth = v.safeParse(TruthSchema, post.truth);
    if (!parsedTruth.success) {
      everyTruthReadable = false;
      continue;
    }
    const truth = parsedTruth.output;
    const hasExplanation = (id: string) => Object.hasOwn(truth.explanations, id);
    const seen = new Set<string>();
    for (const [t, tactic] of truth.tactics.entries()) {
      if (out.full) return;
      if (!tacticIds.has(tactic)) {
        out.add({
          path: at('truth', 'tactics', t),
          code: 'level.unknown-tactic',
          params: { id: shorten(tactic), known: knownIds(listableTactics, tactic, ranking) },
        });
      }
      if (seen.has(tactic)) {
        out.add({
          path: at('truth', 'tactics', t),
          code: 'level.duplicate-tactic',
          params: { id: shorten(tactic) },
        });
      } else if (!hasExplanation(tactic)) {
        out.add({
          path: at('truth', 'explanations'),
          code: 'level.explanation-missing',
          params: { id: shorten(tactic) },
        });
      }
      seen.add(tactic);
    }
    if (truth.lure && !hasExplanation(LURE_ID)) {
      out.add({
        path: at('truth', 'explanations'),
        code: 'level.explanation-missing',
        params: { id: LURE_ID },
      });
    }
    for (const key of Object.keys(truth.explanations)) {
      if (out.full) return;
      const used = key === LURE_ID ? truth.lure : seen.has(key);
      if (!used) {
        out.add({
          path: at('truth', 'explanations', key),
          code: 'level.explanation-unused',
          params: { id: shorten(key) },
        });
      }
    }
    if (isManipulative(truth)) {
      if (truth.evidence.length === 0) {
        out.add({ path: at('truth', 'evidence'), code: 'level.evidence-missing', params: {} });
      }
      if (truth.whyGenuine) {
        out.add({
          path: at('truth', 'whyGenuine'),
          code: 'level.why-genuine-on-manipulative',
          params: {},
        });
      }
    } else {
      genuine++;
      if (!truth.whyGenuine)
        out.add({ path: at('truth'), code: 'level.why-genuine-missing', params: {} });
      if (truth.evidence.length > 0) {
        out.add({ path: at('truth', 'evidence'), code: 'level.evidence-on-genuine', params: {} });
      }
    }
    investigationProblems(post, at, out);
    if (post.picture !== undefined && post.media === undefined)
      out.add({ path: at('picture'), code: 'level.picture-without-media', params: {} });
    const text = v.safeParse(LocalizedTextSchema, post.text);
    if (!languages || !text.success) continue;
    const picture = v.safeParse(PictureSchema, post.picture);
    const pictureWords = picture.success ? pictureTexts(picture.output) : [];
    for (const [e, phrase] of truth.evidence.entries()) {
      // Each phrase's own languages, not every declared one: the work stays in
      // proportion to the file, however long the languages list.
      for (const [lang, wanted] of Object.entries(phrase)) {
        if (out.full) return;
        const postText = Object.hasOwn(text.output, lang) ? text.output[lang] : undefined;
        // An empty or missing phrase is already reported as a missing language.
        if (
          declared.has(lang) &&
          wanted.trim() &&
          postText !== undefined &&
          !postText.includes(wanted) &&
          !pictureWords.some((words) => Object.hasOwn(words, lang) && words[lang]?.includes(wanted))
        ) {
          out.add({
            path: at('truth', 'evidence', e, lang),
            code: 'level.evidence-not-in-text',
            params: { phrase: wanted, lang },
          });
        }
      }
    }
  }
  if (everyTruthReadable && posts.length > 0) {
    if (genuine === 0) out.add({ path: ['posts'], code: 'level.no-genuine', params: {} });
    if (genuine === posts.length)
      out.add({ path: ['posts'], code: 'level.no-manipulative', params: {} });
  }
}

/**
 * An investigation result needs something to investigate: a link check needs the
 * post's link or a picture (a QR code in it), a reverse image search needs a picture.
 */
function investigationProblems(
  post: Record<string, unknown>,
  at: (...rest: JsonPath) => JsonPath,
  out: ProblemList,
): void {
  const investigation = post.investigation;
  if (!isPlainObject(investigation)) return;
  if (investigation.link !== undefined && post.link === undefined && post.media === undefined) {
    out.add({
      path: at('investigation', 'link'),
      code: 'level.link-check-without-link',
      params: {},
    });
  }
  if (investigation.image !== undefined && post.media === undefined) {
    out.add({
      path: at('investigation', 'image'),
      code: 'level.image-check-without-media',
      params: {},
    });
  }
  if (!Array.isArray(investigation.sources)) return;
  const outlets = new Set<string>();
  for (const [index, source] of investigation.sources.entries()) {
    if (!isPlainObject(source) || !isPlainObject(source.outlet)) continue;
    const name = Object.values(source.outlet).find((value) => typeof value === 'string');
    if (typeof name !== 'string') continue;
    if (outlets.has(name)) {
      out.add({
        path: at('investigation', 'sources', index, 'outlet'),
        code: 'level.duplicate-outlet',
        params: { outlet: shorten(name) },
      });
    }
    outlets.add(name);
  }
}
