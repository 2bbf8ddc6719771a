import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layers: only repos (*.repo.ts) and src/server/db/ touch drizzle and the schema; services do not
// know Fastify; the web imports nothing from the server; a module reads another module's data
// through that module's service, never its repo. Tests may set up data directly.
const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'src/server/test/**'];
const DATA_LAYER = ['src/server/**/*.repo.ts', 'src/server/db/**'];

// Whole-database tools that read the catalog rather than a module's tables.
const DATABASE_TOOLS = [
  'src/server/lib/backup*.ts',
  'src/server/lib/audit.ts',
  'src/server/modules/health/health.routes.ts',
];

// Known exceptions, each to be removed when its SQL moves into a repo. Do not add to these lists.
const SQL_OUTSIDE_REPOS = [
  'src/server/modules/setup/demo-loader.ts',
  'src/server/modules/setup/setup.service.ts',
  'src/server/modules/setup/demo-activity-loader.ts',
  'src/server/modules/people/people-import.service.ts',
];
const OTHER_MODULES_REPOS = [
  'src/server/modules/dashboard/scores.repo.ts',
  'src/server/modules/documents/documents.service.ts',
  'src/server/modules/ledgers/ledgers.repo.ts',
  'src/server/modules/ledgers/ledgers.service.ts',
  'src/server/modules/people/people-import.service.ts',
  'src/server/modules/people/people.service.ts',
  'src/server/modules/records/record-detail.ts',
  'src/server/modules/records/records.repo.ts',
  'src/server/modules/records/records.service.ts',
  'src/server/modules/setup/demo-activity-loader.ts',
];

const noSql = [
  {
    group: ['drizzle-orm', 'drizzle-orm/*'],
    message: 'Only *.repo.ts and src/server/db/ use drizzle: move the query into a repo.',
  },
  {
    regex: '(^|/)db/schema(/|\\.js$|$)',
    message: 'Only *.repo.ts and src/server/db/ use the schema: move the query into a repo.',
  },
];
const noFastify = [
  {
    group: ['fastify', 'fastify/*', '@fastify/*'],
    message: 'Services do not know HTTP: take plain values from the route.',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'migrations', 'test-results', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: [...TESTS, ...DATA_LAYER, ...DATABASE_TOOLS, ...SQL_OUTSIDE_REPOS],
    rules: { 'no-restricted-imports': ['error', { patterns: noSql }] },
  },
  {
    files: ['src/server/**/*.service.ts'],
    ignores: [...TESTS, ...SQL_OUTSIDE_REPOS],
    rules: { 'no-restricted-imports': ['error', { patterns: [...noSql, ...noFastify] }] },
  },
  {
    files: SQL_OUTSIDE_REPOS.filter((f) => f.endsWith('.service.ts')),
    rules: { 'no-restricted-imports': ['error', { patterns: noFastify }] },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)server/',
              message: 'The web talks to the server over HTTP; shared code lives in src/common.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/modules/**/*.ts'],
    ignores: [...TESTS, ...OTHER_MODULES_REPOS],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[^/]+/[^/]+\\.repo\\.js$',
              message: "Another module's data is reached through its service, not its repo.",
            },
          ],
        },
      ],
    },
  },
);
