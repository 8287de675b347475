/**
 * The translations under locales/ against English, the language the game falls back
 * to. A key a locale lacks would show English in the middle of a Russian screen; a key
 * English lacks is dead text; a placeholder a translation drops leaves a gap in the
 * sentence. Plural keys are compared by the language's own plural forms (Intl.PluralRules,
 * which i18next uses too): Russian needs _one/_few/_many/_other where English has
 * _one/_other, Chinese only _other.
 *
 * Every failure names the file, the key and what is wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ROOT, shippedLevelPaths, TAXONOMY_PATH } from '../../scripts/level-files';

const LOCALES_DIR = join(ROOT, 'locales');
const ENGLISH = 'en';
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/u;
const PLACEHOLDER = /\{\{\s*([^}\s,]+)[^}]*\}\}/gu;

type Bundle = Record<string, string>;

const locales = readdirSync(LOCALES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const namespacesOf = (locale: string) =>
  readdirSync(join(LOCALES_DIR, locale))
    .filter((name) => name.endsWith('.json'))
    .sort();

/** A locale file as flat keys: { "post.flagCount_one": "..." }. */
function readBundle(locale: string, file: string): Bundle {
  const flat: Bundle = {};
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    } else {
      flat[path] = value as string;
    }
  };
  walk(JSON.parse(readFileSync(join(LOCALES_DIR, locale, file), 'utf8')), '');
  return flat;
}

/** Plural keys by their base ("levels.posts" for "levels.posts_one"), where English has the _other form. */
function pluralBases(bundle: Bundle): Set<string> {
  return new Set(
    Object.keys(bundle)
      .filter((key) => key.endsWith('_other'))
      .map((key) => key.replace(PLURAL_SUFFIX, '')),
  );
}

function pluralForms(locale: string): string[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
}

function placeholders(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => match[1] as string))].sort();
}

/** The keys a locale must have to match English, each with the English text it translates. */
function expectedKeys(english: Bundle, locale: string): Map<string, string> {
  const plurals = pluralBases(english);
  const expected = new Map<string, string>();
  for (const [key, text] of Object.entries(english)) {
    const base = key.replace(PLURAL_SUFFIX, '');
    if (!plurals.has(base) || base === key) expected.set(key, text);
  }
  for (const base of plurals) {
    const englishOther = english[`${base}_other`] as string;
    for (const form of pluralForms(locale)) expected.set(`${base}_${form}`, englishOther);
  }
  return expected;
}

/** Every way a locale file differs from English, as readable lines. */
function compareWithEnglish(locale: string, file: string): string[] {
  const where = `locales/${locale}/${file}`;
  const english = readBundle(ENGLISH, file);
  const translated = readBundle(locale, file);
  const expected = expectedKeys(english, locale);
  const forms = pluralForms(locale).join(', ');
  const problems: string[] = [];
  for (const [key, englishText] of expected) {
    const text = translated[key];
    const base = key.replace(PLURAL_SUFFIX, '');
    const isPlural = base !== key && pluralBases(english).has(base);
    if (text === undefined) {
      problems.push(
        isPlural
          ? `${where}: ${key}: missing (this language's plural forms are ${forms})`
          : `${where}: ${key}: missing (English: "${englishText}")`,
      );
      continue;
    }
    if (typeof text !== 'string') {
      problems.push(
        `${where}: ${key}: should be text, like English's, not ${JSON.stringify(text)}`,
      );
      continue;
    }
    if (text.trim() === '') problems.push(`${where}: ${key}: empty`);
    const want = placeholders(englishText);
    const got = placeholders(text);
    if (want.join() !== got.join())
      problems.push(
        `${where}: ${key}: placeholders {{${got.join('}}, {{')}}} differ from English's {{${want.join('}}, {{')}}}`,
      );
  }
  for (const key of Object.keys(translated)) {
    if (expected.has(key)) continue;
    const base = key.replace(PLURAL_SUFFIX, '');
    problems.push(
      base !== key && pluralBases(english).has(base)
        ? `${where}: ${key}: not a plural form of this language (its forms are ${forms})`
        : `${where}: ${key}: English has no such key; remove it or add it to locales/en/${file}`,
    );
  }
  return problems;
}

