import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { levelFileNames, levelIndex } from './scripts/level-index.ts';
import { contentSecurityPolicy } from './scripts/vite-csp.ts';
import { earlyLevelWorker } from './scripts/vite-early-worker.ts';
import { leanPhaser } from './scripts/vite-lean-phaser.ts';
import { offlinePlay } from './scripts/vite-offline.ts';

const LEVELS_DIR = join(import.meta.dirname, 'levels');

/**
 * Serves levels/ as plain files plus levels/index.json (the list of level files and
 * which file holds which level id), in dev and in the build. The game fetches them like
 * any other content, so a level is validated from its bytes at runtime, and a broken
 * file can be tested by replacing one response.
 */
function levelFiles(): Plugin {
  const index = () => JSON.stringify(levelIndex(LEVELS_DIR));
  return {
    name: 'flag-the-feed-levels',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/levels\/([\w.-]+\.json)$/.exec((req.url ?? '').split('?')[0] ?? '');
        if (!match?.[1]) return next();
        const name = match[1];
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        if (name === 'index.json') return res.end(index());
        if (name !== 'taxonomy.json' && !levelFileNames(LEVELS_DIR).includes(name)) {
          res.statusCode = 404;
          return res.end();
        }
        res.end(readFileSync(join(LEVELS_DIR, name)));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'levels/index.json', source: index() });
      for (const name of [...levelFileNames(LEVELS_DIR), 'taxonomy.json']) {
        this.emitFile({
          type: 'asset',
          fileName: `levels/${name}`,
          source: readFileSync(join(LEVELS_DIR, name)),
        });
      }
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [leanPhaser(), levelFiles(), contentSecurityPolicy(), earlyLevelWorker(), offlinePlay()],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    // The props' art is fetched by URL (src/pictures/index.ts): files, never data: URLs,
    // which the content security policy does not let fetch() read.
    assetsInlineLimit: (file) => (file.includes('/assets/art/props/') ? false : undefined),
    // Fewer, larger chunks where the page waits for them. Left to itself, Rolldown split
    // off every module two chunks share: the page's first JS came as a dozen files of a
    // few hundred bytes, the feed's code as five, and at 4x each request and module cost
    // the main thread more than its bytes (docs/performance.md, ninth round). So: all
    // the page imports before its first frame in one chunk, and the feed scene with the
    // modules it brings in another (the level list and the debrief import from it).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'index', tags: ['$initial'], priority: 2 },
            { name: 'feed-scene', test: /src[\\/]scenes[\\/]feed-scene\.ts$/, priority: 1 },
          ],
        },
      },
    },
  },
});
