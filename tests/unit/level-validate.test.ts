/**
 * The level validator as a trainer meets it: each cross-check and each message code
 * of locales/en/validation.json, with the JSON path, the line and column, and the
 * English sentence the trainer reads.
 */
import type { TFunction } from 'i18next';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLevelFiles } from '../../scripts/level-files';
import { englishT } from '../../scripts/node-i18n';
import { buildCatalog } from '../../src/core/level/catalog';
import { decodeUtf8, JSON_LIMITS, parseUntrustedJson } from '../../src/core/level/parse-json';
import type { Problem } from '../../src/core/level/problem';
import { problemFromIssue, validateTaxonomySource } from '../../src/core/level/validate';
import { formatProblem } from '../../src/services/problems';
import {
  check,
  type LevelJson,
  levelText,
  messageCodes,
  OPTIONS,
  positionOf,
  problemsOf,
  validLevel,
} from './level-fixture';

let t: TFunction;
beforeAll(async () => {
  t = await englishT();
});

const english = (problem: Problem) => formatProblem(t, 'levels/x.json', problem);

function withLevel(change: (level: LevelJson) => void): LevelJson {
  const level = validLevel();
  change(level);
  return level;
}

/** The one problem with this code; fails when there is none or more than one. */
function only(problems: Problem[], code: string): Problem {
  const matching = problems.filter((problem) => problem.code === code);
  expect(matching, `${code} in ${JSON.stringify(problems)}`).toHaveLength(1);
  return matching[0] as Problem;
}

