/**
 * ECS task scale-in protection (`task-protection.ts`): a request to the ECS agent, which calls ECS
 * with the task role's credentials, so the task role needs the action on its own task.
 */
export declare const TASK_PROTECTION_CALLS: {
    readonly file: "worker/task-protection.ts";
    readonly operations: {
        readonly protect: readonly [{
            readonly command: "PUT <ECS_AGENT_URI>/task-protection/v1/state";
            readonly action: "ecs:UpdateTaskProtection";
            readonly resource: "own-task";
        }];
    };
};
