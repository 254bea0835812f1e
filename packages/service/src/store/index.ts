export { type Database, openDatabase } from './database.ts';
export { freePort, startEmbeddedPostgres } from './embedded-postgres.ts';
export { PgJobStore } from './jobs-repository.ts';
export { loadMigrations, MIGRATIONS_DIR, migrate } from './migrate.ts';
export { hashApiKey, PgTenantStore, type Tenant } from './tenants-repository.ts';
