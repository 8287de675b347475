/**
 * Seeded randomness: the feed order must be reproducible from a seed (?seed= and
 * workshops depend on it), so these tests pin exact values as well as properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32, seededShuffle, seedFromText } from '../../src/core/random';

/** The published mulberry32 one-liner (Tommy Ettinger), written out as an oracle. */
function referenceMulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a += 0x6d2b79f5;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const take = (next: () => number, n: number) => Array.from({ length: n }, () => next());
const seedArb = fc.integer({ min: 0, max: 0xffffffff });

describe('mulberry32', () => {
  it('pins the first values for a few seeds', () => {
    expect(take(mulberry32(0), 3)).toEqual([
      0.26642920868471265, 0.0003297457005828619, 0.2232720274478197,
    ]);
    expect(take(mulberry32(1), 3)).toEqual([
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522,
    ]);
    expect(take(mulberry32(42), 3)).toEqual([
      0.6011037519201636, 0.44829055899754167, 0.8524657934904099,
    ]);
  });

  it('reads the seed as an unsigned 32-bit integer', () => {
    expect(take(mulberry32(2 ** 32 + 5), 4)).toEqual(take(mulberry32(5), 4));
    expect(take(mulberry32(-1), 4)).toEqual(take(mulberry32(0xffffffff), 4));
  });

  it('property: matches the reference implementation and stays in [0, 1)', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const values = take(mulberry32(seed), 20);
        expect(values).toEqual(take(referenceMulberry32(seed), 20));
        for (const v of values) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThan(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('has a mean near 0.5 over many draws (a broken mixer would drift)', () => {
    const next = mulberry32(12345);
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += next();
    // standard error of the mean: sqrt(1/12 / n) = 0.002; allow 5 of them
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01);
  });
});

describe('seededShuffle', () => {
  const ten = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

  it('pins the order for fixed seeds', () => {
    expect(seededShuffle(ten, 1)).toEqual([7, 8, 3, 2, 1, 5, 9, 4, 0, 6]);
    expect(seededShuffle(ten, 42)).toEqual([0, 7, 3, 5, 2, 1, 8, 9, 4, 6]);
    expect(seededShuffle(['a', 'b', 'c', 'd', 'e'], 0)).toEqual(['e', 'c', 'd', 'a', 'b']);
  });

  it('handles empty and one-item lists', () => {
    expect(seededShuffle([], 3)).toEqual([]);
    expect(seededShuffle(['only'], 3)).toEqual(['only']);
  });

  it('reaches every permutation of 3 items about equally often over 6000 seeds', () => {
    // Fisher-Yates gives each of the 3! = 6 orders probability 1/6: expect about 1000
    // each (sd about 29). An off-by-one (e.g. Sattolo's j < i) reaches only 2 orders.
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 6000; seed++) {
      const key = seededShuffle([0, 1, 2], seed).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(850);
      expect(count).toBeLessThan(1150);
    }
  });

  it('puts every item first about equally often', () => {
    const firsts = new Array<number>(10).fill(0);
    for (let seed = 0; seed < 10_000; seed++) {
      const first = seededShuffle(ten, seed)[0] as number;
      firsts[first] = (firsts[first] ?? 0) + 1;
    }
    // about 1000 each, sd 30
    for (const count of firsts) {
      expect(count).toBeGreaterThan(850);
      expect(count).toBeLessThan(1150);
    }
  });

  it('property: is a permutation, leaves its input alone, and is deterministic per seed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 50 }), seedArb, (items, seed) => {
        const copy = [...items];
        const shuffled = seededShuffle(items, seed);
        expect(items).toEqual(copy);
        expect(shuffled).not.toBe(items);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
        expect(seededShuffle(items, seed)).toEqual(shuffled);
      }),
      { numRuns: 200 },
    );
  });

  it('property: different seeds usually give different orders of 20 items', () => {
    // 20! orders: two seeds colliding by chance is vanishingly unlikely.
    const twenty = Array.from({ length: 20 }, (_, i) => i);
    fc.assert(
      fc.property(seedArb, seedArb, (a, b) => {
        fc.pre(a !== b);
        expect(seededShuffle(twenty, a)).not.toEqual(seededShuffle(twenty, b));
      }),
      { numRuns: 100 },
    );
  });
});

describe('seedFromText', () => {
  it('is 32-bit FNV-1a (known test vectors for ASCII text)', () => {
    expect(seedFromText('')).toBe(0x811c9dc5); // FNV offset basis, 2166136261
    expect(seedFromText('a')).toBe(0xe40c292c);
    expect(seedFromText('foobar')).toBe(0xbf9cf968);
  });

  it('property: deterministic, an unsigned 32-bit integer', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const seed = seedFromText(text);
        expect(seedFromText(text)).toBe(seed);
        expect(Number.isInteger(seed)).toBe(true);
        expect(seed).toBeGreaterThanOrEqual(0);
        expect(seed).toBeLessThanOrEqual(0xffffffff);
      }),
      { numRuns: 200 },
    );
  });

  it('gives neighbouring workshop names different seeds and orders', () => {
    const names = ['class-1', 'class-2', 'class-3', 'Class-1'];
    const seeds = names.map(seedFromText);
    expect(new Set(seeds).size).toBe(names.length);
    const orders = seeds.map((seed) =>
      seededShuffle(
        Array.from({ length: 10 }, (_, i) => i),
        seed,
      ).join(),
    );
    expect(new Set(orders).size).toBe(names.length);
  });
});
