import { defineConfig } from 'drizzle-kit';

// Only used to generate SQL migrations from the schema; migrations are applied at start by the app.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema/index.ts',
  out: './migrations',
});
