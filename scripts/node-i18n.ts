/** English i18next for the command-line tools: the same words the game shows. */
import i18next, { type TFunction } from 'i18next';
import validation from '../locales/en/validation.json' with { type: 'json' };

export async function englishT(): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'en',
    resources: { en: { validation } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}
