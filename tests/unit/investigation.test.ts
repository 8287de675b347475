/**
 * Investigating posts and marking evidence: the sentence splitter in four languages,
 * the tell sentences, the "same text" detector, the session's budget of checks, the
 * evidence draft, the evidence bonus, and the level format's investigation results.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accountsSharingText,
  checksFor,
  investigationBudget,
  MAX_SENTENCES,
  splitSentences,
  tellSentences,
  textSimilarity,
  truthsFor,
} from '../../src/core/investigation';
import type { Post } from '../../src/core/level/schema';
import {
  bestPointsForPost,
  evidenceBonus,
  POINTS,
  type PostTruth,
  pointsForPost,
} from '../../src/core/scoring';
import {
  checksRunOn,
  createSession,
  reduce,
  rejectReason,
  type SessionAction,
  type SessionState,
  scoreSession,
  sessionProblems,
} from '../../src/core/session';
import { check, problemsOf, validLevel } from './level-fixture';

function post(id: string, author: string, text: string, extra: Partial<Post> = {}): Post {
  return {
    id,
    author,
    kind: 'text',
    text: { en: text },
    minutesAgo: 5,
    likes: 0,
    shares: 0,
    comments: [],
    truth: { tactics: [], lure: false, evidence: [], explanations: {} },
    ...extra,
  };
}

const LURE_TEXT =
  'Work abroad for 300,000 a month. No experience needed! Message us today, places are few.';
const POSTS: Post[] = [
  post('ad', 'recruiter', LURE_TEXT, {
    kind: 'ad',
    link: { title: { en: 'Apply' }, url: 'https://apply.example.com/form' },
    truth: {
      tactics: ['economic-incentive'],
      lure: true,
      evidence: [{ en: '300,000 a month' }, { en: 'Message us today' }],
      explanations: {},
    },
  }),
  post('photo', 'anna', 'Sunset over the harbour tonight.', { media: { en: 'A sunset.' } }),
  post('news', 'herald', 'The bridge reopens on Monday, the city council said.'),
];

function level(budget?: number) {
  return {
    id: 'lvl',
    mode: 'learn' as const,
    shuffle: false,
    languages: ['en'],
    posts: POSTS,
    ...(budget === undefined ? {} : { investigationBudget: budget }),
  };
}

const run = (state: SessionState, actions: readonly SessionAction[]) =>
  actions.reduce(reduce, state);

describe('splitSentences', () => {
  it('splits English, Russian, Ukrainian and Chinese text at its own sentence ends', () => {
    expect(splitSentences(LURE_TEXT, 'en').map((s) => s.text)).toEqual([
      'Work abroad for 300,000 a month.',
      'No experience needed!',
      'Message us today, places are few.',
    ]);
    expect(
      splitSentences('Платим 190 000 в месяц. Опыт не нужен! Пишите сегодня.', 'ru').map(
        (s) => s.text,
      ),
    ).toEqual(['Платим 190 000 в месяц.', 'Опыт не нужен!', 'Пишите сегодня.']);
    expect(
      splitSentences('Платимо 190 000 на місяць. Досвід не потрібен? Пишіть!', 'uk').map(
        (s) => s.text,
      ),
    ).toEqual(['Платимо 190 000 на місяць.', 'Досвід не потрібен?', 'Пишіть!']);
    // No spaces between Chinese sentences: the full-width marks end them.
    expect(
      splitSentences('月薪十九万。无需经验！今天就私信我们。', 'zh-Hans').map((s) => s.text),
    ).toEqual(['月薪十九万。', '无需经验！', '今天就私信我们。']);
  });

  it('gives offsets that cut each sentence out of the text, with no blank pieces', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom('en', 'ru', 'zh-Hans'),
        (text, lang) => {
          const sentences = splitSentences(text, lang);
          expect(sentences.length).toBeLessThanOrEqual(MAX_SENTENCES);
          let previousEnd = 0;
          for (const sentence of sentences) {
            expect(sentence.text).toBe(text.slice(sentence.start, sentence.end));
            expect(sentence.text.trim()).toBe(sentence.text);
            expect(sentence.text.length).toBeGreaterThan(0);
            expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
            previousEnd = sentence.end;
          }
        },
      ),
    );
  });

  it('keeps a hostile wall of sentences to a bounded number of pieces, losing no text', () => {
    const text = 'A very long post. '.repeat(220).trim();
    const sentences = splitSentences(text, 'en');
    expect(sentences).toHaveLength(MAX_SENTENCES);
    expect(sentences.at(-1)?.end).toBe(text.length);
  });
});

describe('tellSentences', () => {
  it('names each sentence an evidence phrase touches, also both sides of a phrase over a sentence end', () => {
    expect(tellSentences(LURE_TEXT, 'en', ['300,000 a month', 'Message us today'])).toEqual([0, 2]);
    expect(tellSentences(LURE_TEXT, 'en', ['a month. No experience'])).toEqual([0, 1]);
    expect(tellSentences(LURE_TEXT, 'en', ['not in the text', ''])).toEqual([]);
  });

  it('truthsFor computes the tells in the language played', () => {
    const russian = {
      languages: ['en', 'ru'],
      posts: [
        post('x', 'a', 'Hello. Big money now!', {
          text: { en: 'Hello. Big money now!', ru: 'Привет. Большие деньги! Прямо сейчас.' },
          truth: {
            tactics: ['economic-incentive'],
            lure: false,
            evidence: [{ en: 'Big money', ru: 'Прямо сейчас' }],
            explanations: {},
          },
        }),
      ],
    };
    expect(truthsFor(russian, 'en').get('x')?.tellSentences).toEqual([1]);
    expect(truthsFor(russian, 'ru').get('x')?.tellSentences).toEqual([2]);
  });
});

describe('accountsSharingText', () => {
  const copies = {
    languages: ['en'],
    posts: [
      post('a', 'bot1', 'Western media lies again! Our brothers only defend their homes.'),
      post(
        'b',
        'bot2',
        'The Western media is lying again!! Our brothers only defend their homes 🙏',
      ),
      post('c', 'bot1', 'Western media lies again! Our brothers only defend their homes.'),
      post('d', 'anna', 'My tomatoes are finally ripe, and the basil is doing well.'),
    ],
  };

  it('finds other accounts posting nearly the same words, not the author itself', () => {
    expect(accountsSharingText(copies, 'a', 'en')).toEqual(['bot2']);
    expect(accountsSharingText(copies, 'b', 'en')).toEqual(['bot1']);
    expect(accountsSharingText(copies, 'd', 'en')).toEqual([]);
    expect(accountsSharingText(copies, 'nope', 'en')).toEqual([]);
  });

  it('similarity is symmetric, 1 for the same letters and 0 for nothing to compare', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(textSimilarity(a, b)).toBeCloseTo(textSimilarity(b, a), 10);
        expect(textSimilarity(a, b)).toBeGreaterThanOrEqual(0);
        expect(textSimilarity(a, b)).toBeLessThanOrEqual(1);
      }),
    );
    expect(textSimilarity('Hello, World!', 'hello world')).toBe(1);
    expect(textSimilarity('!!', '??')).toBe(0);
  });
});

describe('checks a post offers, and the budget', () => {
  it('profile and sources always; link for a link or a QR code in a picture; image for a picture', () => {
    expect(checksFor(POSTS[0] as Post)).toEqual(['profile', 'sources', 'link']);
    expect(checksFor(POSTS[1] as Post)).toEqual(['profile', 'sources', 'image']);
    expect(checksFor(POSTS[2] as Post)).toEqual(['profile', 'sources']);
    const qr = {
      media: { en: 'A poster with a QR code' },
      investigation: {
        link: { destination: 'https://x.example.net', domainAgeDays: 2, finding: { en: 'x' } },
      },
    };
    expect(checksFor(qr)).toEqual(['profile', 'sources', 'link', 'image']);
  });

  it('is as written, or one check per post', () => {
    expect(investigationBudget(level(1))).toBe(1);
    expect(investigationBudget(level())).toBe(3);
  });
});

describe('the investigate action', () => {
  it('spends one check, records it on the post, and refuses a repeat with a reason', () => {
    let state = createSession(level(2), [], 1);
    expect(rejectReason(state, { type: 'investigate', check: 'profile' })).toBe('nothing-open');
    state = run(state, [
      { type: 'open', postId: 'ad' },
      { type: 'investigate', check: 'link' },
    ]);
    expect(state.checksLeft).toBe(1);
    expect(checksRunOn(state, 'ad')).toEqual(['link']);
    expect(rejectReason(state, { type: 'investigate', check: 'link' })).toBe('already-checked');
    expect(rejectReason(state, { type: 'investigate', check: 'image' })).toBe('check-unavailable');
  });

  it('is refused once the budget is spent, and results survive closing and reopening', () => {
    let state = createSession(level(1), [], 1);
    state = run(state, [
      { type: 'open', postId: 'ad' },
      { type: 'investigate', check: 'profile' },
      { type: 'close' },
      { type: 'open', postId: 'ad' },
    ]);
    expect(checksRunOn(state, 'ad')).toEqual(['profile']);
    expect(rejectReason(state, { type: 'investigate', check: 'sources' })).toBe('budget-spent');
    expect(reduce(state, { type: 'investigate', check: 'sources' })).toBe(state);
  });

  it('never goes below zero or runs a check a post lacks, whatever the player presses', () => {
    const actions = fc.array(
      fc.oneof(
        fc.record({
          type: fc.constant('open' as const),
          postId: fc.constantFrom('ad', 'photo', 'news'),
        }),
        fc.constant({ type: 'close' as const }),
        fc.record({
          type: fc.constant('investigate' as const),
          check: fc.constantFrom(
            'profile' as const,
            'sources' as const,
            'link' as const,
            'image' as const,
          ),
        }),
        fc.record({
          type: fc.constant('toggleEvidence' as const),
          sentence: fc.integer({ min: -2, max: 70 }),
        }),
        fc.constant({ type: 'toggleTactic' as const, tacticId: 'economic-incentive' }),
        fc.constant({ type: 'flag' as const }),
        fc.constant({ type: 'pass' as const }),
        fc.constant({ type: 'continue' as const }),
      ) as fc.Arbitrary<SessionAction>,
      { maxLength: 50 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), actions, (budget, list) => {
        let state = createSession(level(budget), ['economic-incentive'], 1);
        for (const action of list) {
          state = reduce(state, action);
          expect(sessionProblems(state)).toEqual([]);
        }
        const run = Object.values(state.checksRun).flat().length;
        expect(state.checksLeft).toBe(budget - run);
      }),
      { numRuns: 200 },
    );
  });
});

describe('marking evidence', () => {
  it('toggles sentences in the draft, clears them on close, and keeps them in a flag', () => {
    let state = createSession(level(), ['economic-incentive'], 1);
    state = run(state, [
      { type: 'open', postId: 'ad' },
      { type: 'toggleEvidence', sentence: 2 },
      { type: 'toggleEvidence', sentence: 0 },
      { type: 'toggleEvidence', sentence: 1 },
      { type: 'toggleEvidence', sentence: 1 },
    ]);
    expect(state.draft.evidence).toEqual([0, 2]);
    expect(rejectReason(state, { type: 'toggleEvidence', sentence: 1.5 })).toBe('unknown-sentence');
    expect(rejectReason(state, { type: 'toggleEvidence', sentence: MAX_SENTENCES })).toBe(
      'unknown-sentence',
    );
    expect(run(state, [{ type: 'close' }]).draft.evidence ?? []).toEqual([]);
    state = run(state, [{ type: 'toggleLure' }, { type: 'flag' }]);
    expect(state.answers.ad?.evidence).toEqual([0, 2]);
    const score = scoreSession(state, truthsFor({ posts: POSTS }, 'en'));
    // Hit 100 + F1 0 + lure right 25 + both marks are tells 25.
    expect(score.posts[0]?.points).toBe(150);
    expect(score.posts[0]?.evidenceBonus).toBe(25);
  });

  it('letting a post pass keeps no evidence', () => {
    const state = run(createSession(level(), [], 1), [
      { type: 'open', postId: 'ad' },
      { type: 'toggleEvidence', sentence: 0 },
      { type: 'pass' },
    ]);
    expect(state.answers.ad).toEqual({ tactics: [], lure: false });
  });
});

describe('evidenceBonus', () => {
  const lure: PostTruth = {
    tactics: ['economic-incentive'],
    lure: true,
    tellSentences: [0, 2],
    sentenceCount: 3,
  };
  const flagged = { tactics: ['economic-incentive'], lure: true };

  it('pays 25 for marks that are all tells; marks no better than chance earn nothing', () => {
    expect(evidenceBonus({ ...flagged, evidence: [0] }, lure)).toBe(25);
    expect(evidenceBonus({ ...flagged, evidence: [0, 2] }, lure)).toBe(25);
    // Half the marks are tells where two thirds of the sentences are: worse than chance.
    expect(evidenceBonus({ ...flagged, evidence: [0, 1] }, lure)).toBe(0);
    expect(evidenceBonus({ ...flagged, evidence: [0, 1, 2] }, lure)).toBe(0);
    expect(evidenceBonus({ ...flagged, evidence: [1] }, lure)).toBe(0);
    expect(evidenceBonus(flagged, lure)).toBe(0);
    expect(pointsForPost({ ...flagged, evidence: [2] }, lure)).toBe(bestPointsForPost(lure));
    expect(bestPointsForPost(lure)).toBe(
      POINTS.hit + POINTS.tacticBonus + POINTS.lureRight + POINTS.evidenceBonus,
    );
  });

  it('pays a share for marks better than chance, and 25 when every sentence is a tell', () => {
    // One tell in five sentences; one right mark and one wrong: (1/2 - 1/5) / (4/5) = 3/8.
    const long: PostTruth = { tactics: ['a'], lure: false, tellSentences: [1], sentenceCount: 5 };
    expect(evidenceBonus({ tactics: ['a'], lure: false, evidence: [1, 3] }, long)).toBe(9);
    const allTells: PostTruth = { ...long, tellSentences: [0, 1], sentenceCount: 2 };
    expect(evidenceBonus({ tactics: ['a'], lure: false, evidence: [0, 1] }, allTells)).toBe(25);
  });

  const truth = fc.record({
    tactics: fc.subarray(['a', 'b']),
    lure: fc.boolean(),
    tellSentences: fc.uniqueArray(fc.nat(8), { maxLength: 4 }),
    sentenceCount: fc.constant(9),
  });
  const answer = fc.record({
    tactics: fc.subarray(['a', 'b']),
    lure: fc.boolean(),
    evidence: fc.uniqueArray(fc.nat(8), { maxLength: 9 }),
  });

  it('is never negative, never above 25, never for a genuine or unflagged post', () => {
    fc.assert(
      fc.property(answer, truth, (given, real) => {
        const bonus = evidenceBonus(given, real);
        expect(bonus).toBeGreaterThanOrEqual(0);
        expect(bonus).toBeLessThanOrEqual(POINTS.evidenceBonus);
        const genuine = { ...real, tactics: [], lure: false };
        expect(evidenceBonus(given, genuine)).toBe(0);
        expect(evidenceBonus({ ...given, tactics: [], lure: false }, real)).toBe(0);
        expect(pointsForPost(given, real)).toBeLessThanOrEqual(bestPointsForPost(real));
      }),
    );
  });

  it('marking one more non-tell sentence never raises it; marking every sentence earns nothing unless all are tells', () => {
    fc.assert(
      fc.property(answer, truth, fc.nat(8), (given, real, extra) => {
        fc.pre(!real.tellSentences.includes(extra) && !given.evidence.includes(extra));
        const more = { ...given, evidence: [...given.evidence, extra] };
        expect(evidenceBonus(more, real)).toBeLessThanOrEqual(evidenceBonus(given, real));
        const everything = { ...given, evidence: [0, 1, 2, 3, 4, 5, 6, 7, 8] };
        expect(evidenceBonus(everything, real)).toBe(0);
      }),
    );
  });

  it('marking only tells earns the full 25 on a flagged manipulative post', () => {
    fc.assert(
      fc.property(answer, truth, (given, real) => {
        fc.pre(real.tellSentences.length > 0 && (real.tactics.length > 0 || real.lure));
        const flaggedRight = { tactics: ['a'], lure: given.lure, evidence: real.tellSentences };
        expect(evidenceBonus(flaggedRight, real)).toBe(POINTS.evidenceBonus);
      }),
    );
  });
});

describe('investigation results in the level format', () => {
  const sources = [
    {
      outlet: { en: 'Harbour Herald', ru: 'Вестник гавани' },
      verdict: 'contradicts',
      summary: { en: 'No such jobs exist.', ru: 'Таких вакансий нет.' },
    },
  ];
  const linkCheck = {
    destination: 'https://forms.example.net/recruit',
    domainAgeDays: 4,
    finding: { en: 'A recruiter form.', ru: 'Анкета вербовщика.' },
  };
  const imageCheck = {
    firstSeen: { en: 'A 2019 news site', ru: 'Новостной сайт, 2019' },
    daysEarlier: 2000,
    finding: { en: 'An old photo.', ru: 'Старое фото.' },
  };

  it('accepts sources, a link check and an image check, and a budget', () => {
    const file = validLevel();
    file.investigationBudget = 3;
    file.posts[1].link = { title: { en: 'Apply', ru: 'Подать' }, url: 'https://a.example.com' };
    file.posts[1].media = { en: 'A poster.', ru: 'Плакат.' };
    file.posts[1].investigation = { sources, link: linkCheck, image: imageCheck };
    const result = check(file);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('names each misplaced or broken result, in plain words and with its place', () => {
    const file = validLevel();
    file.posts[0].investigation = {
      sources: [...sources, { ...sources[0], verdict: 'maybe' }],
      link: { ...linkCheck, destination: 'https://real-site.com/x' },
      image: imageCheck,
    };
    file.posts[1].investigation = { link: linkCheck };
    const problems = problemsOf(file).map((p) => `${p.path} ${p.code}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'posts[0].investigation.sources[1].outlet level.duplicate-outlet',
        'posts[0].investigation.sources[1].verdict schema.one-of',
        'posts[0].investigation.link.destination schema.link-url',
        'posts[0].investigation.link level.link-check-without-link',
        'posts[0].investigation.image level.image-check-without-media',
        'posts[1].investigation.link level.link-check-without-link',
      ]),
    );
  });

  it('a missing translation in a result is reported like any other text', () => {
    const file = validLevel();
    file.posts[0].investigation = {
      sources: [{ ...sources[0], summary: { en: 'Only English.' } }],
    };
    expect(problemsOf(file).map((p) => `${p.path} ${p.code}`)).toContain(
      'posts[0].investigation.sources[0].summary level.missing-language',
    );
  });
});