describe('locale files', () => {
  it('English is there, with at least one other language', () => {
    expect(locales).toContain(ENGLISH);
    expect(locales.length).toBeGreaterThan(1);
  });

  it('English has no empty text and names every shipped language in the language picker', () => {
    const problems: string[] = [];
    for (const file of namespacesOf(ENGLISH))
      for (const [key, text] of Object.entries(readBundle(ENGLISH, file)))
        if (typeof text !== 'string' || text.trim() === '')
          problems.push(`locales/en/${file}: ${key}: empty`);
    const names = readBundle(ENGLISH, 'common.json');
    for (const locale of locales)
      if (!names[`languages.${locale}`])
        problems.push(
          `locales/en/common.json: languages.${locale}: missing (the picker would show "${locale}")`,
        );
    expect(problems).toEqual([]);
  });

  describe.each(locales.filter((locale) => locale !== ENGLISH))('%s', (locale) => {
    it('has the same files (i18next namespaces) as English', () => {
      expect(namespacesOf(locale), `locales/${locale}/ vs locales/en/`).toEqual(
        namespacesOf(ENGLISH),
      );
    });

    it('has every key English has, with the same placeholders, and no others', () => {
      const problems = namespacesOf(ENGLISH)
        .filter((file) => namespacesOf(locale).includes(file))
        .flatMap((file) => compareWithEnglish(locale, file));
      expect(problems).toEqual([]);
    });

    it('gives each plural its own form through i18next, never English', async () => {
      const resources = Object.fromEntries(
        namespacesOf(ENGLISH).map((file) => [
          file.replace(/\.json$/u, ''),
          JSON.parse(readFileSync(join(LOCALES_DIR, locale, file), 'utf8')),
        ]),
      );
      const instance = i18next.createInstance();
      await instance.init({
        lng: locale,
        fallbackLng: false,
        resources: { [locale]: resources },
        interpolation: { escapeValue: false },
      });
      const rules = new Intl.PluralRules(locale);
      // A count in each plural category: 1 is "one", 3 "few", 5 "many", 1.5 "other" in Russian.
      const sampleFor = (form: string) =>
        [0, 1, 2, 3, 5, 11, 21, 1.5].find((count) => rules.select(count) === form) as number;
      const problems: string[] = [];
      for (const file of namespacesOf(ENGLISH)) {
        const ns = file.replace(/\.json$/u, '');
        const bundle = readBundle(locale, file);
        for (const base of pluralBases(readBundle(ENGLISH, file)))
          for (const form of pluralForms(locale)) {
            const count = sampleFor(form);
            const text = bundle[`${base}_${form}`] ?? '';
            const values = Object.fromEntries(
              placeholders(text).map((name) => [name, `<${name}>`]),
            );
            const shown = instance.t(base, { ns, ...values, count, defaultValue: '' });
            const wanted = text.replace(PLACEHOLDER, (_, name: string) =>
              name === 'count' ? String(count) : `<${name}>`,
            );
            if (shown !== wanted)
              problems.push(
                `locales/${locale}/${file}: ${base} with count ${count} shows "${shown}", not "${wanted}"`,
              );
          }
      }
      expect(problems).toEqual([]);
    });
  });
});

describe('shipped content declares every shipped language', () => {
  const declared = (path: string): unknown =>
    (JSON.parse(readFileSync(path, 'utf8')) as { languages?: unknown }).languages;

  it.each([TAXONOMY_PATH, ...shippedLevelPaths()].map((path) => [path.slice(ROOT.length), path]))(
    '%s',
    (_name, path) => {
      const languages = declared(path);
      const missing = locales.filter(
        (locale) => !Array.isArray(languages) || !languages.includes(locale),
      );
      expect(
        missing,
        `${path.slice(ROOT.length)} lacks ${missing.join(', ')} in "languages" (every folder under locales/ is a shipped language; the validator then asks for each text in it)`,
      ).toEqual([]);
    },
  );
});
