/**
 * What the level set contains, for `npm run levels:stats`: how many posts, how many
 * genuine, which tactics are practised how often, and how far each language is
 * translated. Pure, so the numbers are tested without touching the disk.
 */
import { isManipulative } from '../scoring';
import type { Level } from './schema';
import { forEachLocalizedText } from './texts';

export interface LevelStats {
  levels: number;
  posts: number;
  /** Posts with no tactic and no lure. */
  genuine: number;
  /** The platforms the levels use, sorted. */
  platforms: string[];
  /** Posts per tactic id: every built-in tactic (0 when unused), then the levels' own. */
  facets: Record<string, number>;
  /** Posts that try to move the reader toward enlisting. */
  lures: number;
  /** Posts with at least one written investigation result (sources, link or image). */
  investigated: number;
  /** Per locale, the fraction (0 to 1) of the levels' texts with a non-empty translation. */
  locales: Record<string, number>;
}

export interface StatsOptions {
  /** The taxonomy's tactic ids, in taxonomy order. */
  builtInTactics: readonly string[];
  /** The game's locales: the folders under locales/. */
  locales: readonly string[];
}

export function levelStats(levels: readonly Level[], options: StatsOptions): LevelStats {
  const facets: Record<string, number> = {};
  for (const id of options.builtInTactics) facets[id] = 0;
  for (const level of levels) {
    for (const tactic of level.tactics) facets[tactic.id] ??= 0;
  }
  const platforms = new Set<string>();
  let posts = 0;
  let genuine = 0;
  let lures = 0;
  let investigated = 0;
  let texts = 0;
  const translated: Record<string, number> = {};
  for (const locale of options.locales) translated[locale] = 0;

  for (const level of levels) {
    platforms.add(level.platform);
    for (const post of level.posts) {
      posts++;
      if (post.truth.lure) lures++;
      if (Object.keys(post.investigation ?? {}).length > 0) investigated++;
      if (!isManipulative(post.truth)) genuine++;
      // A tactic listed twice in one post still counts that post once.
      for (const id of new Set(post.truth.tactics)) {
        facets[id] = (facets[id] ?? 0) + 1;
      }
    }
    forEachLocalizedText(level, (text) => {
      texts++;
      for (const locale of options.locales) {
        const value = Object.hasOwn(text, locale) ? text[locale] : undefined;
        if (typeof value === 'string' && value.trim() !== '')
          translated[locale] = (translated[locale] ?? 0) + 1;
      }
    });
  }

  const locales: Record<string, number> = {};
  for (const locale of options.locales) {
    // Unrounded, so 1 means every text and 0.9999 is not shown as done.
    locales[locale] = texts === 0 ? 0 : (translated[locale] ?? 0) / texts;
  }
  return {
    levels: levels.length,
    posts,
    genuine,
    platforms: [...platforms].sort(),
    facets,
    lures,
    investigated,
    locales,
  };
}
