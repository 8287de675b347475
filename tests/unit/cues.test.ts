import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numbersIn, SHORTCUT_WORDS } from '../../src/core/level/cue-features';
import { findingText } from '../../src/core/level/cue-findings';
import { CUE_TARGETS, cueReport } from '../../src/core/level/cues';
import { type SurfacePost, syntheticLevel } from './cue-fixture';

const TEXTS = [
  'Pay is 3,800 a month, apply on our site.',
  'Our bakery opens on Monday!',
  'Brothers, remember the ones who served.',
  'The West is watching 👀',
  'Sign up today, limited places!!',
  'Big news from the council about the bridge.',
  'Win a bonus of 20,000 now',
];
const COMMENTS = ['Source?', 'Love it!', 'Thanks 🙏', 'Is this legit?', 'Great'];

const surface = fc.record({
  manipulative: fc.constant(false),
  accountAgeDays: fc.integer({ min: 0, max: 4000 }),
  followers: fc.integer({ min: 0, max: 100_000 }),
  following: fc.integer({ min: 0, max: 5000 }),
  verified: fc.boolean(),
  likes: fc.integer({ min: 0, max: 20_000 }),
  shares: fc.integer({ min: 0, max: 5000 }),
  text: fc.constantFrom(...TEXTS),
  linkEnding: fc.constantFrom('com' as const, 'org' as const, 'net' as const, null),
  comments: fc.array(fc.constantFrom(...COMMENTS), { maxLength: 3 }),
});

/** Five levels of 12 posts, every other post manipulative. */
const levelSet = fc.array(fc.array(surface, { minLength: 12, maxLength: 12 }), {
  minLength: 5,
  maxLength: 5,
});

const build = (levels: SurfacePost[][]) =>
  levels.map((posts, index) => syntheticLevel(`level-${index}`, index, posts));

const alternate = (levels: SurfacePost[][]) =>
  levels.map((posts) => posts.map((post, index) => ({ ...post, manipulative: index % 2 === 0 })));

describe('cue check', () => {
  it('catches a planted oracle: every manipulative post from an account under 100 days', () => {
    fc.assert(
      fc.property(levelSet, fc.nat(), (raw, seed) => {
        const levels = alternate(raw).map((posts) =>
          posts.map((post, index) => ({
            ...post,
            accountAgeDays: post.manipulative ? (seed + index) % 90 : 900 + ((seed * index) % 3000),
          })),
        );
        const report = cueReport(build(levels));
        const summary = report.summary;
        expect(summary?.bestNonLexicalCue.cue).toBe('account-age');
        expect(summary?.bestNonLexicalCue.dPrime).toBeGreaterThan(2.5);
        expect(summary?.bestNonLexicalCue.passes).toBe(false);
        expect(summary?.fullModel.dPrime).toBeGreaterThan(CUE_TARGETS.fullModel);
        const english = report.perLanguage[0];
        // Each level on its own shows the oracle, and the trainer reads it in words.
        for (const level of english?.levels ?? [])
          expect(level.separatingCues.map((cue) => cue.cue)).toContain('account-age');
        expect(english?.findings[0]).toMatchObject({
          key: 'cues.finding.noGenuineBelow',
          params: { cue: 'account-age', caught: 100, falseAlarms: 0 },
        });
      }),
      { numRuns: 8 },
    );
  });

  it('catches a planted card-visible cue with the card regression', () => {
    fc.assert(
      fc.property(levelSet, (raw) => {
        const levels = alternate(raw).map((posts) =>
          posts.map((post) => ({
            ...post,
            linkEnding: post.manipulative ? ('com' as const) : ('org' as const),
          })),
        );
        const summary = cueReport(build(levels)).summary;
        expect(summary?.cardModel.dPrime).toBeGreaterThan(CUE_TARGETS.cardModel);
        expect(summary?.cardModel.passes).toBe(false);
      }),
      { numRuns: 8 },
    );
  });

  it('finds nothing in a balanced set: every post has a twin of the other class', () => {
    fc.assert(
      fc.property(levelSet, (raw) => {
        const levels = raw.map((posts) =>
          posts.slice(0, 6).flatMap((post) => [
            { ...post, manipulative: true },
            { ...post, manipulative: false },
          ]),
        );
        const report = cueReport(build(levels));
        const summary = report.summary;
        expect(summary).not.toBeNull();
        for (const figure of Object.values(summary ?? {})) {
          expect(figure.dPrime).toBeLessThan(0.01);
          expect(figure.passes).toBe(true);
        }
        expect(report.perLanguage[0]?.findings).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });

  it('gives no held-out figures for a single level, only its breakdown', () => {
    const [posts] = fc.sample(levelSet, { numRuns: 1, seed: 7 })[0] ?? [];
    const report = cueReport(build(alternate([posts ?? []])));
    expect(report.summary).toBeNull();
    expect(report.perLanguage[0]?.levels).toHaveLength(1);
  });

  it('puts a finding into words with the cue named', () => {
    const t = (key: string, params?: Record<string, unknown>) => `${key} ${JSON.stringify(params)}`;
    const text = findingText(t, { key: 'cues.finding.flagsHas', params: { cue: 'link-org' } });
    expect(text).toContain('cues.cue.link-org');
  });
});

describe('surface features', () => {
  it('reads numbers as each language writes them', () => {
    expect(numbersIn('180,000 a month and 1.5x overtime')).toEqual([180_000, 1.5]);
    expect(numbersIn('180 000 в месяц, бонус 1,5 млн')).toEqual([180_000, 1_500_000]);
    expect(numbersIn('95 тыс. руб.')).toEqual([95_000]);
    expect(numbersIn('月薪1.5万，奖金40万')).toEqual([15_000, 400_000]);
    expect(numbersIn('no numbers')).toEqual([]);
  });

  it('matches the shortcut words in their forms, not inside other words', () => {
    const brothers = SHORTCUT_WORDS.brothers ?? {};
    expect(brothers.en?.test('Do the maths, brothers.')).toBe(true);
    expect(brothers.ru?.test('Считайте сами, братья.')).toBe(true);
    expect(brothers.ru?.test('Можно брать с собой.')).toBe(false);
    expect(brothers.uk?.test('Пам’ятаємо побратимів')).toBe(true);
    expect(brothers['zh-Hans']?.test('兄弟们，自己算算吧。')).toBe(true);
    expect(SHORTCUT_WORDS.west?.en?.test('Western media lies')).toBe(true);
    expect(SHORTCUT_WORDS.west?.en?.test('the westbound bus')).toBe(false);
  });
});
