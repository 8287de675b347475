/**
 * Content rules for the shipped levels (docs/content.md), checked mechanically over
 * every level file in levels/ (all *.json except taxonomy.json and level.schema.json).
 *
 * The level format and the truth rules (evidence in the text, an explanation per
 * tactic, whyGenuine on genuine posts) are `npm run levels:check`'s job; this file
 * checks what the validator does not: feed sizes, the genuine share, campaign-wide
 * coverage, fictional links and numbers, no real platform names, and no sentence
 * copied from the source articles in ../shared/seeds/.
 *
 * Every failure names the file, the post (or other place) and the problem.
 *
 * Two environment variables point the checks elsewhere, e.g. at a trainer's own folder
 * or at a deliberately broken copy when testing this test:
 *   FTF_LEVELS_DIR  folder of level files (default: levels/ in this repository)
 *   FTF_SEEDS_DIR   folder of source articles, *.txt (default: ../shared/seeds/ next to
 *                   the repository). A missing folder is a failure, never a skip.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LEVELS_DIR = process.env.FTF_LEVELS_DIR
  ? resolve(process.env.FTF_LEVELS_DIR)
  : join(REPO_ROOT, 'levels');
const SEEDS_DIR = process.env.FTF_SEEDS_DIR
  ? resolve(process.env.FTF_SEEDS_DIR)
  : fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

const NOT_LEVELS = new Set(['taxonomy.json', 'level.schema.json']);

// Per level.
const MIN_POSTS = 12;
const MAX_POSTS = 25;
/** At least 1/MIN_GENUINE_DIVISOR of a level's posts are genuine (integer maths, no rounding). */
const MIN_GENUINE_DIVISOR = 3;

// Across the campaign.
const MIN_LEVELS = 10;
const TACTICS = [
  'nationalism',
  'economic-incentive',
  'misinformation',
  'celebrity-endorsement',
  'targeted-demographic',
] as const;
const MIN_POSTS_PER_TACTIC = 15;
const MIN_LURES = 25;
const MIN_GENUINE = 60;
const PLATFORMS = ['messenger', 'shortvideo', 'microblog'] as const;

/** Real platforms the feeds must never name (whole words, any case). */
const REAL_PLATFORMS = [
  'WeChat',
  'Weixin',
  'Douyin',
  'TikTok',
  'Weibo',
  'Telegram',
  'VK',
  'Facebook',
  'Instagram',
  'YouTube',
  'X.com',
];

/** How many consecutive words shared with a source article count as copying. */
const COPY_RUN = 8;

// ---------------------------------------------------------------------------------
// Reading the files

interface PostJson {
  id?: unknown;
  truth?: { tactics?: unknown; lure?: unknown };
}

interface LevelFileData {
  /** As shown in messages: levels/07-ai-citizens.json */
  name: string;
  /** The parsed JSON, or undefined when it does not parse. */
  json: Record<string, unknown> | undefined;
  parseError?: string;
  posts: PostJson[];
}

function displayName(path: string): string {
  const fromRoot = relative(REPO_ROOT, path);
  return fromRoot.startsWith('..') ? path : fromRoot;
}

function levelPaths(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !NOT_LEVELS.has(name))
    .sort()
    .map((name) => join(dir, name));
}

function readLevel(path: string): LevelFileData {
  const name = displayName(path);
  try {
    const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return { name, json: undefined, parseError: 'the file is not a JSON object', posts: [] };
    }
    const record = json as Record<string, unknown>;
    const posts = Array.isArray(record.posts) ? (record.posts as PostJson[]) : [];
    return { name, json: record, posts };
  } catch (error) {
    return { name, json: undefined, parseError: (error as Error).message, posts: [] };
  }
}

const LEVELS: LevelFileData[] = levelPaths(LEVELS_DIR).map(readLevel);

function tacticsOf(post: PostJson): string[] {
  const tactics = post.truth?.tactics;
  return Array.isArray(tactics) ? tactics.filter((t): t is string => typeof t === 'string') : [];
}

function isLure(post: PostJson): boolean {
  return post.truth?.lure === true;
}

function isGenuine(post: PostJson): boolean {
  return tacticsOf(post).length === 0 && !isLure(post);
}

function postLabel(post: PostJson, index: number): string {
  return typeof post.id === 'string' ? `post ${post.id}` : `post #${index + 1} (no id)`;
}

