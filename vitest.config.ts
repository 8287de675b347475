import { defineConfig } from 'vitest/config';

// `npm test`: every test that needs no browser (core units, services, level files).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Property tests run thousands of cases; on a shared 2-core machine the default 5 s
    // fails them at random. A timeout only catches hangs: speed is `npm run bench`'s.
    testTimeout: 30_000,
  },
});
