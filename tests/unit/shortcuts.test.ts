import { describe, expect, it } from 'vitest';
import { cueReport } from '../../src/core/level/cues';
import { shortcutResults, YOUNG_ACCOUNT_DAYS } from '../../src/core/level/shortcuts';
import { matchedPairs, syntheticLevel } from './cue-fixture';

describe('shortcut players', () => {
  it('fail a level where genuine posts share every surface with manipulative ones', () => {
    const results = shortcutResults(syntheticLevel('pairs', 1, matchedPairs()), ['en']);
    expect(results.map((result) => result.shortcut)).toEqual([
      'young-account',
      'big-number',
      'doubting-comment',
    ]);
    for (const result of results) {
      expect(result.flagged).toBeGreaterThan(0);
      expect(result.percent).toBeLessThan(result.passMark);
      expect(result.dPrime).toBeLessThan(1);
      expect(result.fails).toBe(true);
    }
  });

  it('win a level where only manipulative posts come from young accounts', () => {
    const posts = matchedPairs().map((surface) => ({
      ...surface,
      accountAgeDays: surface.manipulative ? YOUNG_ACCOUNT_DAYS - 1 : YOUNG_ACCOUNT_DAYS,
    }));
    const [young, bigNumber] = shortcutResults(syntheticLevel('leaky', 1, posts), ['en']);
    expect(young?.percent).toBeGreaterThanOrEqual(young?.passMark ?? 100);
    expect(young?.dPrime).toBeGreaterThan(2);
    expect(young?.fails).toBe(false);
    expect(bigNumber?.fails).toBe(true);
  });

  it('make the cue check fail when one of them wins a level', () => {
    const balanced = [1, 2].map((order) => syntheticLevel(`pairs-${order}`, order, matchedPairs()));
    expect(cueReport(balanced).passes).toBe(true);
    const leaky = matchedPairs().map((surface) => ({
      ...surface,
      text: surface.manipulative ? 'Earn 50,000 a month.' : 'Earn 3,000 a month.',
    }));
    const report = cueReport([...balanced, syntheticLevel('leaky', 3, leaky)]);
    expect(
      report.shortcuts.find((result) => result.level === 'leaky' && !result.fails),
    ).toMatchObject({
      shortcut: 'big-number',
    });
    expect(report.passes).toBe(false);
  });
});
