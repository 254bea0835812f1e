import type { AdapterAwsCalls } from '../aws-call.ts';

/**
 * ECS task scale-in protection (`task-protection.ts`): a request to the ECS agent, which calls ECS
 * with the task role's credentials, so the task role needs the action on its own task.
 */
export const TASK_PROTECTION_CALLS = {
  file: 'worker/task-protection.ts',
  operations: {
    protect: [
      {
        command: 'PUT <ECS_AGENT_URI>/task-protection/v1/state',
        action: 'ecs:UpdateTaskProtection',
        resource: 'own-task',
      },
    ],
  },
} as const satisfies AdapterAwsCalls;
