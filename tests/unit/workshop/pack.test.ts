import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/core/level/catalog';
import { fromFiles, PACK_LIMITS, unpackLevels } from '../../../src/core/workshop/pack';

const tutorial = readFileSync('levels/01-tutorial.json');
const renamed = (id: string) => {
  const level = JSON.parse(tutorial.toString('utf8')) as { id: string };
  level.id = id;
  return strToU8(JSON.stringify(level));
};
const builtInTactics = (
  JSON.parse(readFileSync('levels/taxonomy.json', 'utf8')) as { tactics: { id: string }[] }
).tactics.map((tactic) => tactic.id);

describe('custom level packs', () => {
  it('reads the JSON levels of a zip and leaves out everything else', () => {
    const zip = zipSync({
      'pack/a.json': renamed('trainer-a'),
      'pack/b.json': renamed('trainer-b'),
      'pack/README.txt': strToU8('not a level'),
      'pack/level.schema.json': strToU8('{}'),
    });
    const { files, problems } = unpackLevels('pack.zip', zip);
    expect(problems).toEqual([]);
    expect(files.map((file) => file.name)).toEqual([
      'pack.zip/pack/a.json',
      'pack.zip/pack/b.json',
    ]);
    const catalog = buildCatalog(files, { builtInTactics });
    expect(catalog.levels.map((entry) => entry.level.id)).toEqual(['trainer-a', 'trainer-b']);
  });

  it('reports a broken level in a pack with the validator problems levels:check prints', () => {
    const zip = zipSync({ 'broken.json': strToU8('{"id": "x", "posts": []}') });
    const { files } = unpackLevels('pack.zip', zip);
    const catalog = buildCatalog(files, { builtInTactics });
    expect(catalog.levels).toEqual([]);
    expect(catalog.failures[0]?.file).toBe('pack.zip/broken.json');
    expect(catalog.failures[0]?.problems.length).toBeGreaterThan(0);
  });

  it('takes a single JSON file as one level', () => {
    expect(unpackLevels('mine.json', renamed('mine')).files).toHaveLength(1);
  });

  it('refuses oversized entries and packs with too many files before inflating them', () => {
    const big = new Uint8Array(PACK_LIMITS.maxFileBytes + 1).fill(32);
    const zip = zipSync({ 'ok.json': renamed('ok'), 'huge.json': big });
    const { files, problems } = unpackLevels('pack.zip', zip);
    expect(files.map((file) => file.name)).toEqual(['pack.zip/ok.json']);
    expect(problems).toEqual([
      { file: 'pack.zip/huge.json', reason: 'too-big', limit: PACK_LIMITS.maxFileBytes },
    ]);
    const many = Object.fromEntries(
      Array.from({ length: PACK_LIMITS.maxFiles + 5 }, (_, i) => [`l${i}.json`, strToU8('{}')]),
    );
    const crowded = unpackLevels('many.zip', zipSync(many));
    expect(crowded.files).toHaveLength(PACK_LIMITS.maxFiles);
    expect(crowded.problems).toEqual([
      { file: 'many.zip', reason: 'too-many', limit: PACK_LIMITS.maxFiles },
    ]);
  });

  it('says so when a file looks like a zip but is not one, or a pack has no levels', () => {
    const fake = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(unpackLevels('fake.zip', fake).problems).toEqual([
      { file: 'fake.zip', reason: 'not-a-zip' },
    ]);
    expect(unpackLevels('empty.zip', zipSync({ 'a.txt': strToU8('x') })).problems).toEqual([
      { file: 'empty.zip', reason: 'no-levels' },
    ]);
    expect(unpackLevels('huge.zip', new Uint8Array(PACK_LIMITS.maxPackBytes + 1)).problems).toEqual(
      [{ file: 'huge.zip', reason: 'too-big', limit: PACK_LIMITS.maxPackBytes }],
    );
  });

  it('reads a folder of files with the same limits', () => {
    const { files } = fromFiles([
      { name: 'folder/b.json', bytes: renamed('b') },
      { name: 'folder/a.json', bytes: renamed('a') },
    ]);
    expect(files.map((file) => file.name)).toEqual(['folder/a.json', 'folder/b.json']);
  });
});
