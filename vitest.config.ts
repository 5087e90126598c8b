import { defineConfig } from 'vitest/config';

// Three tiers with their own scripts: unit (pure, fast), db (PGlite and PostgreSQL), e2e (Chromium against the built app).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'db',
          include: ['test/db/**/*.test.ts'],
          globalSetup: ['test/db/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      { test: { name: 'e2e', include: ['e2e/**/*.test.ts'], environment: 'node', testTimeout: 90_000, hookTimeout: 240_000, fileParallelism: false } },
    ],
  },
});
