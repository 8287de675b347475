/**
 * The tactics a level can be scored against: the built-in taxonomy
 * (levels/taxonomy.json) plus any extra tactics a level declares.
 */
import type { Level, LocalizedText, Tactic, Taxonomy } from './level/schema';

/** The recruitment-lure flag is scored separately from the tactics. */
export const LURE_ID = 'lure';

export interface TacticInfo {
  id: string;
  name: LocalizedText;
  short: LocalizedText;
  tells: LocalizedText[];
  explanation: LocalizedText;
  colour: string;
  icon: string;
}

/** Built-in tactics first, in taxonomy order, then the level's own. */
export function tacticsForLevel(taxonomy: Taxonomy, level: Pick<Level, 'tactics'>): TacticInfo[] {
  return [...taxonomy.tactics, ...level.tactics].map((tactic: Tactic) => ({ ...tactic }));
}

/** A level's text in the wanted language, falling back through the level's languages. */
export function localize(
  text: LocalizedText,
  language: string,
  fallbacks: readonly string[] = ['en'],
): string {
  const exact = text[language];
  if (exact !== undefined) return exact;
  const base = language.split('-')[0] ?? language;
  for (const candidate of [base, ...fallbacks]) {
    const value = text[candidate];
    if (value !== undefined) return value;
  }
  return Object.values(text)[0] ?? '';
}
