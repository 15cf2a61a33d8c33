import { defineConfig } from 'drizzle-kit';

// Team mode's PostgreSQL schema (drizzle/pg/schema.ts) and its own migrations, beside the SQLite ones.
export default defineConfig({
  dialect: 'postgresql',
  schema: './drizzle/pg/schema.ts',
  out: './drizzle/pg/migrations',
});