/** Every string in a level, with where it is: "post a01-lena (posts[0].text.en)". */
interface FoundString {
  where: string;
  value: string;
}

function stringsOf(level: LevelFileData): FoundString[] {
  const found: FoundString[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (typeof node === 'string') {
      found.push({ where: describePlace(level, path), value: node });
    } else if (Array.isArray(node)) {
      node.forEach((child, index) => {
        walk(child, [...path, index]);
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
    }
  };
  walk(level.json, []);
  return found;
}

function jsonPath(path: readonly (string | number)[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

function describePlace(level: LevelFileData, path: readonly (string | number)[]): string {
  const [top, index] = path;
  const at = jsonPath(path);
  if (typeof index === 'number' && (top === 'posts' || top === 'accounts')) {
    const list = level.json?.[top];
    const item = Array.isArray(list) ? (list[index] as { id?: unknown } | undefined) : undefined;
    const id = typeof item?.id === 'string' ? item.id : `#${index + 1}`;
    return `${top === 'posts' ? 'post' : 'account'} ${id} (${at})`;
  }
  return at || '(top level)';
}

/** Runs a per-string check over one level; each problem reads "FILE: PLACE: problem". */
function stringProblems(level: LevelFileData, check: (value: string) => string[]): string[] {
  return stringsOf(level).flatMap(({ where, value }) =>
    check(value).map((problem) => `${level.name}: ${where}: ${problem}`),
  );
}

// ---------------------------------------------------------------------------------
// The string checks

const ALLOWED_HOST = /^([a-z0-9-]+\.)*example\.(com|org|net)$/i;
/** http://, https:// or www. up to the next space or quote. */
const URL_LIKE = /(?:\bhttps?:\/\/|\bwww\.)[^\s"'<>()[\]{}]*/gi;
/** user@domain.tld */
const EMAIL = /[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;
/** A bare domain with a common top-level domain: recruit-now.com, army.ru */
const BARE_DOMAIN =
  /(?<![\p{L}\p{N}@._-])((?:[a-z0-9-]+\.)+(?:com|net|org|ru|cn|io|info|biz|me|co|app|xyz))(?![\p{L}\p{N}-])/giu;

function hostOf(urlLike: string): string {
  const withoutScheme = urlLike.replace(/^https?:\/\//i, '');
  const host = withoutScheme.split(/[/?#:]/)[0] ?? '';
  return host.replace(/[.,;!?]+$/, '');
}

function linkProblems(value: string): string[] {
  const problems: string[] = [];
  const reported: string[] = [];
  for (const match of value.matchAll(URL_LIKE)) {
    const url = match[0].replace(/[.,;:!?]+$/, '');
    reported.push(url);
    if (!ALLOWED_HOST.test(hostOf(url))) {
      problems.push(`link "${url}" is not on example.com, example.org or example.net`);
    }
  }
  for (const match of value.matchAll(EMAIL)) {
    reported.push(match[0]);
    const domain = (match[1] ?? '').replace(/[.,;!?]+$/, '');
    if (!ALLOWED_HOST.test(domain)) {
      problems.push(
        `e-mail address "${match[0]}" is not on example.com, example.org or example.net`,
      );
    }
  }
  for (const match of value.matchAll(BARE_DOMAIN)) {
    const domain = match[1] ?? '';
    // Part of a link or an e-mail address: already checked above.
    if (reported.some((found) => found.toLowerCase().includes(domain.toLowerCase()))) continue;
    if (!ALLOWED_HOST.test(domain)) {
      problems.push(`domain "${domain}" is not example.com, example.org or example.net`);
    }
  }
  return problems;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const REAL_PLATFORM_WORD = new RegExp(
  `(?<![\\p{L}\\p{N}])(${REAL_PLATFORMS.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

function platformProblems(value: string): string[] {
  return [...value.matchAll(REAL_PLATFORM_WORD)].map(
    (match) =>
      `names the real platform "${match[0]}": use the game's fictional platforms (Natter, Loopy, Buzzline)`,
  );
}

/**
 * Digit runs with single separators (space, hyphen, dot, dash, brackets) between the
 * groups. Commas are not separators, so 200,000 is two short runs, never a phone number;
 * years, dates and amounts grouped by thousands (3 000 000) are not phone numbers either.
 */
const DIGIT_RUN = /\+?\(?\d+(?:[ .\-–‑()]{1,2}\d+)*/g;
const YEAR = /^(19|20)\d\d$/;
/** An amount grouped by thousands with spaces or dots: 3 000 000, 1.500.000. */
const GROUPED_AMOUNT = /^\d{1,3}(?:( |\.)\d{3})(?:\1\d{3})*$/;

/** A year, a range of years (2019-2024) or a date (2024-05-01): not a phone number. */
function isYearLike(groups: string[]): boolean {
  const [first, ...rest] = groups;
  if (first === undefined || !YEAR.test(first)) return false;
  return rest.every((group) => YEAR.test(group)) || rest.every((group) => group.length <= 2);
}

function phoneProblems(value: string): string[] {
  const problems: string[] = [];
  for (const match of value.matchAll(DIGIT_RUN)) {
    const groups = match[0].match(/\d+/g) ?? [];
    const digits = groups.join('');
    const run = match[0].trim();
    if (digits.length < 7 || isYearLike(groups) || GROUPED_AMOUNT.test(run)) continue;
    if (!digits.startsWith('000')) {
      problems.push(
        `"${run}" looks like a phone number; fake numbers must start with 000 (e.g. 000-555-0148)`,
      );
    }
  }
  return problems;
}

/** Lower-cased words, apostrophes dropped (Russia’s -> russias), other punctuation a break. */
function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0);
}

interface Seeds {
  files: string[];
  /** "eight words joined by spaces" -> the seed file it comes from */
  runs: Map<string, string>;
}

function readSeeds(dir: string): Seeds {
  const seeds: Seeds = { files: [], runs: new Map() };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return seeds;
  seeds.files = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  for (const file of seeds.files) {
    const list = words(readFileSync(join(dir, file), 'utf8'));
    for (let i = 0; i + COPY_RUN <= list.length; i++) {
      const run = list.slice(i, i + COPY_RUN).join(' ');
      if (!seeds.runs.has(run)) seeds.runs.set(run, file);
    }
  }
  return seeds;
}

const SEEDS = readSeeds(SEEDS_DIR);

function copyProblems(value: string): string[] {
  const list = words(value);
  const problems: string[] = [];
  let i = 0;
  while (i + COPY_RUN <= list.length) {
    const source = SEEDS.runs.get(list.slice(i, i + COPY_RUN).join(' '));
    if (!source) {
      i++;
      continue;
    }
    // Extend to the whole shared run so the message shows all of it.
    let end = i + 1;
    while (
      end + COPY_RUN <= list.length &&
      SEEDS.runs.has(list.slice(end, end + COPY_RUN).join(' '))
    ) {
      end++;
    }
    const copied = list.slice(i, end - 1 + COPY_RUN).join(' ');
    problems.push(
      `copies ${end - 1 + COPY_RUN - i} consecutive words from seeds/${source}: "${copied}"; rewrite it in your own words`,
    );
    i = end - 1 + COPY_RUN;
  }
  return problems;
}

// ---------------------------------------------------------------------------------
// The tests

/** The assertion message: the file, then one line per problem (place and what is wrong). */
function report(name: string, problems: readonly string[]): string {
  return `${name}: ${problems.length} problem(s):\n  ${problems.join('\n  ')}\n`;
}

describe('content checks have their inputs', () => {
  it(`finds level files in ${displayName(LEVELS_DIR)}`, () => {
    expect(LEVELS.length, `no level files (*.json) found in ${LEVELS_DIR}`).toBeGreaterThan(0);
  });

  it('finds the source articles (seeds) to compare against', () => {
    expect(
      existsSync(SEEDS_DIR),
      `the seeds folder ${SEEDS_DIR} is missing: the copied-sentence check cannot run. ` +
        'It is ../shared/seeds/ next to the repository; set FTF_SEEDS_DIR to use another folder.',
    ).toBe(true);
    expect(SEEDS.files.length, `the seeds folder ${SEEDS_DIR} has no *.txt files`).toBeGreaterThan(
      0,
    );
  });
});

describe.each(LEVELS.map((level) => [level.name, level] as const))('%s', (name, level) => {
  it('is a JSON object', () => {
    expect(level.parseError, `${name}: cannot be read: ${level.parseError}`).toBeUndefined();
  });

  it(`has ${MIN_POSTS}-${MAX_POSTS} posts`, () => {
    const count = level.posts.length;
    expect(
      count >= MIN_POSTS && count <= MAX_POSTS,
      `${name}: has ${count} posts; a level needs ${MIN_POSTS} to ${MAX_POSTS}`,
    ).toBe(true);
  });

  it('is at least a third genuine', () => {
    const total = level.posts.length;
    const genuine = level.posts
      .map((post, index) => (isGenuine(post) ? postLabel(post, index) : undefined))
      .filter((label) => label !== undefined);
    const needed = Math.ceil(total / MIN_GENUINE_DIVISOR);
    expect(
      total > 0 && genuine.length >= needed,
      total === 0
        ? `${name}: has no posts, so no genuine ones`
        : `${name}: ${genuine.length} of ${total} posts are genuine; at least ${needed} needed ` +
            `(a third). Genuine now: ${genuine.join(', ') || 'none'}`,
    ).toBe(true);
  });

  it('links only to example.com, example.org or example.net', () => {
    const problems = stringProblems(level, linkProblems);
    expect(problems.length, report(name, problems)).toBe(0);
  });

  it('names no real platform', () => {
    const problems = stringProblems(level, platformProblems);
    expect(problems.length, report(name, problems)).toBe(0);
  });

  it('has no phone number that could be real', () => {
    const problems = stringProblems(level, phoneProblems);
    expect(problems.length, report(name, problems)).toBe(0);
  });

  it(`copies no run of ${COPY_RUN} words from the source articles`, () => {
    expect(
      SEEDS.files.length,
      `${name}: cannot check for copied sentences: no seeds in ${SEEDS_DIR} (folder missing or empty)`,
    ).toBeGreaterThan(0);
    const problems = stringProblems(level, copyProblems);
    expect(problems.length, report(name, problems)).toBe(0);
  });
});

describe('the campaign (all level files together)', () => {
  const posts = LEVELS.flatMap((level) => level.posts.map((post) => ({ level, post })));

  /** "01-tutorial.json: 2, 02-economic.json: 0, ..." */
  const perLevel = (count: (post: PostJson) => boolean) =>
    LEVELS.map((level) => `${basename(level.name)}: ${level.posts.filter(count).length}`).join(
      ', ',
    );

  it(`has at least ${MIN_LEVELS} levels`, () => {
    expect(
      LEVELS.length,
      `campaign: ${LEVELS.length} level files in ${displayName(LEVELS_DIR)}; at least ${MIN_LEVELS} needed`,
    ).toBeGreaterThanOrEqual(MIN_LEVELS);
  });

  it.each(TACTICS)(
    `uses "%s" as the answer on at least ${MIN_POSTS_PER_TACTIC} posts`,
    (tactic) => {
      const uses = (post: PostJson) => tacticsOf(post).includes(tactic);
      const count = posts.filter(({ post }) => uses(post)).length;
      expect(
        count,
        `campaign: tactic "${tactic}" is the answer on ${count} posts; at least ${MIN_POSTS_PER_TACTIC} needed (${perLevel(uses)})`,
      ).toBeGreaterThanOrEqual(MIN_POSTS_PER_TACTIC);
    },
  );

  it(`has at least ${MIN_LURES} lure posts`, () => {
    const count = posts.filter(({ post }) => isLure(post)).length;
    expect(
      count,
      `campaign: ${count} posts are recruitment lures; at least ${MIN_LURES} needed (${perLevel(isLure)})`,
    ).toBeGreaterThanOrEqual(MIN_LURES);
  });

  it(`has at least ${MIN_GENUINE} genuine posts`, () => {
    const count = posts.filter(({ post }) => isGenuine(post)).length;
    expect(
      count,
      `campaign: ${count} posts are genuine; at least ${MIN_GENUINE} needed (${perLevel(isGenuine)})`,
    ).toBeGreaterThanOrEqual(MIN_GENUINE);
  });

  it('uses all three platforms', () => {
    const used = new Set(LEVELS.map((level) => level.json?.platform));
    const missing = PLATFORMS.filter((platform) => !used.has(platform));
    expect(missing, `campaign: no level uses the platform(s) ${missing.join(', ')}`).toEqual([]);
  });
});
