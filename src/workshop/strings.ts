/**
 * The workshop's and the level editor's strings are i18next namespaces of their own
 * ("workshop", "editor"), loaded with their chunks rather than bundled with the title:
 * the title's JS has a size budget and players who never open these pages never need them.
 */
import type { Translator } from '../services/i18n';

type PageNamespace = 'workshop' | 'editor';

const bundles = import.meta.glob<{ default: Record<string, unknown> }>([
  '../../locales/*/workshop.json',
  '../../locales/*/editor.json',
]);

async function load(translator: Translator, namespace: PageNamespace, language: string) {
  const { i18n } = translator;
  if (i18n.hasResourceBundle(language, namespace)) return;
  const bundle = bundles[`../../locales/${language}/${namespace}.json`];
  if (bundle) i18n.addResourceBundle(language, namespace, (await bundle()).default, true, true);
}

/** Loads English (the fallback) and the current language, and each language chosen later. */
export async function loadPageStrings(
  translator: Translator,
  namespace: PageNamespace,
): Promise<void> {
  await load(translator, namespace, 'en');
  await load(translator, namespace, translator.language());
  // Before the switch, so scenes that redraw on the change find the strings there.
  const setLanguage = translator.setLanguage;
  translator.setLanguage = async (language) => {
    await load(translator, namespace, language);
    await setLanguage(language);
  };
}

export const loadWorkshopStrings = (translator: Translator) =>
  loadPageStrings(translator, 'workshop');
