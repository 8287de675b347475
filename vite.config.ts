import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './scripts/vite-csp.ts';
import { offlinePlay } from './scripts/vite-offline.ts';

const LEVELS_DIR = join(import.meta.dirname, 'levels');

/** The level files the game lists: every JSON in levels/ except the schema and taxonomy. */
function levelFileNames(): string[] {
  return readdirSync(LEVELS_DIR)
    .filter(
      (name) => name.endsWith('.json') && name !== 'level.schema.json' && name !== 'taxonomy.json',
    )
    .sort();
}

/**
 * Serves levels/ as plain files plus levels/index.json (the list of level files), in
 * dev and in the build. The game fetches them like any other content, so a level is
 * validated from its bytes at runtime, and a broken file can be tested by replacing
 * one response.
 */
function levelFiles(): Plugin {
  const index = () => JSON.stringify({ levels: levelFileNames() });
  return {
    name: 'flag-the-feed-levels',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/levels\/([\w.-]+\.json)$/.exec((req.url ?? '').split('?')[0] ?? '');
        if (!match?.[1]) return next();
        const name = match[1];
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        if (name === 'index.json') return res.end(index());
        if (name !== 'taxonomy.json' && !levelFileNames().includes(name)) {
          res.statusCode = 404;
          return res.end();
        }
        res.end(readFileSync(join(LEVELS_DIR, name)));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'levels/index.json', source: index() });
      for (const name of [...levelFileNames(), 'taxonomy.json']) {
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
  plugins: [levelFiles(), contentSecurityPolicy(), offlinePlay()],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
  },
});
