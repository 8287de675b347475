/**
 * The workshop's strings are their own i18next namespace ("workshop"), loaded with this
 * chunk rather than bundled with the title: the title's JS has a size budget and
 * players who never join a workshop never need them.
 */
import type { Translator } from '../services/i18n';

const bundles = import.meta.glob<{ default: Record<string, unknown> }>(
  '../../locales/*/workshop.json',
);

async function load(translator: Translator, language: string): Promise<void> {
  const { i18n } = translator;
  if (i18n.hasResourceBundle(language, 'workshop')) return;
  const bundle = bundles[`../../locales/${language}/workshop.json`];
  if (bundle) i18n.addResourceBundle(language, 'workshop', (await bundle()).default, true, true);
}

/** Loads English (the fallback) and the current language, and each language chosen later. */
export async function loadWorkshopStrings(translator: Translator): Promise<void> {
  await load(translator, 'en');
  await load(translator, translator.language());
  // Before the switch, so scenes that redraw on the change find the strings there.
  const setLanguage = translator.setLanguage;
  translator.setLanguage = async (language) => {
    await load(translator, language);
    await setLanguage(language);
  };
}
