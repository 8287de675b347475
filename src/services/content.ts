/**
 * The campaign's content as the game uses it: the taxonomy, the valid levels and the
 * broken files with their problems, and the tactic names each level brings. How and
 * when it is loaded is campaign.ts's business.
 */
import type { Level, Taxonomy } from '../core/level/schema';
import { LURE_ID, type TacticInfo, tacticsForLevel } from '../core/taxonomy';
import type { LoadResult } from './content-validation';
import { registerTactics, type Translator } from './i18n';
import { formatProblem } from './problems';

export interface BrokenLevel {
  file: string;
  /** Human-readable lines, `FILE: PATH: message`. */
  messages: string[];
}

export interface Content {
  taxonomy: Taxonomy;
  levels: Level[];
  broken: BrokenLevel[];
}

/**
 * The checked campaign as the game uses it: a broken taxonomy stops everything (its
 * problems are the error), each broken or unreachable level file is listed with its
 * problems in the player's language, and the console gets them too.
 */
export function toContent(
  { t }: Translator,
  { taxonomy, catalog, unreachable }: LoadResult,
): Content {
  if (!taxonomy.ok) {
    const lines = taxonomy.problems.map((problem) =>
      formatProblem(t, 'levels/taxonomy.json', problem),
    );
    throw new Error(lines.join('\n'));
  }
  const broken: BrokenLevel[] = unreachable.map(({ file, reason }) => ({
    file,
    messages: [t('levels.unreachable', { file, reason })],
  }));
  for (const failure of catalog.failures) {
    broken.push({
      file: failure.file,
      messages: failure.problems.map((p) => formatProblem(t, failure.file, p)),
    });
  }
  for (const { file, messages } of broken)
    console.error(`Level file ${file} could not be loaded:\n${messages.join('\n')}`);
  broken.sort((a, b) => a.file.localeCompare(b.file));
  return {
    taxonomy: taxonomy.value,
    levels: catalog.levels.map((entry) => entry.level),
    broken,
  };
}

export function levelTactics(content: Content, level: Level): TacticInfo[] {
  return tacticsForLevel(content.taxonomy, level);
}

export function lureInfo(taxonomy: Taxonomy): TacticInfo {
  return { id: LURE_ID, ...taxonomy.lure };
}

/** Gives i18next the names of the built-in tactics, the lure and every level's own tactics. */
export function registerContentTactics(translator: Translator, content: Content): void {
  const lure = lureInfo(content.taxonomy);
  registerTactics(translator, tacticsForLevel(content.taxonomy, { tactics: [] }), lure);
  for (const level of content.levels) registerTactics(translator, level.tactics, lure);
}
