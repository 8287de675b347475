/** English i18next for the command-line tools: the same words the game shows. */
import i18next, { type TFunction } from 'i18next';
import validation from '../locales/en/validation.json' with { type: 'json' };
import workshop from '../locales/en/workshop.json' with { type: 'json' };

/** The validation namespace by default; the cue check's words are in workshop. */
export async function englishT(
  defaultNS: 'validation' | 'workshop' = 'validation',
): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'en',
    defaultNS,
    resources: { en: { validation, workshop } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}
