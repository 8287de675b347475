/**
 * The campaign's investigations teach only if there is something to find, on genuine
 * posts as well as manipulative ones, in every language: these checks run over the
 * shipped levels (docs/content.md's rules for investigations).
 */
import { describe, expect, it } from 'vitest';
import { catalogOf, shippedLevelPaths } from '../../scripts/level-files';
import { checksFor, investigationBudget } from '../../src/core/investigation';
import { InvestigationSchema, type Level, type Post } from '../../src/core/level/schema';
import { forEachLocalizedText } from '../../src/core/level/texts';

const { levels } = catalogOf(shippedLevelPaths());
/** Posts with at least one written result, per level. */
const MIN_INVESTIGATED_POSTS = 4;

const isGenuine = (post: Post) => post.truth.tactics.length === 0 && !post.truth.lure;
const investigated = (level: Level) =>
  level.posts.filter((post) => Object.keys(post.investigation ?? {}).length > 0);

describe.each(levels.map(({ file, level }) => [file, level] as const))('level %s', (_, level) => {
  it(`has at least ${MIN_INVESTIGATED_POSTS} posts with something to find, genuine and manipulative`, () => {
    const found = investigated(level);
    expect(found.length).toBeGreaterThanOrEqual(MIN_INVESTIGATED_POSTS);
    expect(found.filter(isGenuine).length, 'genuine posts with results').toBeGreaterThan(0);
    expect(found.filter((post) => !isGenuine(post)).length, 'manipulative').toBeGreaterThan(0);
  });

  it('sets a budget that makes the player choose: at least 3 checks, fewer than there are', () => {
    const offered = level.posts.reduce((sum, post) => sum + checksFor(post).length, 0);
    expect(investigationBudget(level)).toBeGreaterThanOrEqual(3);
    expect(investigationBudget(level)).toBeLessThan(offered);
  });

  it('translates every investigation text: no language repeats the English words', () => {
    const copies: string[] = [];
    level.posts.forEach((post, index) => {
      forEachLocalizedText(
        post.investigation ?? {},
        (text, path) => {
          for (const language of level.languages) {
            if (
              language !== 'en' &&
              text[language] === text.en &&
              /[a-z]{4}/i.test(String(text.en))
            )
              copies.push(`posts[${index}].investigation.${path.join('.')}.${language}`);
          }
        },
        InvestigationSchema,
      );
    });
    expect(copies).toEqual([]);
  });
});
