import type { StartRole } from './role.ts';

export type { RoleContext, RunningRole, StartRole } from './role.ts';

/**
 * Roles a process can run, each loaded only when started (a worker never loads the API's code nor
 * the notifier's mail and PDF libraries). Add a role by adding its loader here.
 */
export const ROLES: Record<string, () => Promise<StartRole>> = {
  api: async () => (await import('./api.ts')).startApi,
  worker: async () => (await import('./worker.ts')).startWorker,
  scheduler: async () => (await import('./scheduler.ts')).startScheduler,
  notifier: async () => (await import('./notifier.ts')).startNotifier,
};

/** Names accepted by `serve --role`; `all` expands to ALL_ROLES. */
export const ROLE_NAMES = ['api', 'worker', 'scheduler', 'notifier', 'all'] as const;

/** What `--role all` runs in one process. */
export const ALL_ROLES = ['api', 'worker', 'scheduler', 'notifier'] as const;

/**
 * Expands a `--role` value (one name, `all`, or a comma-separated list such as
 * `worker,scheduler`) into the roles to start, each once; throws naming an unknown role.
 */
export function resolveRoles(value: string): string[] {
  const names = value.split(',').map((n) => n.trim());
  const wanted = new Set<string>();
  for (const name of names) {
    if (!(ROLE_NAMES as readonly string[]).includes(name)) {
      throw new Error(
        `unknown role ${JSON.stringify(name)}; use one of ${ROLE_NAMES.join(', ')} (or a comma-separated list)`,
      );
    }
    for (const role of name === 'all' ? ALL_ROLES : [name]) wanted.add(role);
  }
  for (const role of wanted) {
    if (!(role in ROLES)) throw new Error(`role ${role} is not available in this build`);
  }
  return [...wanted];
}
