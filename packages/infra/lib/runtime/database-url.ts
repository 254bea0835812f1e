import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * Cold-start adapter bundled in front of the service's Lambda handlers: Lambda cannot inject a
 * secret as an environment variable, so this reads the secret named by `DATABASE_URL_SECRET_ARN`
 * (the connection URL) and sets `DATABASE_URL` before the handler module builds its pool.
 * The value is never logged.
 */
export async function loadDatabaseUrl(
  env: NodeJS.ProcessEnv = process.env,
  client: Pick<SecretsManagerClient, 'send'> = new SecretsManagerClient({}),
): Promise<void> {
  const arn = env.DATABASE_URL_SECRET_ARN;
  if (env.DATABASE_URL || !arn) return;
  const result = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  if (!result.SecretString) throw new Error('DATABASE_URL_SECRET_ARN names a secret without a string value');
  env.DATABASE_URL = result.SecretString;
}
