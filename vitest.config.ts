import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that drive Chromium or start child processes (the server, the CLI scripts, LibreOffice).
 * They spend their time waiting on other processes, so CI runs their project beside the in-process
 * one (`npx vitest run --project server` / `--project processes`); `npm test` runs both.
 */
const browserTests = ['e2e/**/*.test.ts'];
/** LibreOffice turning documents into PDF: the conversion and its fonts do not depend on the engine. */
const pdfTests = [
  'src/server/modules/documents/documents-pdf.test.ts',
  'src/server/modules/documents/issued-pdf.test.ts',
];
const childProcessTests = [
  'src/server/lib/backup.test.ts',
  'src/server/lib/data-lock.test.ts',
  'src/server/test/crash-safety.test.ts',
  'src/server/test/instances.test.ts',
  ...pdfTests,
];

/**
 * CI (E2E_ENGINE_SPLIT=1) runs each browser test file once, on one engine, to stay inside its time
 * on two cores: these on PostgreSQL, the others on PGlite. A browser test checks what the web client
 * shows and does; the server code behind each page is tested on both engines by the server project.
 * The PDF tests run on PGlite only (the documents they convert are read back on both engines by
 * the server project); the other child-process tests (backup, crash safety, two instances, the data
 * directory lock) run on both. The accessibility walk runs on both, each engine taking half its
 * pairings. Without the variable (`npm test`, with or without TEST_DATABASE_URL) every test runs
 * on the engine given.
 */
const browserTestsOnPostgres = [
  'e2e/accessibility.test.ts',
  'e2e/month-count.test.ts',
  'e2e/monthly-loop.test.ts',
  'e2e/review-month.test.ts',
  'e2e/dashboard.test.ts',
  'e2e/revisions.test.ts',
  'e2e/loops-pages.test.ts',
];
const splitEngine = process.env.E2E_ENGINE_SPLIT
  ? process.env.TEST_DATABASE_URL
    ? 'postgres'
    : 'pglite'
  : null;
const processTests = [
  ...childProcessTests,
  ...(splitEngine === 'postgres' ? browserTestsOnPostgres : browserTests),
];
const processExclude =
  splitEngine === 'pglite'
    ? browserTestsOnPostgres.filter((f) => !f.includes('accessibility'))
    : splitEngine === 'postgres'
      ? pdfTests
      : [];

export default defineConfig({
  test: {
    // CI runs three vitest processes, Chromium and the checks side by side on two cores; a test that
    // takes 8 s alone has taken 38 s there. Tests assert behaviour, never time, so CI waits longer.
    testTimeout: process.env.CI ? 120_000 : 30_000,
    // The first file to need a snapshot (the demo year) seeds it; on a loaded CI machine that took
    // over two minutes.
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: true,
    // Two cores here: more workers (TEST_WORKERS=4) made each file twice as slow and the run no
    // shorter. A machine with more cores may set it.
    maxWorkers: Number(process.env.TEST_WORKERS) || 2,
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
          exclude: [...configDefaults.exclude, ...processExclude],
          // Shared module graph here too: importing the app, PGlite and Playwright per file cost
          // 430 s of a CI run's processes project (22 files). Each file starts its own server,
          // browser or child processes, so nothing but loaded code crosses files.
          isolate: false,
          // Builds the web client once, before the browser test files run in parallel.
          globalSetup: ['e2e/global-setup.ts'],
        },
      },
    ],
  },
});
