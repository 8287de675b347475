/**
 * i18next for every visible string. English is bundled as the fallback; other
 * languages are separate chunks loaded when chosen. Text goes to textContent or the
 * canvas, never HTML, so escaping is off (it would show names as &lt;...).
 */
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import common from '../../locales/en/common.json';
import validation from '../../locales/en/validation.json';
import type { LocalizedText } from '../core/level/schema';
import type { TacticInfo } from '../core/taxonomy';
import { localize } from '../core/taxonomy';

export const FALLBACK_LANGUAGE = 'en';
const NAMESPACES = ['common', 'validation'] as const;

const lazyBundles = import.meta.glob<{ default: Record<string, unknown> }>([
  '../../locales/*/*.json',
  '!../../locales/en/*.json',
  // The workshop pages and the editor load their own namespaces (src/workshop/strings.ts).
  '!../../locales/*/workshop.json',
  '!../../locales/*/editor.json',
]);

/** Languages with a folder under locales/. */
export const AVAILABLE_LANGUAGES: readonly string[] = [
  FALLBACK_LANGUAGE,
  ...new Set(Object.keys(lazyBundles).map((path) => path.split('/').at(-2) as string)),
].sort();

export interface Translator {
  i18n: I18n;
  t: TFunction;
  language(): string;
  setLanguage(language: string): Promise<void>;
  /** A level or taxonomy string in the current language. */
  text(value: LocalizedText): string;
  /** Number formatting for the current language. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

/** ?lang= first, then the saved choice, then the browser's languages, then English. */
export function pickLanguage(
  query: string | null,
  saved: string | null,
  browser: readonly string[],
): string {
  const match = (candidate: string | null | undefined) => {
    if (!candidate) return undefined;
    if (AVAILABLE_LANGUAGES.includes(candidate)) return candidate;
    const base = candidate.split('-')[0];
    return AVAILABLE_LANGUAGES.find((language) => language.split('-')[0] === base);
  };
  return match(query) ?? match(saved) ?? browser.map(match).find(Boolean) ?? FALLBACK_LANGUAGE;
}

async function loadLanguage(i18n: I18n, language: string): Promise<void> {
  if (language === FALLBACK_LANGUAGE) return;
  for (const namespace of NAMESPACES) {
    if (i18n.hasResourceBundle(language, namespace)) continue;
    const load = lazyBundles[`../../locales/${language}/${namespace}.json`];
    if (load) i18n.addResourceBundle(language, namespace, (await load()).default, true, true);
  }
}

export async function createTranslator(language: string): Promise<Translator> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: FALLBACK_LANGUAGE,
    fallbackLng: FALLBACK_LANGUAGE,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: { en: { common, validation } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // A formatter per language and options: making one costs far more than formatting
  // with it, and a feed formats every count on every card.
  const formatters = new Map<string, Intl.NumberFormat>();
  const formatter = (options?: Intl.NumberFormatOptions) => {
    const key = `${i18n.language} ${JSON.stringify(options ?? {})}`;
    let format = formatters.get(key);
    if (!format) {
      format = new Intl.NumberFormat(i18n.language, options);
      formatters.set(key, format);
    }
    return format;
  };
  const translator: Translator = {
    i18n,
    t: i18n.t,
    language: () => i18n.language,
    async setLanguage(next) {
      await loadLanguage(i18n, next);
      await i18n.changeLanguage(next);
      translator.t = i18n.t;
      document.documentElement.lang = next;
    },
    text: (value) => localize(value, i18n.language, [FALLBACK_LANGUAGE]),
    number: (value, options) => formatter(options).format(value),
  };
  await translator.setLanguage(language);
  return translator;
}

/** Tactic names and explanations, so scenes ask i18next like for any other string. */
export function registerTactics(
  translator: Translator,
  tactics: readonly TacticInfo[],
  lure: TacticInfo,
): void {
  const languages = new Set<string>([FALLBACK_LANGUAGE, ...AVAILABLE_LANGUAGES]);
  for (const language of languages) {
    const bundle: Record<string, Record<string, string>> = {};
    for (const tactic of [...tactics, lure]) {
      bundle[tactic.id] = {
        name: localize(tactic.name, language),
        short: localize(tactic.short, language),
        explanation: localize(tactic.explanation, language),
      };
    }
    translator.i18n.addResourceBundle(language, 'tactics', bundle, true, true);
  }
}
