import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: real headless Chromium against a production build.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // Software-rendered WebGL on a shared 2-core machine: give the page time to react.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