describe('a valid level', () => {
  it('passes and gets its defaults filled in', () => {
    const result = check(validLevel());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.mode).toBe('learn');
    expect(result.value.shuffle).toBe(true);
    expect(result.value.tactics).toEqual([]);
    expect(result.value.posts[0]?.comments).toEqual([]);
  });

  it('reports every problem at once, in file order, not just the first', () => {
    const problems = problemsOf(
      withLevel((level) => {
        level.posts[0].author = 'anna_k';
        level.posts[1].truth.tactics.push('made-up');
        level.posts[1].id = 'p-genuine';
      }),
    );
    expect(problems.map((problem) => problem.code)).toEqual([
      'level.unknown-author',
      'level.duplicate-id',
      'level.unknown-tactic',
      'level.explanation-missing',
    ]);
    const lines = problems.map((problem) => problem.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe('cross-checks', () => {
  it('ids are unique among accounts, posts and tactics, pointing at the second one', () => {
    const level = withLevel((level) => {
      level.accounts[1].id = 'anna';
      level.posts[1].id = 'p-genuine';
    });
    const text = levelText(level);
    const problems = problemsOf(text);
    const accounts = problems.find((problem) => problem.path === 'accounts[1].id');
    expect(accounts).toMatchObject({ code: 'level.duplicate-id', params: { id: 'anna' } });
    // The first "id" after Anna's bio is the second account's.
    expect(accounts).toMatchObject(positionOf(text, '"id"', '"Gardener."'));
    expect(problems.find((problem) => problem.path === 'posts[1].id')).toMatchObject({
      code: 'level.duplicate-id',
      params: { id: 'p-genuine' },
    });
    expect(english(accounts as Problem)).toContain('the id "anna" is used twice');

    const tactic = { ...scamTactic() };
    const twoTactics = problemsOf(withLevel((level) => (level.tactics = [tactic, tactic])));
    expect(only(twoTactics, 'level.duplicate-id').path).toBe('tactics[1].id');
  });

  it('a post author must be an account id, and the message lists the known ids', () => {
    const level = withLevel((level) => (level.posts[1].author = 'anna_k'));
    const text = levelText(level);
    const problem = only(problemsOf(text), 'level.unknown-author');
    expect(problem.path).toBe('posts[1].author');
    expect(problem).toMatchObject(positionOf(text, '"author"', '"p-lure"'));
    expect(english(problem)).toBe(
      `levels/x.json: posts[1].author: no account with id "anna_k"; known ids: anna, recruiter (line ${problem.line}, column ${problem.column})`,
    );
  });

  it('with many accounts, the known ids listed are the ones closest to the typo', () => {
    const problem = only(
      problemsOf(
        withLevel((level) => {
          for (let i = 0; i < 30; i++) {
            level.accounts.push({ ...level.accounts[0], id: `user${i}`, handle: `@user${i}` });
          }
          level.accounts.push({ ...level.accounts[0], id: 'natasha_k', handle: '@nk' });
          level.posts[1].author = 'natasha-k';
        }),
      ),
      'level.unknown-author',
    );
    expect(String(problem.params.known).split(', ')[0]).toBe('natasha_k');
    expect(String(problem.params.known)).toMatch(/, …$/);
  });

  it('a tactic must exist in the taxonomy or in the level, and the message lists them', () => {
    const problem = only(
      problemsOf(
        withLevel(
          (level) => (level.posts[1].truth.tactics = ['economic-incentive', 'nationalizm']),
        ),
      ),
      'level.unknown-tactic',
    );
    expect(problem.path).toBe('posts[1].truth.tactics[1]');
    expect(english(problem)).toContain(
      'no tactic with id "nationalizm"; known tactics: nationalism, economic-incentive',
    );
  });

  it('a level can declare its own tactic (scam-urgency) and posts can use it', () => {
    const level = withLevel((level) => {
      level.tactics = [scamTactic()];
      level.posts[1].truth.tactics = ['scam-urgency'];
      level.posts[1].truth.explanations = {
        'scam-urgency': { en: 'Hurry!', ru: 'Скорее!' },
        lure: { en: 'Write now.', ru: 'Пишите.' },
      };
    });
    const result = check(level);
    expect(result.ok && result.value.tactics.map((tactic) => tactic.id)).toEqual(['scam-urgency']);
    // Without the declaration, the same post is refused.
    delete level.tactics;
    expect(only(problemsOf(level), 'level.unknown-tactic').params.id).toBe('scam-urgency');
  });

  it("a level's own tactic may not reuse a built-in id or the lure id", () => {
    const problems = problemsOf(
      withLevel(
        (level) =>
          (level.tactics = [
            { ...scamTactic(), id: 'nationalism' },
            { ...scamTactic(), id: 'lure' },
          ]),
      ),
    );
    const shadows = problems.filter((problem) => problem.code === 'level.tactic-shadows-built-in');
    expect(shadows.map((problem) => [problem.path, problem.params.id])).toEqual([
      ['tactics[0].id', 'nationalism'],
      ['tactics[1].id', 'lure'],
    ]);
  });

  it('a tactic listed twice in one post is reported once', () => {
    const problem = only(
      problemsOf(
        withLevel(
          (level) => (level.posts[1].truth.tactics = ['economic-incentive', 'economic-incentive']),
        ),
      ),
      'level.duplicate-tactic',
    );
    expect(problem.path).toBe('posts[1].truth.tactics[1]');
  });

  it('every tactic and the lure need an explanation, and no explanation goes unused', () => {
    const missing = problemsOf(withLevel((level) => (level.posts[1].truth.explanations = {})));
    expect(
      missing
        .filter((problem) => problem.code === 'level.explanation-missing')
        .map((problem) => problem.params.id),
    ).toEqual(['economic-incentive', 'lure']);
    expect(missing[0]?.path).toBe('posts[1].truth.explanations');

    const unused = only(
      problemsOf(
        withLevel(
          (level) => (level.posts[1].truth.explanations.nationalism = { en: 'x', ru: 'x' }),
        ),
      ),
      'level.explanation-unused',
    );
    expect(unused.path).toBe('posts[1].truth.explanations.nationalism');
    const lureUnused = only(
      problemsOf(
        withLevel((level) => {
          level.posts[1].truth.lure = false;
        }),
      ),
      'level.explanation-unused',
    );
    expect(lureUnused.params.id).toBe('lure');
  });

  it('an evidence phrase must occur exactly in the post text, in each language', () => {
    const level = withLevel((level) => (level.posts[1].truth.evidence[0].ru = 'огромный бонус'));
    const text = levelText(level);
    const problem = only(problemsOf(text), 'level.evidence-not-in-text');
    expect(problem.path).toBe('posts[1].truth.evidence[0].ru');
    expect(problem.params).toEqual({ phrase: 'огромный бонус', lang: 'ru' });
    expect(problem).toMatchObject(positionOf(text, '"ru": "огромный бонус"'));
    expect(english(problem)).toContain('"огромный бонус" does not occur in the post\'s ru text');
  });

  it('manipulative posts need evidence and no whyGenuine; genuine posts the opposite', () => {
    const noEvidence = only(
      problemsOf(withLevel((level) => (level.posts[1].truth.evidence = []))),
      'level.evidence-missing',
    );
    expect(noEvidence.path).toBe('posts[1].truth.evidence');

    const whyOnManipulative = only(
      problemsOf(withLevel((level) => (level.posts[1].truth.whyGenuine = { en: 'x', ru: 'x' }))),
      'level.why-genuine-on-manipulative',
    );
    expect(whyOnManipulative.path).toBe('posts[1].truth.whyGenuine');

    const noWhy = only(
      problemsOf(withLevel((level) => delete level.posts[0].truth.whyGenuine)),
      'level.why-genuine-missing',
    );
    expect(noWhy.path).toBe('posts[0].truth');

    const evidenceOnGenuine = only(
      problemsOf(
        withLevel(
          (level) => (level.posts[0].truth.evidence = [{ en: 'tomatoes', ru: 'помидоры' }]),
        ),
      ),
      'level.evidence-on-genuine',
    );
    expect(evidenceOnGenuine.path).toBe('posts[0].truth.evidence');
  });

  it('a level needs at least one genuine and one manipulative post', () => {
    const allManipulative = withLevel((level) => {
      level.posts[0] = { ...structuredClone(level.posts[1]), id: 'p-second' };
    });
    expect(only(problemsOf(allManipulative), 'level.no-genuine').path).toBe('posts');

    const allGenuine = withLevel((level) => {
      level.posts[1] = { ...structuredClone(level.posts[0]), id: 'p-second' };
    });
    expect(only(problemsOf(allGenuine), 'level.no-manipulative').path).toBe('posts');
  });

  it('every text has every declared language, and no other', () => {
    const level = withLevel((level) => {
      delete level.posts[0].text.ru;
      level.goals[0].ru = '  ';
      level.briefing.uk = 'Дивіться уважно.';
    });
    const text = levelText(level);
    const problems = problemsOf(text);
    const missing = problems.filter((problem) => problem.code === 'level.missing-language');
    expect(missing.map((problem) => [problem.path, problem.params.lang])).toEqual([
      ['goals[0]', 'ru'],
      ['posts[0].text', 'ru'],
    ]);
    const undeclared = only(problems, 'level.undeclared-language');
    expect(undeclared).toMatchObject({
      path: 'briefing.uk',
      params: { lang: 'uk', languages: 'en, ru' },
    });
    expect(undeclared).toMatchObject(positionOf(text, '"uk"'));
  });

  it('finds texts in every place the schema has them: comments, links, history, own tactics', () => {
    const level = withLevel((level) => {
      level.posts[0].comments = [{ author: { en: 'Bo' }, text: { en: 'Nice', ru: 'Класс' } }];
      level.posts[1].link = { title: { ru: 'Ссылка' }, url: 'https://jobs.example.com/x' };
      level.accounts[0].history = [{ en: 'Photos' }];
      level.tactics = [{ ...scamTactic(), tells: [{ en: 'Act now' }] }];
    });
    const missing = problemsOf(level)
      .filter((problem) => problem.code === 'level.missing-language')
      .map((problem) => `${problem.path} ${problem.params.lang}`);
    expect(missing).toEqual([
      'accounts[0].history[0] ru',
      'posts[0].comments[0].author ru',
      'posts[1].link.title en',
      'tactics[0].tells[0] ru',
    ]);
  });

  it('shipped levels must have every shipped locale; other files need only their own', () => {
    const required = { ...OPTIONS, requiredLanguages: ['en', 'ru', 'zh-Hans'] };
    const problem = only(problemsOf(validLevel(), required), 'level.language-required');
    expect(problem).toMatchObject({ path: 'languages', params: { lang: 'zh-Hans' } });
    expect(check(validLevel(), OPTIONS).ok).toBe(true);
  });

  it('cross-checks still run when the schema fails elsewhere in the file', () => {
    const problems = problemsOf(
      withLevel((level) => {
        level.passMark = 'fifty';
        level.accounts[0].followers = -1;
        level.posts[1].author = 'nobody';
        level.posts[1].truth.evidence[0].en = 'Tiny bonus';
      }),
    );
    expect(problems.map((problem) => problem.code).sort()).toEqual([
      'level.evidence-not-in-text',
      'level.unknown-author',
      'schema.expected-number',
      'schema.too-small',
    ]);
  });

  it('a post whose truth is broken does not trigger the level-wide genuine/manipulative checks', () => {
    const problems = problemsOf(withLevel((level) => (level.posts[1].truth = 'manipulative')));
    expect(problems.map((problem) => problem.code)).toEqual(['schema.expected-object']);
  });

  it('two files with the same level id: the second is refused and names the first', () => {
    const catalog = buildCatalog(
      [
        { name: 'levels/a.json', source: levelText(validLevel()) },
        { name: 'levels/b.json', source: levelText(validLevel()) },
      ],
      OPTIONS,
    );
    expect(catalog.levels.map((entry) => entry.file)).toEqual(['levels/a.json']);
    expect(catalog.failures).toHaveLength(1);
    const problem = only(catalog.failures[0]?.problems ?? [], 'level.duplicate-level-id');
    expect(problem).toMatchObject({
      path: 'id',
      params: { id: 'fixture', other: 'levels/a.json' },
    });
    expect(problem).toMatchObject(positionOf(levelText(validLevel()), '"id"'));
  });

  it('each file can carry its own required languages', () => {
    const catalog = buildCatalog(
      [
        {
          name: 'levels/shipped.json',
          source: levelText(validLevel()),
          requiredLanguages: ['en', 'uk'],
        },
        { name: 'drafts/mine.json', source: levelText(withLevel((level) => (level.id = 'mine'))) },
      ],
      { ...OPTIONS, requiredLanguages: [] },
    );
    expect(catalog.levels.map((entry) => entry.file)).toEqual(['drafts/mine.json']);
    expect(catalog.failures[0]?.problems[0]).toMatchObject({
      code: 'level.language-required',
      params: { lang: 'uk' },
    });
  });
});

describe('the taxonomy', () => {
  it('is checked for unique ids and languages, and for the shipped locales when asked', () => {
    const { id: _, ...lure } = taxonomyTactic('lure');
    const taxonomy = {
      formatVersion: 1,
      languages: ['en'],
      tactics: [taxonomyTactic('a'), taxonomyTactic('a')],
      lure,
    };
    const problems = validateTaxonomySource(JSON.stringify(taxonomy), {
      requiredLanguages: ['en', 'ru'],
    });
    expect(problems.ok).toBe(false);
    if (problems.ok) return;
    expect(problems.problems.map((problem) => `${problem.path} ${problem.code}`)).toEqual([
      'languages level.language-required',
      'tactics[1].id level.duplicate-id',
    ]);
  });
});

/**
 * One case per message code: how a trainer gets it, and the JSON path it names.
 * Together with the test below, every code in locales/en/validation.json has a case.
 */
interface MessageCase {
  code: string;
  path: string;
  problems: () => Problem[];
}

const mutated = (change: (level: LevelJson) => void) => () => problemsOf(withLevel(change));
const source = (text: string | Uint8Array) => () => {
  const result = check(text as string);
  if (result.ok) throw new Error('expected the source to be refused');
  return result.problems;
};

const MESSAGE_CASES: MessageCase[] = [
  {
    code: 'file.not-found',
    path: '',
    problems: () => readLevelFiles(['/no/such/level.json']).unreadable[0]?.problems ?? [],
  },
  {
    code: 'file.unreadable',
    path: '',
    problems: () => readLevelFiles(['/']).unreadable[0]?.problems ?? [],
  },
  { code: 'json.empty', path: '', problems: source('') },
  { code: 'json.not-utf8', path: '', problems: notUtf8 },
  { code: 'json.too-large', path: '', problems: source(' '.repeat(JSON_LIMITS.maxBytes + 1)) },
  { code: 'json.too-deep', path: '', problems: source('['.repeat(100)) },
  { code: 'json.not-object', path: '', problems: source('[1, 2]') },
  {
    code: 'json.forbidden-key',
    path: 'posts[0].__proto__',
    problems: source('{"posts": [{"__proto__": {}}]}'),
  },
  { code: 'json.duplicate-key', path: 'title', problems: source('{"title": {}, "title": {}}') },
  { code: 'json.InvalidSymbol', path: '', problems: source("{'id': 'x'}") },
  { code: 'json.PropertyNameExpected', path: '', problems: source('{"id": "x",}') },
  { code: 'json.ValueExpected', path: '', problems: source('{"id": }') },
  { code: 'json.ColonExpected', path: '', problems: source('{"id" "x"}') },
  { code: 'json.CommaExpected', path: '', problems: source('{"id": "x"\n"order": 1}') },
  { code: 'json.CloseBraceExpected', path: '', problems: source('{"id": "x"') },
  { code: 'json.CloseBracketExpected', path: '', problems: source('{"goals": [1, 2') },
  { code: 'json.EndOfFileExpected', path: '', problems: source('{} {}') },
  { code: 'json.InvalidCommentToken', path: '', problems: source('{ // a comment\n}') },
  { code: 'json.UnexpectedEndOfString', path: '', problems: source('{"id": "x') },
  { code: 'json.UnexpectedEndOfNumber', path: '', problems: source('{"order": 1.}') },
  { code: 'json.InvalidUnicode', path: '', problems: source('{"id": "\\u12"}') },
  { code: 'json.InvalidEscapeCharacter', path: '', problems: source('{"id": "\\q"}') },
  { code: 'json.InvalidCharacter', path: '', problems: source('{"id": "a\tb"}') },
  {
    code: 'schema.missing',
    path: 'posts[0].kind',
    problems: mutated((level) => delete level.posts[0].kind),
  },
  {
    code: 'schema.unknown-field',
    path: 'posts[0].autor',
    problems: mutated((level) => (level.posts[0].autor = 'anna')),
  },
  {
    code: 'schema.type',
    path: '',
    problems: () => [problemFromIssue(pickIssue(), { locate: () => undefined })],
  },
  {
    code: 'schema.expected-text',
    path: 'title.en',
    problems: mutated((level) => (level.title.en = 5)),
  },
  {
    code: 'schema.expected-number',
    path: 'order',
    problems: mutated((level) => (level.order = '5')),
  },
  {
    code: 'schema.expected-boolean',
    path: 'shuffle',
    problems: mutated((level) => (level.shuffle = 'yes')),
  },
  {
    code: 'schema.expected-object',
    path: 'posts[0].text',
    problems: mutated((level) => (level.posts[0].text = 'hi')),
  },
  {
    code: 'schema.expected-list',
    path: 'goals',
    problems: mutated((level) => (level.goals = { en: 'x' })),
  },
  { code: 'schema.too-few', path: 'accounts', problems: mutated((level) => (level.accounts = [])) },
  {
    code: 'schema.too-many',
    path: 'posts',
    problems: mutated((level) => (level.posts = manyPosts(501))),
  },
  {
    code: 'schema.too-long',
    path: 'posts[0].text.en',
    problems: mutated((level) => (level.posts[0].text.en = 'x'.repeat(4001))),
  },
  {
    code: 'schema.too-small',
    path: 'posts[0].minutesAgo',
    problems: mutated((level) => (level.posts[0].minutesAgo = -5)),
  },
  {
    code: 'schema.too-big',
    path: 'passMark',
    problems: mutated((level) => (level.passMark = 101)),
  },
  {
    code: 'schema.integer',
    path: 'accounts[0].followers',
    problems: mutated((level) => (level.accounts[0].followers = 1.5)),
  },
  {
    code: 'schema.id',
    path: 'accounts[0].id',
    problems: mutated((level) => (level.accounts[0].id = 'Anna K')),
  },
  {
    code: 'schema.language-tag',
    path: 'languages[1]',
    problems: mutated((level) => (level.languages[1] = 'Russian')),
  },
  {
    code: 'schema.languages-empty',
    path: 'languages',
    problems: mutated((level) => (level.languages = [])),
  },
  {
    code: 'schema.colour',
    path: 'tactics[0].colour',
    problems: mutated((level) => (level.tactics = [{ ...scamTactic(), colour: 'red' }])),
  },
  {
    code: 'schema.handle',
    path: 'accounts[0].handle',
    problems: mutated((level) => (level.accounts[0].handle = 'anna')),
  },
  {
    code: 'schema.sticker',
    path: 'posts[0].sticker',
    problems: mutated((level) => (level.posts[0].sticker = 'party time')),
  },
  {
    code: 'schema.one-of',
    path: 'platform',
    problems: mutated((level) => (level.platform = 'tiktok')),
  },
  {
    code: 'schema.link-url',
    path: 'posts[0].link.url',
    problems: mutated(
      (level) =>
        (level.posts[0].link = { title: { en: 'x', ru: 'x' }, url: 'https://real-site.com' }),
    ),
  },
  {
    code: 'schema.format-version',
    path: 'formatVersion',
    problems: mutated((level) => (level.formatVersion = 2)),
  },
  {
    code: 'level.language-required',
    path: 'languages',
    problems: () => problemsOf(validLevel(), { ...OPTIONS, requiredLanguages: ['uk'] }),
  },
  {
    code: 'level.missing-language',
    path: 'title',
    problems: mutated((level) => delete level.title.ru),
  },
  {
    code: 'level.undeclared-language',
    path: 'title.uk',
    problems: mutated((level) => (level.title.uk = 'Зразок')),
  },
  {
    code: 'level.duplicate-id',
    path: 'posts[1].id',
    problems: mutated((level) => (level.posts[1].id = 'p-genuine')),
  },
  {
    code: 'level.duplicate-level-id',
    path: 'id',
    problems: () =>
      buildCatalog(
        [
          { name: 'a', source: levelText(validLevel()) },
          { name: 'b', source: levelText(validLevel()) },
        ],
        OPTIONS,
      ).failures[0]?.problems ?? [],
  },
  {
    code: 'level.tactic-shadows-built-in',
    path: 'tactics[0].id',
    problems: mutated((level) => (level.tactics = [{ ...scamTactic(), id: 'misinformation' }])),
  },
  {
    code: 'level.unknown-author',
    path: 'posts[0].author',
    problems: mutated((level) => (level.posts[0].author = 'anna_k')),
  },
  {
    code: 'level.unknown-tactic',
    path: 'posts[1].truth.tactics[0]',
    problems: mutated((level) => (level.posts[1].truth.tactics[0] = 'greed')),
  },
  {
    code: 'level.duplicate-tactic',
    path: 'posts[1].truth.tactics[1]',
    problems: mutated((level) => level.posts[1].truth.tactics.push('economic-incentive')),
  },
  {
    code: 'level.explanation-missing',
    path: 'posts[1].truth.explanations',
    problems: mutated((level) => delete level.posts[1].truth.explanations.lure),
  },
  {
    code: 'level.explanation-unused',
    path: 'posts[1].truth.explanations.lure',
    problems: mutated((level) => (level.posts[1].truth.lure = false)),
  },
  {
    code: 'level.evidence-missing',
    path: 'posts[1].truth.evidence',
    problems: mutated((level) => delete level.posts[1].truth.evidence),
  },
  {
    code: 'level.evidence-on-genuine',
    path: 'posts[0].truth.evidence',
    problems: mutated((level) => (level.posts[0].truth.evidence = [{ en: 'ripe', ru: 'созрели' }])),
  },
  {
    code: 'level.why-genuine-missing',
    path: 'posts[0].truth',
    problems: mutated((level) => delete level.posts[0].truth.whyGenuine),
  },
  {
    code: 'level.why-genuine-on-manipulative',
    path: 'posts[1].truth.whyGenuine',
    problems: mutated((level) => (level.posts[1].truth.whyGenuine = { en: 'x', ru: 'x' })),
  },
  {
    code: 'level.evidence-not-in-text',
    path: 'posts[1].truth.evidence[0].en',
    problems: mutated((level) => (level.posts[1].truth.evidence[0].en = 'Big bonus')),
  },
  {
    code: 'level.link-check-without-link',
    path: 'posts[0].investigation.link',
    problems: mutated(
      (level) =>
        (level.posts[0].investigation = {
          link: {
            destination: 'https://forms.example.net/join',
            domainAgeDays: 3,
            finding: { en: 'A form.', ru: 'Анкета.' },
          },
        }),
    ),
  },
  {
    code: 'level.image-check-without-media',
    path: 'posts[0].investigation.image',
    problems: mutated(
      (level) =>
        (level.posts[0].investigation = {
          image: {
            firstSeen: { en: 'A blog', ru: 'Блог' },
            daysEarlier: 900,
            finding: { en: 'Old.', ru: 'Старое.' },
          },
        }),
    ),
  },
  {
    code: 'level.picture-without-media',
    path: 'posts[0].picture',
    problems: mutated((level) => (level.posts[0].picture = { setting: 'street' })),
  },
  {
    code: 'schema.seed',
    path: 'posts[0].picture.people[0].face',
    problems: mutated((level) => {
      level.posts[0].media = { en: 'A man', ru: 'Мужчина' };
      level.posts[0].picture = { people: [{ face: 'Олег П.' }] };
    }),
  },
  {
    code: 'level.duplicate-outlet',
    path: 'posts[0].investigation.sources[1].outlet',
    problems: mutated((level) => {
      const source = {
        outlet: { en: 'Harbour Herald', ru: 'Вестник гавани' },
        verdict: 'confirms',
        summary: { en: 'Yes.', ru: 'Да.' },
      };
      level.posts[0].investigation = { sources: [source, source] };
    }),
  },
  {
    code: 'level.no-genuine',
    path: 'posts',
    problems: mutated(
      (level) => (level.posts[0] = { ...structuredClone(level.posts[1]), id: 'p2' }),
    ),
  },
  {
    code: 'level.no-manipulative',
    path: 'posts',
    problems: mutated(
      (level) => (level.posts[1] = { ...structuredClone(level.posts[0]), id: 'p2' }),
    ),
  },
  {
    code: 'level.more-problems',
    path: '',
    problems: mutated((level) => (level.goals = Array(300).fill(1))),
  },
];

/**
 * jsonc-parser defines these, but never reports them with the options the validator
 * uses (comments are refused before they can be unterminated; its scanner never hands
 * over a number that does not parse). Their messages stay, in case a newer parser does.
 */
const UNREACHABLE = ['json.UnexpectedEndOfComment', 'json.InvalidNumberFormat'];

describe('every message code', () => {
  it('has a case below, and every case is a code with an English message', () => {
    const covered = [...MESSAGE_CASES.map((entry) => entry.code), ...UNREACHABLE].sort();
    expect(covered).toEqual(messageCodes().sort());
  });

  it.each(MESSAGE_CASES)(
    '$code: named with its path and a complete English sentence',
    ({ code, path, problems }) => {
      const problem = only(problems(), code);
      expect(problem.path).toBe(path);
      const line = english(problem);
      expect(line).toMatch(/^levels\/x\.json: /);
      expect(line).toContain(`: ${path === '' ? '(whole file)' : path}: `);
      expect(line).not.toMatch(/\{\{|\}\}/);
      expect(line).not.toContain(code);
    },
  );

  it('problems that have a place in the file say where, with line and column', () => {
    const placed = MESSAGE_CASES.filter(
      (entry) =>
        ![
          'file.not-found',
          'file.unreadable',
          'json.empty',
          'json.too-large',
          'schema.type',
          'level.more-problems',
        ].includes(entry.code),
    );
    for (const { code, problems } of placed) {
      const problem = only(problems(), code);
      expect(problem.line, code).toBeGreaterThanOrEqual(1);
      expect(english(problem), code).toMatch(/\(line \d+, column \d+\)$/);
    }
  });
});

describe('JSON syntax errors', () => {
  it('point at the line and column of the mistake, once per line', () => {
    const text = '{\n  "id": "x",\n  "order": 1\n  "title": {}\n}';
    const result = parseUntrustedJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: '', code: 'json.CommaExpected', params: {}, line: 4, column: 3 },
    ]);
  });

  it('a bad byte is located in characters, not bytes', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{\n  "t": "Привет'),
      0xe9,
      ...new TextEncoder().encode('"\n}'),
    ]);
    const result = decodeUtf8(bytes);
    expect(result).toEqual({
      ok: false,
      problems: [{ path: '', code: 'json.not-utf8', params: {}, line: 2, column: 15 }],
    });
  });
});

