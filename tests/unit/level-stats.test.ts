/** levelStats: the numbers behind `npm run levels:stats`. */
import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/core/level/schema';
import { levelStats } from '../../src/core/level/stats';
import { BUILT_IN_TACTICS, check, type LevelJson, validLevel } from './level-fixture';

function valid(level: LevelJson): Level {
  const result = check(level);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/** The fixture without its Russian texts. */
function englishOnly(level: LevelJson): LevelJson {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key]) => key !== 'ru')
        .map(([key, value]) => [key, strip(value)]),
    );
  };
  return { ...(strip(level) as LevelJson), languages: ['en'] };
}

const options = { builtInTactics: BUILT_IN_TACTICS, locales: ['en', 'ru', 'uk'] };

// The fixture's texts: title, briefing, one goal, debrief, one discussion question (5);
// two accounts with a name and a bio (4); the genuine post's text and whyGenuine (2);
// the manipulative post's text, one evidence phrase and two explanations (4).
const FIXTURE_TEXTS = 15;

describe('levelStats', () => {
  it('counts levels, posts, genuine posts, lures and platforms', () => {
    const second = validLevel();
    second.id = 'second';
    second.platform = 'messenger';
    second.posts.push({ ...structuredClone(second.posts[0]), id: 'p-3' });
    const stats = levelStats([valid(validLevel()), valid(second)], options);
    expect(stats).toMatchObject({ levels: 2, posts: 5, genuine: 3, lures: 2 });
    expect(stats.platforms).toEqual(['messenger', 'microblog']);
  });

  it("lists every built-in tactic, used or not, and the levels' own tactics", () => {
    const level = validLevel();
    level.tactics = [
      {
        id: 'scam-urgency',
        name: { en: 'Scam urgency', ru: 'Срочность' },
        short: { en: 'Rushes you.', ru: 'Торопит.' },
        tells: [],
        explanation: { en: 'Scammers rush you.', ru: 'Мошенники торопят.' },
        colour: '#aa3300',
        icon: '⏰',
      },
    ];
    level.posts[1].truth.tactics.push('scam-urgency');
    level.posts[1].truth.explanations['scam-urgency'] = { en: 'Hurry', ru: 'Скорее' };
    const stats = levelStats([valid(level), valid({ ...validLevel(), id: 'other' })], options);
    expect(stats.facets).toEqual({
      nationalism: 0,
      'economic-incentive': 2,
      misinformation: 0,
      'celebrity-endorsement': 0,
      'targeted-demographic': 0,
      'scam-urgency': 1,
    });
    expect(Object.keys(stats.facets).slice(0, BUILT_IN_TACTICS.length)).toEqual(BUILT_IN_TACTICS);
  });

  it('gives each locale the fraction of all level texts translated into it', () => {
    const stats = levelStats(
      [valid(validLevel()), valid({ ...englishOnly(validLevel()), id: 'en-only' })],
      options,
    );
    expect(stats.locales).toEqual({ en: 1, ru: 0.5, uk: 0 });
  });

  it('counts texts wherever the schema has them, and blank ones as untranslated', () => {
    const level = valid(validLevel());
    const comments = [{ author: { en: 'Bo', ru: ' ' }, text: { en: 'Nice' } }];
    level.posts = level.posts.map((post, index) => (index === 0 ? { ...post, comments } : post));
    const stats = levelStats([level], options);
    expect(stats.locales.ru).toBeCloseTo(FIXTURE_TEXTS / (FIXTURE_TEXTS + 2));
    expect(stats.locales.en).toBe(1);
  });

  it('counts posts with a written investigation result, and their texts as translatable', () => {
    const level = valid(validLevel());
    expect(levelStats([level], options).investigated).toBe(0);
    const investigation = {
      sources: [
        {
          outlet: { en: 'Harbour Herald', ru: 'Портовый вестник' },
          verdict: 'contradicts' as const,
          summary: { en: 'No such jobs.', ru: ' ' },
        },
      ],
    };
    level.posts = level.posts.map((post, index) =>
      index === 1 ? { ...post, investigation } : post,
    );
    const stats = levelStats([level], options);
    expect(stats.investigated).toBe(1);
    expect(stats.locales.ru).toBeCloseTo((FIXTURE_TEXTS + 1) / (FIXTURE_TEXTS + 2));
  });

  it('with no levels, everything is zero and every tactic and locale is still listed', () => {
    expect(levelStats([], options)).toEqual({
      levels: 0,
      posts: 0,
      genuine: 0,
      platforms: [],
      facets: Object.fromEntries(BUILT_IN_TACTICS.map((id) => [id, 0])),
      lures: 0,
      investigated: 0,
      locales: { en: 0, ru: 0, uk: 0 },
    });
  });
});
