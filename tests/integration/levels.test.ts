/**
 * The level files as shipped, and the command-line tools as a trainer runs them:
 * every shipped level passes, the JSON Schema and the guide's example are in step with
 * the code, and levels:check / levels:stats print what docs/levels.md promises.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import validation from '../../locales/en/validation.json' with { type: 'json' };
import {
  catalogOf,
  LEVELS_DIR,
  loadTaxonomy,
  ROOT,
  readLevelFiles,
  readTaxonomy,
  shippedLevelPaths,
  shippedLocales,
} from '../../scripts/level-files';
import { englishT } from '../../scripts/node-i18n';
import { levelJsonSchemaText } from '../../src/core/level/json-schema';
import { validateLevelSource } from '../../src/core/level/validate';
import { formatProblem } from '../../src/services/problems';

const CLI_TIMEOUT = 60_000;
let t: TFunction;
let temp: string;

beforeAll(async () => {
  t = await englishT();
  temp = mkdtempSync(join(tmpdir(), 'ftf-levels-'));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Runs a script the way `npm run` does, from the project folder. */
function run(script: string, args: string[]) {
  const result = spawnSync('npx', ['tsx', join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: CLI_TIMEOUT,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const docs = readFileSync(join(ROOT, 'docs', 'levels.md'), 'utf8');

/** The example level in docs/levels.md: the JSON block after the example-level marker. */
function docsExample(): string {
  const match = /<!-- example-level[^>]*-->\s*```json\n([\s\S]*?)\n```/.exec(docs);
  if (!match?.[1]) throw new Error('docs/levels.md has no example-level JSON block');
  return match[1];
}

const builtInTactics = () => loadTaxonomy().tactics.map((tactic) => tactic.id);

describe('the shipped levels', () => {
  it('there are some, and every one passes with every shipped locale required', () => {
    const paths = shippedLevelPaths();
    expect(paths.length).toBeGreaterThan(0);
    const { levels, failures, unreadable } = catalogOf(paths);
    const messages = [...unreadable, ...failures].flatMap((failure) =>
      failure.problems.map((problem) => formatProblem(t, failure.file, problem)),
    );
    expect(messages).toEqual([]);
    expect(levels).toHaveLength(paths.length);
  });

  it('the taxonomy passes with every shipped locale required', () => {
    const result = readTaxonomy(shippedLocales());
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('files inside levels/ must have the shipped locales; files elsewhere need not', () => {
    const draft = join(temp, 'draft.json');
    writeFileSync(draft, docsExample());
    const [shipped] = shippedLevelPaths();
    const { files } = readLevelFiles([shipped as string, draft]);
    expect(files[0]?.requiredLanguages).toEqual(shippedLocales());
    expect(files[1]?.requiredLanguages).toEqual([]);
  });

  it('levels/level.schema.json is up to date with the level definition (npm run levels:schema)', () => {
    expect(readFileSync(join(LEVELS_DIR, 'level.schema.json'), 'utf8')).toBe(levelJsonSchemaText());
  });
});

describe('docs/levels.md', () => {
  it('its example level passes the checker', () => {
    const result = validateLevelSource(docsExample(), { builtInTactics: builtInTactics() });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('lists every message with its code, in the words the checker uses', () => {
    const flatten = (node: object, prefix = ''): [string, string][] =>
      Object.entries(node).flatMap(([key, value]) =>
        typeof value === 'string'
          ? [[`${prefix}${key}`, value]]
          : flatten(value, `${prefix}${key}.`),
      );
    const messages = flatten(validation).filter(([code]) => code.includes('.'));
    // Table rows: | message | `code` | what to do |, padded by the formatter.
    const rows = docs
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .map((line) => line.split(' | ').map((cell) => cell.replace(/^\|/, '').trim()));
    for (const [code, message] of messages) {
      const row = rows.find((cells) => cells[1] === `\`${code}\``);
      expect(row, `docs/levels.md has a row for ${code}`).toBeDefined();
      expect(row?.[0], code).toBe(message);
    }
  });
});

describe('npm run levels:check', () => {
  it(
    'on a broken copy: exit 1 and one `FILE: PATH: message (line, column)` line per problem',
    () => {
      const broken = join(temp, 'broken.json');
      writeFileSync(
        broken,
        docsExample()
          .replace('"author": "quick_contracts"', '"author": "quick_contract"')
          .replace('"Message us now"', '"Message us today"'),
      );
      const { status, stdout, stderr } = run('levels-check.ts', [broken]);
      expect(status).toBe(1);
      const lines = stdout.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(
        /broken\.json: posts\[1\]\.author: no account with id "quick_contract"; known ids: riverside_cafe, quick_contracts \(line \d+, column \d+\)$/,
      );
      expect(lines[1]).toMatch(
        /broken\.json: posts\[1\]\.truth\.evidence\[1\]\.en: the evidence phrase "Message us today" does not occur in the post's en text nor in its picture's texts or watermark; .* \(line \d+, column \d+\)$/,
      );
      expect(stderr).toContain('0 valid, 1 with problems');
    },
    CLI_TIMEOUT,
  );

  it(
    'on a file that is not JSON, a missing file and a valid one: each named, exit 1',
    () => {
      const folder = mkdtempSync(join(temp, 'mixed-'));
      writeFileSync(join(folder, 'a-valid.json'), docsExample());
      writeFileSync(join(folder, 'b-cut.json'), docsExample().slice(0, 200));
      const { status, stdout, stderr } = run('levels-check.ts', [
        folder,
        join(folder, 'missing.json'),
      ]);
      expect(status).toBe(1);
      expect(stdout).toMatch(/missing\.json: \(whole file\): there is no file here/);
      expect(stdout).toMatch(/b-cut\.json: \(whole file\): .+ \(line \d+, column \d+\)/);
      expect(stdout).not.toContain('a-valid.json');
      expect(stderr).toContain('1 valid, 2 with problems');
    },
    CLI_TIMEOUT,
  );

  it(
    'on a valid file: exit 0 and nothing on stdout',
    () => {
      const valid = join(temp, 'valid.json');
      writeFileSync(valid, docsExample());
      const { status, stdout } = run('levels-check.ts', [valid]);
      expect(status).toBe(0);
      expect(stdout).toBe('');
    },
    CLI_TIMEOUT,
  );
});

describe('npm run levels:stats -- --json', () => {
  it(
    'prints one JSON object with the documented keys',
    () => {
      const { status, stdout } = run('levels-stats.ts', ['--json']);
      expect(status).toBe(0);
      const stats = JSON.parse(stdout);
      expect(Object.keys(stats).sort()).toEqual(
        [
          'facets',
          'genuine',
          'investigated',
          'levels',
          'locales',
          'lures',
          'platforms',
          'posts',
        ].sort(),
      );
      const { levels } = catalogOf(shippedLevelPaths(), { requireShippedLocales: false });
      const posts = levels.flatMap((entry) => entry.level.posts);
      expect(stats.levels).toBe(levels.length);
      expect(stats.posts).toBe(posts.length);
      expect(stats.genuine).toBe(
        posts.filter((post) => !post.truth.lure && post.truth.tactics.length === 0).length,
      );
      expect(stats.lures).toBe(posts.filter((post) => post.truth.lure).length);
      expect(stats.investigated).toBe(posts.filter((post) => post.investigation).length);
      expect(stats.platforms).toEqual(
        [...new Set(levels.map((entry) => entry.level.platform))].sort(),
      );
      for (const id of builtInTactics()) expect(typeof stats.facets[id]).toBe('number');
      expect(Object.keys(stats.locales)).toEqual(shippedLocales());
      for (const fraction of Object.values(stats.locales)) {
        expect(fraction).toBeGreaterThanOrEqual(0);
        expect(fraction).toBeLessThanOrEqual(1);
      }
    },
    CLI_TIMEOUT,
  );

  it(
    'without --json prints a table naming every tactic',
    () => {
      const { status, stdout } = run('levels-stats.ts', []);
      expect(status).toBe(0);
      for (const id of builtInTactics()) expect(stdout).toContain(id);
      expect(stdout).toMatch(/^posts\s+\d+$/m);
    },
    CLI_TIMEOUT,
  );
});
