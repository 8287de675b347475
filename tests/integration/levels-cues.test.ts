/**
 * `npm run levels:cues -- --check` is what CI runs: its exit status must follow the
 * targets and the shortcut players, and --json must print the figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/level-files';
import type { Level } from '../../src/core/level/schema';
import { matchedPairs, syntheticLevel } from '../unit/cue-fixture';

let temp: string;
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'ftf-cues-'));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function folderOf(name: string, levels: readonly Level[]): string {
  const dir = join(temp, name);
  mkdirSync(dir);
  for (const level of levels) writeFileSync(join(dir, `${level.id}.json`), JSON.stringify(level));
  return dir;
}

function cues(args: string[]) {
  return spawnSync('npx', ['tsx', join(ROOT, 'scripts', 'levels-cues.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

const balanced = () =>
  [1, 2, 3].map((order) => syntheticLevel(`pairs-${order}`, order, matchedPairs()));

describe('levels:cues --check', () => {
  it('passes a folder of levels where every surface appears on both sides', () => {
    const result = cues([folderOf('balanced', balanced()), '--check']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('ok   best non-lexical cue');
  });

  it('fails, naming the cue, when only manipulative posts come from young accounts', () => {
    const leaky = balanced().map((level) => ({
      ...level,
      accounts: level.accounts.map((account, index) => ({
        ...account,
        accountAgeDays: level.posts[index]?.truth.tactics.length ? 20 : 2000,
      })),
    }));
    const dir = folderOf('leaky', leaky);
    const result = cues([dir, '--check']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/OVER best non-lexical cue \(account-age\)/);
    expect(result.stdout).toMatch(/OVER pairs-1, young-account/);

    const json = JSON.parse(cues([dir, '--json']).stdout);
    expect(json.summary.bestNonLexicalCue).toMatchObject({ cue: 'account-age', passes: false });
    expect(json.passes).toBe(false);
  });
});
