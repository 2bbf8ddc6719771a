import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that drive Chromium or start child processes (the server, the CLI scripts, LibreOffice).
 * They spend their time waiting on other processes, so CI runs their project beside the in-process
 * one (`npx vitest run --project server` / `--project processes`); `npm test` runs both.
 */
const processTests = [
  'e2e/**/*.test.ts',
  'src/server/lib/backup.test.ts',
  'src/server/lib/data-lock.test.ts',
  'src/server/modules/documents/documents-pdf.test.ts',
  'src/server/modules/documents/issued-pdf.test.ts',
  'src/server/test/crash-safety.test.ts',
  'src/server/test/instances.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['src/**/*.test.ts'],
          // In-process tests share one module graph per worker: each file then stops paying for its
          // own import of the app and PGlite's WebAssembly (5 sample files: 57 s isolated, 13 s
          // shared). Every test builds its own app and database, so no state crosses files.
          isolate: false,
          exclude: [...configDefaults.exclude, ...processTests],
        },
      },
      {
        extends: true,
        test: {
          name: 'processes',
          include: processTests,
          // Builds the web client once, before the browser test files run in parallel.
          globalSetup: ['e2e/global-setup.ts'],
        },
      },
    ],
  },
});