function notUtf8(): Problem[] {
  const result = decodeUtf8(new Uint8Array([0x7b, 0xff, 0x7d]));
  return result.ok ? [] : result.problems;
}

/** A valibot issue with no message code of its own, as a future schema field might give. */
function pickIssue(): v.BaseIssue<unknown> {
  const result = v.safeParse(v.picklist(['a', 'b']), 'c');
  if (result.success) throw new Error('unreachable');
  return result.issues[0];
}

function scamTactic(): LevelJson {
  return {
    id: 'scam-urgency',
    name: { en: 'Scam urgency', ru: 'Срочность' },
    short: { en: 'Rushes you.', ru: 'Торопит.' },
    tells: [{ en: 'Only today', ru: 'Только сегодня' }],
    explanation: { en: 'Scammers rush you.', ru: 'Мошенники торопят.' },
    colour: '#aa3300',
    icon: '⏰',
  };
}

function taxonomyTactic(id: string) {
  return {
    id,
    name: { en: id },
    short: { en: id },
    tells: [],
    explanation: { en: id },
    colour: '#000000',
    icon: '!',
  } as Record<string, unknown>;
}

function manyPosts(count: number): LevelJson[] {
  const level = validLevel();
  return Array.from({ length: count }, (_, i) => ({ ...level.posts[i % 2], id: `p${i}` }));
}
