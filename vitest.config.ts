import { defineConfig } from 'vitest/config';

// `npm test`: every test that needs no browser (core units, services, level files).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
  },
});
