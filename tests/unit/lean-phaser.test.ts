import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setPhaserFlags } from '../../scripts/vite-lean-phaser.ts';

const ROOT = join(import.meta.dirname, '../..');
const PHASER_SRC = join(ROOT, 'node_modules/phaser/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('the lean Phaser build (src/vendor/phaser.ts)', () => {
  it('registers every game object type the game adds or makes', () => {
    const vendor = readFileSync(join(ROOT, 'src/vendor/phaser.ts'), 'utf8');
    const registered = new Set<string>();
    for (const [, file] of vendor.matchAll(/import '(phaser\/src\/[^']+(?:Factory|Creator))';/g)) {
      const code = readFileSync(
        join(PHASER_SRC, `${file?.slice('phaser/src/'.length)}.js`),
        'utf8',
      );
      const kind = file?.endsWith('Factory') ? 'add' : 'make';
      for (const [, name] of code.matchAll(/\.register\('(\w+)'/g))
        registered.add(`${kind}.${name}`);
    }
    const used = new Set<string>();
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const code = readFileSync(file, 'utf8');
      for (const [, kind, name] of code.matchAll(/\.(add|make)\s*\.\s*([a-z]\w*)\s*\(/g)) {
        used.add(`${kind}.${name}`);
      }
    }
    expect(used.size).toBeGreaterThan(3);
    expect([...used].filter((call) => !registered.has(call))).toEqual([]);
  });

  it("sets Phaser's build flags in its sources: no sound manager, no WebGL debugger", () => {
    const id = join(PHASER_SRC, 'core/Game.js');
    const game = setPhaserFlags(readFileSync(id, 'utf8'), id) ?? '';
    expect(game).not.toMatch(/typeof (FEATURE_SOUND|WEBGL_DEBUG)/);
    expect(game).toContain('if (false)');
    const renderers = join(PHASER_SRC, 'renderer/index.js');
    const code = setPhaserFlags(readFileSync(renderers, 'utf8'), renderers) ?? '';
    expect(code.match(/if \(true\)/g)).toHaveLength(2);
  });

  it('leaves other files alone', () => {
    expect(setPhaserFlags('if (typeof FEATURE_SOUND) {}', join(ROOT, 'src/main.ts'))).toBeNull();
  });
});
