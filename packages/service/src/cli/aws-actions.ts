import type { AdapterAwsCalls } from '../aws-call.ts';

/**
 * `keys create --secret <id>` (`cli/commands/keys.ts`): the first API key of an AWS deployment is
 * written into the stack's FirstApiKey secret, which only the admin task's role may write.
 */
export const FIRST_KEY_SECRET_CALLS = {
  file: 'cli/commands/keys.ts',
  operations: {
    storeKey: [
      {
        command: 'PutSecretValueCommand',
        action: 'secretsmanager:PutSecretValue',
        resource: 'first-key-secret',
      },
    ],
  },
} as const satisfies AdapterAwsCalls;
