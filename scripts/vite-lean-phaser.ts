import { join } from 'node:path';
import type { Plugin } from 'vite';

const ROOT = join(import.meta.dirname, '..');

/**
 * Phaser's sources choose features with `typeof FLAG`, which Phaser's own build
 * replaces (webpack's DefinePlugin). Left alone, `typeof` of an undefined name is the
 * truthy string "undefined" and every feature is in, a debugger too.
 */
const FLAGS: Record<string, boolean> = {
  CANVAS_RENDERER: true,
  WEBGL_RENDERER: true,
  WEBGL_DEBUG: false,
  EXPERIMENTAL: false,
  // The game plays its sound with Howler.
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};
const FLAG = new RegExp(`typeof (${Object.keys(FLAGS).join('|')})\\b`, 'g');

/** Replaces the flags in a Phaser source file; null for any other file. */
export function setPhaserFlags(code: string, id: string): string | null {
  if (!id.includes('/node_modules/phaser/src/') || !code.includes('typeof ')) return null;
  return code.replace(FLAG, (_, flag: string) => String(FLAGS[flag]));
}

const flagsPlugin = {
  name: 'flag-the-feed-phaser-flags',
  transform(code: string, id: string) {
    const replaced = setPhaserFlags(code, id);
    return replaced === null ? null : { code: replaced, map: null };
  },
};

/**
 * The game's Phaser is `src/vendor/phaser.ts`, the parts it uses built from Phaser's
 * sources, in the build and on the dev server (whose dependency bundler gets the flags
 * too). The package's `exports` hide `phaser/src/`, so it is aliased to the folder.
 */
export function leanPhaser(): Plugin {
  return {
    ...flagsPlugin,
    enforce: 'pre',
    config: () => ({
      resolve: {
        alias: [
          { find: /^phaser$/, replacement: join(ROOT, 'src/vendor/phaser.ts') },
          { find: /^phaser\/src\//, replacement: `${join(ROOT, 'node_modules/phaser/src')}/` },
        ],
      },
      optimizeDeps: { rolldownOptions: { plugins: [flagsPlugin] } },
    }),
  };
}
