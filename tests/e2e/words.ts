/** The game's words in one language, read from the locale and level files as the game reads them. */
import { readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import type { LocalizedText } from '../../src/core/level/schema';

export interface Words {
  t: TFunction;
  /** A level or taxonomy string in this language. */
  text(value: LocalizedText): string;
}

export async function wordsFor(language: string): Promise<Words> {
  const instance = i18next.createInstance();
  const bundle = (ns: string) =>
    JSON.parse(readFileSync(`locales/${language}/${ns}.json`, 'utf8')) as object;
  await instance.init({
    lng: language,
    fallbackLng: false,
    resources: { [language]: { common: bundle('common') } },
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  return {
    t: instance.t,
    text: (value) => {
      const text = value[language];
      if (!text) throw new Error(`levels: a text has no ${language} (run npm run levels:check)`);
      return text;
    },
  };
}
