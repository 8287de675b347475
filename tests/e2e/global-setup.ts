/**
 * Builds the game once in test mode (which exposes the read-only window.__ftf handle)
 * and serves it on localhost for every end-to-end test file.
 */
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

const OUT_DIR = 'dist-e2e';

export default async function setup(project: TestProject) {
  await build({ mode: 'test', logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report a URL');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
