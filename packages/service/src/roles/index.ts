import { startApi } from './api.ts';
import type { StartRole } from './role.ts';
import { startWorker } from './worker.ts';

export type { RoleContext, RunningRole, StartRole } from './role.ts';

/** Roles a process can run. Add a role by adding its start function here. */
export const ROLES: Record<string, StartRole> = {
  api: startApi,
  worker: startWorker,
};

/** Names accepted by `serve --role`; `all` expands to ALL_ROLES. */
export const ROLE_NAMES = ['api', 'worker', 'scheduler', 'notifier', 'all'] as const;

/** What `--role all` runs in one process (the API role joins once it is registered in ROLES). */
export const ALL_ROLES = ['api', 'worker'] as const;

/** Expands a `--role` value into the registered roles to start; throws for unknown or unavailable roles. */
export function resolveRoles(name: string): string[] {
  if (!(ROLE_NAMES as readonly string[]).includes(name)) {
    throw new Error(`unknown role ${JSON.stringify(name)}; use one of ${ROLE_NAMES.join(', ')}`);
  }
  const wanted = name === 'all' ? ALL_ROLES.filter((r) => r in ROLES) : [name];
  for (const role of wanted) {
    if (!(role in ROLES)) throw new Error(`role ${role} is not available in this build yet`);
  }
  return wanted;
}
