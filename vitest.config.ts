// Three projects: `unit` (pure, no I/O), `integration` (real PostgreSQL and Redis; each file
// gets its own database cloned from a migrated template and its own Redis key prefix), and
// `sandbox` (`npm run sandbox` as a process on its embedded PostgreSQL, and its page in Debian's
// Chromium driven by playwright-core). The sandbox group runs after the others: each of its files
// seeds a whole demo committee, which on two cores would starve the timing of the other suites.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // CPU-bound property and generator tests; CI machines are shared and can be slow.
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: ['test/integration/sandbox/**'],
          environment: 'node',
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'sandbox',
          include: ['test/integration/sandbox/**/*.test.ts', 'test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 240_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
