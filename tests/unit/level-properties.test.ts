/**
 * Property tests: whatever happens to a level file, the validator answers (valid, or
 * problems with codes the game can put into words) and never throws; and a valid level
 * survives being written out and read back.
 */
import fc from 'fast-check';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishT } from '../../scripts/node-i18n';
import { parseUntrustedJson } from '../../src/core/level/parse-json';
import type { Problem } from '../../src/core/level/problem';
import { validateLevelSource } from '../../src/core/level/validate';
import { formatProblem } from '../../src/services/problems';
import {
  BUILT_IN_TACTICS,
  type LevelJson,
  levelText,
  messageCodes,
  OPTIONS,
  validLevel,
} from './level-fixture';

let t: TFunction;
beforeAll(async () => {
  t = await englishT();
});

const KNOWN_CODES = new Set(messageCodes());

/** Valid or not, the answer is one a trainer can read. */
function expectReadableAnswer(source: string | Uint8Array): void {
  const result = validateLevelSource(source, OPTIONS);
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) expectReadable(problem);
}

function expectReadable(problem: Problem): void {
  expect(KNOWN_CODES.has(problem.code), problem.code).toBe(true);
  expect(typeof problem.path).toBe('string');
  if (problem.line !== undefined) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
  }
  const line = formatProblem(t, 'f.json', problem);
  expect(line).not.toMatch(/\{\{\w+\}\}/);
}

/** A level using most of the format: comments, a link, media, history, an own tactic. */
function richLevel(): LevelJson {
  const level = validLevel();
  level.mode = 'exam';
  level.shuffle = false;
  level.tactics = [
    {
      id: 'scam-urgency',
      name: { en: 'Scam urgency', ru: 'Срочность' },
      short: { en: 'Rushes you.', ru: 'Торопит.' },
      tells: [{ en: 'Only today', ru: 'Только сегодня' }],
      explanation: { en: 'Scammers rush you.', ru: 'Мошенники торопят.' },
      colour: '#aa3300',
      icon: '⏰',
    },
  ];
  level.accounts[0].verified = true;
  level.accounts[0].history = [{ en: 'Garden photos', ru: 'Фото сада' }];
  level.posts[0].comments = [
    { author: { en: 'Bo', ru: 'Бо' }, text: { en: 'Nice!', ru: 'Класс!' } },
  ];
  level.posts[0].media = { en: 'Red tomatoes.', ru: 'Красные помидоры.' };
  level.posts[1].kind = 'video';
  level.posts[1].sound = { en: 'Upbeat song', ru: 'Бодрая песня' };
  level.posts[1].link = {
    title: { en: 'Apply', ru: 'Подать' },
    url: 'https://jobs.example.net/a?b=c',
  };
  level.posts[1].truth.tactics.push('scam-urgency');
  level.posts[1].truth.explanations['scam-urgency'] = { en: 'Now!', ru: 'Сейчас!' };
  return level;
}

/** Every path to a value inside a JSON value, the root included. */
function pathsIn(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const paths = [path];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      paths.push(...pathsIn(item, [...path, i]));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsIn(item, [...path, key]));
  }
  return paths;
}

type Container = Record<string | number, unknown>;

function parentOf(root: unknown, path: (string | number)[]): Container | undefined {
  let node = root;
  for (const key of path.slice(0, -1)) node = (node as Container)[key];
  return typeof node === 'object' && node !== null ? (node as Container) : undefined;
}

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'junk-key'; at: number; key: string; value: unknown };

const jsonValue = fc.jsonValue({ maxDepth: 3 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: jsonValue }),
  fc.record({
    kind: fc.constant('junk-key' as const),
    at: fc.nat(),
    key: fc.oneof(
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', 'id', 'en', 'lure', 'toString'),
    ),
    value: jsonValue,
  }),
);

