/**
 * Loading order with ?level=: the requested level's file is downloaded and checked
 * alone and handed over first; the other files follow, and every broken file is still
 * reported with its problem without stopping the others.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { levelIndex } from '../../scripts/level-index';
import {
  type FirstLevel,
  type LevelIndex,
  loadAndValidate,
} from '../../src/services/content-validation';
import { BASE, LEVELS, serve } from './level-server';

/** Loads with a first level; `restAfter` is opened by the returned function. */
function loadFirst(first: string) {
  let open = (): void => {};
  const restAfter = new Promise<void>((resolve) => {
    open = resolve;
  });
  const firsts: FirstLevel[] = [];
  const result = loadAndValidate(BASE, {
    first,
    onFirst: (level) => firsts.push(level),
    restAfter,
  });
  return { result, firsts, open };
}

const untilFirst = (firsts: FirstLevel[]) => vi.waitFor(() => expect(firsts).toHaveLength(1));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loading the requested level first', () => {
  it('hands over the requested level alone, then the whole campaign once allowed', async () => {
    const requested = serve();
    const { result, firsts, open } = loadFirst('economic');
    await untilFirst(firsts);
    expect(firsts[0]?.level.id).toBe('economic');
    expect(firsts[0]?.taxonomy.tactics.length).toBeGreaterThan(0);
    // Nothing else is downloaded while the feed is being drawn.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requested.sort()).toEqual(['02-economic.json', 'index.json', 'taxonomy.json']);

    open();
    const { catalog, unreachable } = await result;
    expect(catalog.levels.map((entry) => entry.level.id)).toContain('economic');
    expect(catalog.levels).toHaveLength(levelIndex(LEVELS).levels.length);
    expect(catalog.failures).toEqual([]);
    expect(unreachable).toEqual([]);
    // Each file once: the requested one is not downloaded again.
    expect(requested.filter((name) => name === '02-economic.json')).toHaveLength(1);
  });

  it('still shows the level when another file is broken, and lists that file with its problem', async () => {
    serve({ '05-celebrities.json': '{ "formatVersion": 1, "id": "celebrities", "posts": [' });
    const { result, firsts, open } = loadFirst('tutorial');
    await untilFirst(firsts);
    expect(firsts[0]?.level.id).toBe('tutorial');
    open();
    const { catalog } = await result;
    expect(catalog.failures.map((failure) => failure.file)).toEqual(['levels/05-celebrities.json']);
    expect(catalog.failures[0]?.problems[0]?.code).toMatch(/^json\./);
    expect(catalog.levels).toHaveLength(levelIndex(LEVELS).levels.length - 1);
  });

  it.each([
    ['broken', { '01-tutorial.json': '{ "formatVersion": 1, "id": "tutorial", "posts": [' }],
    ['missing', { '01-tutorial.json': 404 }],
  ])(
    'waits for the campaign, without holding it back, when the requested file is %s',
    async (_, replace) => {
      serve(replace);
      // restAfter never opens: the page has no feed to draw, so nothing may wait for it.
      const { result, firsts } = loadFirst('tutorial');
      const { catalog, unreachable } = await result;
      expect(firsts).toEqual([null]);
      const reported = [...catalog.failures.map((f) => f.file), ...unreachable.map((u) => u.file)];
      expect(reported).toEqual(['levels/01-tutorial.json']);
      expect(catalog.levels.map((entry) => entry.level.id)).not.toContain('tutorial');
      expect(catalog.levels).toHaveLength(levelIndex(LEVELS).levels.length - 1);
    },
  );

  it.each([
    [
      'an index without the id map (a trainer-edited folder)',
      'tutorial',
      { levels: levelIndex(LEVELS).levels },
    ],
    ['an id no file claims', 'no-such-level', undefined],
    ['an id that is an Object property name', 'constructor', undefined],
    [
      'a map pointing at a file that holds another level',
      'tutorial',
      { ...levelIndex(LEVELS), files: { tutorial: '02-economic.json' } },
    ],
  ])('checks the whole campaign first for %s', async (_, first, index?: LevelIndex) => {
    const requested = serve({}, index);
    const { result, firsts } = loadFirst(first);
    const { catalog } = await result;
    expect(firsts).toEqual([null]);
    expect(catalog.levels).toHaveLength(levelIndex(LEVELS).levels.length);
    expect(new Set(requested).size).toBe(levelIndex(LEVELS).levels.length + 2);
  });

  it('reports nothing first and loads everything at once without a requested level', async () => {
    serve();
    const firsts: FirstLevel[] = [];
    const { catalog } = await loadAndValidate(BASE, { onFirst: (level) => firsts.push(level) });
    expect(firsts).toEqual([]);
    expect(catalog.levels).toHaveLength(levelIndex(LEVELS).levels.length);
  });
});

describe('levels/index.json', () => {
  it('maps every shipped level id to its file', () => {
    const { levels, files = {} } = levelIndex(LEVELS);
    expect(Object.keys(files)).toHaveLength(levels.length);
    for (const [id, name] of Object.entries(files)) {
      const level = JSON.parse(readFileSync(join(LEVELS, name), 'utf8')) as { id: string };
      expect(level.id).toBe(id);
    }
  });
});
