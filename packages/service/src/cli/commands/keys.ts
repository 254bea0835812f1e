import type { Command } from 'commander';
import { getConfig } from '../../config.ts';
import { createApiKey } from '../../keys/key-store.ts';
import { openDatabase } from '../../store/database.ts';

async function withPool<T>(run: (pool: import('pg').Pool) => Promise<T>): Promise<T> {
  const db = await openDatabase(getConfig());
  try {
    return await run(db.pool);
  } finally {
    await db.close();
  }
}

/**
 * Writes a new key into a Secrets Manager secret as `{"tenant", "prefix", "key"}`: how `keys create`
 * hands the first key of an AWS deployment to its operator without printing it into CloudWatch Logs.
 * A failed write is an error that names the key's prefix, so the orphaned key can be revoked.
 */
async function storeKeyInSecret(
  secretId: string,
  created: { key: string; prefix: string; tenantName: string },
): Promise<void> {
  const { PutSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({});
  try {
    await client.send(
      new PutSecretValueCommand({
        SecretId: secretId,
        SecretString: JSON.stringify({
          tenant: created.tenantName,
          prefix: created.prefix,
          key: created.key,
        }),
      }),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `could not store key ${created.prefix} in secret ${secretId}: ${reason}; revoke it with keys revoke ${created.prefix}`,
    );
  } finally {
    client.destroy();
  }
}

/** `data-scanner keys create|list|revoke`: API keys of tenants (only hashes are stored). */
export function register(program: Command): void {
  const keys = program.command('keys').description('Manage API keys (stored as sha-256 hashes)');

  keys
    .command('create')
    .description('Create an API key for a tenant (created if new) and print it once')
    .requiredOption('--tenant <name>', 'tenant that owns the key')
    .option('--name <label>', 'label to tell keys apart', '')
    .option(
      '--secret <id>',
      'store the key in this AWS Secrets Manager secret (name or ARN) instead of printing it, so it never reaches a log',
    )
    .action(async (options: { tenant: string; name: string; secret?: string }) => {
      const created = await withPool((pool) => createApiKey(pool, options.tenant, options.name));
      if (options.secret !== undefined) {
        await storeKeyInSecret(options.secret, created);
        process.stderr.write(
          `Created key ${created.prefix} for tenant "${created.tenantName}" and stored it in secret ${options.secret}.\n`,
        );
        return;
      }
      process.stderr.write(
        `Created key ${created.prefix} for tenant "${created.tenantName}". It is shown once; store it now.\n`,
      );
      process.stdout.write(`${created.key}\n`);
    });

  keys
    .command('list')
    .description("List a tenant's keys (prefixes only)")
    .requiredOption('--tenant <name>', 'tenant')
    .action(async (options: { tenant: string }) => {
      const rows = await withPool(async (pool) => {
        const result = await pool.query<{
          prefix: string;
          name: string;
          created_at: Date;
          revoked_at: Date | null;
        }>(
          `SELECT k.prefix, k.name, k.created_at, k.revoked_at FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
           WHERE t.name = $1 ORDER BY k.created_at`,
          [options.tenant],
        );
        return result.rows;
      });
      for (const row of rows) {
        const state = row.revoked_at ? `revoked ${row.revoked_at.toISOString()}` : 'active';
        process.stdout.write(
          `${row.prefix}\t${row.name || '-'}\t${row.created_at.toISOString()}\t${state}\n`,
        );
      }
    });

  keys
    .command('revoke')
    .description('Revoke a key by its prefix (as `keys list` prints it)')
    .argument('<prefix>', 'key prefix, e.g. dsk_AbCdEfGhIjKl')
    .action(async (prefix: string) => {
      const count = await withPool(async (pool) => {
        const result = await pool.query(
          'UPDATE api_keys SET revoked_at = now() WHERE prefix = $1 AND revoked_at IS NULL',
          [prefix],
        );
        return result.rowCount ?? 0;
      });
      if (count === 0) throw new Error(`no active key with prefix ${prefix}`);
      process.stderr.write(`Revoked ${count} key(s) with prefix ${prefix}\n`);
    });
}