/** Applies the mutations, then writes the level out as a trainer's file. */
function mutate(level: LevelJson, mutations: Mutation[]): string {
  const root = structuredClone(level);
  for (const change of mutations) {
    const paths = pathsIn(root).slice(1);
    const path = paths[change.at % paths.length];
    const parent = path && parentOf(root, path);
    if (!path || !parent) continue;
    const key = path[path.length - 1] as string | number;
    if (change.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (change.kind === 'replace') {
      parent[key] = change.value;
    } else if (!Array.isArray(parent)) {
      // defineProperty, so that "__proto__" becomes an ordinary key in the file.
      Object.defineProperty(parent, change.key, {
        value: change.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return levelText(root);
}

describe('random damage to a valid level', () => {
  it('deleting fields, changing types and adding junk keys never throws', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(validLevel(), richLevel()),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (level, mutations) => {
          expectReadableAnswer(mutate(level, mutations));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('cutting the file at any point never throws and is never valid', () => {
    const text = levelText(richLevel());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), (end) => {
        const cut = text.slice(0, end);
        const result = validateLevelSource(cut, OPTIONS);
        expect(result.ok).toBe(false);
        expectReadableAnswer(cut);
      }),
      { numRuns: 300 },
    );
  });

  it('flipping, inserting or removing random bytes never throws', () => {
    const bytes = new TextEncoder().encode(levelText(richLevel()));
    const edit = fc.record({
      at: fc.nat({ max: bytes.length - 1 }),
      byte: fc.integer({ min: 0, max: 255 }),
      kind: fc.constantFrom('flip', 'insert', 'remove'),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const damaged = [...bytes];
        for (const { at, byte, kind } of edits) {
          if (kind === 'flip') damaged[at % damaged.length] = byte;
          else if (kind === 'insert') damaged.splice(at % damaged.length, 0, byte);
          else damaged.splice(at % damaged.length, 1);
        }
        expectReadableAnswer(new Uint8Array(damaged));
      }),
      { numRuns: 300 },
    );
  });

  it('any JSON value, string or bytes at all never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((value) => JSON.stringify(value)),
          fc.string(),
          fc.uint8Array(),
        ),
        (input) => {
          expectReadableAnswer(input);
          if (typeof input === 'string') parseUntrustedJson(input);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Non-blank text without characters that would make a phrase ambiguous to find. */
const words = fc
  .string({ minLength: 1, maxLength: 30, unit: 'grapheme' })
  .filter((text) => text.trim() !== '');
const idText = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,12}$/);
const count = fc.nat({ max: 1_000_000 });
const LANGUAGE_CHOICES = ['en', 'ru', 'uk', 'zh-Hans'] as const;

/** A LocalizedText with every language; `phrase` (per language) is embedded in it. */
function localized(languages: readonly string[]) {
  return fc
    .tuple(...languages.map(() => words))
    .map((texts) => Object.fromEntries(languages.map((lang, i) => [lang, texts[i]])));
}

/** Valid levels of every shape the format allows, built so the cross-checks hold. */
const validLevels = fc
  .subarray([...LANGUAGE_CHOICES], { minLength: 1 })
  .chain((languages) => {
    const text = localized(languages);
    const account = fc.record(
      {
        name: text,
        handle: fc.stringMatching(/^@[A-Za-z0-9_.-]{1,40}$/),
        verified: fc.boolean(),
        accountAgeDays: count,
        followers: count,
        following: count,
        bio: text,
        history: fc.array(text, { maxLength: 2 }),
      },
      { requiredKeys: ['name', 'handle', 'accountAgeDays', 'followers', 'following', 'bio'] },
    );
    const postBase = fc.record(
      {
        kind: fc.constantFrom('text', 'image', 'video', 'chat', 'ad'),
        media: text,
        group: text,
        sound: text,
        minutesAgo: count,
        likes: count,
        shares: count,
        comments: fc.array(fc.record({ author: text, text }), { maxLength: 2 }),
        link: fc.record({
          title: text,
          url: fc.constantFrom('https://example.com', 'https://a.example.org/x?y=1'),
        }),
      },
      { requiredKeys: ['kind', 'minutesAgo'] },
    );
    const ownTactic = fc.record({
      id: idText.map((id) => `own-${id}`),
      name: text,
      short: text,
      tells: fc.array(text, { maxLength: 2 }),
      explanation: text,
      colour: fc.constantFrom('#000000', '#c92a2a', '#ABCDEF'),
      icon: fc.constantFrom('!', '⚑', '★'),
    });
    return fc.record({
      languages: fc.constant(languages),
      id: idText,
      order: fc.nat(),
      title: text,
      platform: fc.constantFrom('messenger', 'shortvideo', 'microblog'),
      briefing: text,
      goals: fc.array(text, { maxLength: 2 }),
      debrief: text,
      discussion: fc.array(text, { maxLength: 2 }),
      mode: fc.option(fc.constantFrom('learn', 'challenge', 'exam'), { nil: undefined }),
      shuffle: fc.option(fc.boolean(), { nil: undefined }),
      passMark: fc
        .double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true })
        .map((n) => (Object.is(n, -0) ? 0 : n)),
      tactics: fc.uniqueArray(ownTactic, { maxLength: 2, selector: (tactic) => tactic.id }),
      accounts: fc.uniqueArray(fc.tuple(idText, account), {
        minLength: 1,
        maxLength: 4,
        selector: ([id]) => id,
      }),
      posts: fc.array(fc.tuple(postBase, text, text, fc.nat(), fc.boolean(), fc.nat()), {
        minLength: 2,
        maxLength: 6,
      }),
    });
  })
  .map((drawn) => {
    const accounts = drawn.accounts.map(([id, account]) => ({ id, ...account }));
    const tacticIds = [...BUILT_IN_TACTICS, ...drawn.tactics.map((tactic) => tactic.id)];
    const posts = drawn.posts.map(([base, before, phrase, pick, lure, author], index) => {
      // The first post is genuine and the second manipulative; the rest are drawn.
      const manipulative = index === 1 || (index > 1 && (lure || pick % 2 === 0));
      const tactics =
        manipulative && !(lure && pick % 3 === 0)
          ? [tacticIds[pick % tacticIds.length] as string]
          : [];
      const text = Object.fromEntries(
        drawn.languages.map((lang) => [lang, `${before[lang]} ${phrase[lang]}`]),
      );
      const explain = (id: string) => [
        id,
        Object.fromEntries(drawn.languages.map((lang) => [lang, `Why ${id}`])),
      ];
      const truth = manipulative
        ? {
            tactics,
            lure: lure || tactics.length === 0,
            evidence: [phrase],
            explanations: Object.fromEntries([
              ...tactics.map(explain),
              ...(lure || tactics.length === 0 ? [explain('lure')] : []),
            ]),
          }
        : { tactics: [], lure: false, whyGenuine: before };
      return {
        id: `p${index}`,
        author: accounts[author % accounts.length]?.id,
        ...base,
        text,
        truth,
      };
    });
    const { accounts: _, posts: __, ...rest } = drawn;
    return { formatVersion: 1, ...rest, accounts, posts } as LevelJson;
  });

describe('valid levels', () => {
  it('pass, and what the validator returns validates again to an equal level', () => {
    fc.assert(
      fc.property(validLevels, (level) => {
        const first = validateLevelSource(JSON.stringify(level), OPTIONS);
        if (!first.ok) throw new Error(JSON.stringify(first.problems));
        const again = validateLevelSource(JSON.stringify(first.value), OPTIONS);
        expect(again).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('a valid level that lost its only genuine post is refused with level.no-genuine', () => {
    fc.assert(
      fc.property(validLevels, (level) => {
        const posts = (level.posts as LevelJson[]).filter(
          (post) => post.truth.tactics.length > 0 || post.truth.lure,
        );
        const result = validateLevelSource(
          JSON.stringify({
            ...level,
            posts: [...posts, ...posts.slice(0, 1).map((post) => ({ ...post, id: 'extra' }))],
          }),
          OPTIONS,
        );
        expect(result.ok).toBe(false);
        if (!result.ok)
          expect(result.problems.map((problem) => problem.code)).toContain('level.no-genuine');
      }),
      { numRuns: 50 },
    );
  });
});
