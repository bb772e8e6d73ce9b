import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Processes the tests start keep no question log unless a test gives them a database of its own.
    env: { INSIGHTS: 'off' },
  },
});
