import type { Logger } from '../log.ts';

/**
 * Keeps the orchestrator from stopping this task while it works on a message. The queue-depth
 * scaling of the `data-scanner` profile scales in by stopping tasks; ECS task scale-in protection
 * makes it pick an idle one instead of cutting a shard short.
 */
export interface TaskProtection {
  /** Protects the task while a message is processed. */
  protect(): Promise<void>;
  /** Lets the task be scaled in again. */
  release(): Promise<void>;
}

/** No orchestrator to tell (one machine, or protection switched off). */
export const NO_TASK_PROTECTION: TaskProtection = {
  protect: async () => {},
  release: async () => {},
};

/**
 * ECS task scale-in protection through the agent endpoint the task is given (`ECS_AGENT_URI`):
 * `PUT /task-protection/v1/state`. The protection expires by itself after `minutes`, so a task
 * that dies protected does not stay so. Failures are logged and never stop the work.
 */
export class EcsTaskProtection implements TaskProtection {
  private protectedNow = false;

  constructor(
    private readonly options: { agentUri: string; minutes: number; logger: Logger; timeoutMs?: number },
  ) {}

  protect(): Promise<void> {
    return this.set(true);
  }

  release(): Promise<void> {
    return this.protectedNow ? this.set(false) : Promise.resolve();
  }

  private async set(enabled: boolean): Promise<void> {
    try {
      const res = await fetch(`${this.options.agentUri}/task-protection/v1/state`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          enabled
            ? { ProtectionEnabled: true, ExpiresInMinutes: this.options.minutes }
            : { ProtectionEnabled: false },
        ),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`agent answered HTTP ${res.status}: ${text.slice(0, 200)}`);
      this.protectedNow = enabled;
    } catch (err) {
      this.options.logger.warn(
        { err: (err as Error).message, enabled },
        'task scale-in protection not updated',
      );
    }
  }
}

/** The protection the environment asks for: `TASK_PROTECTION=ecs-agent` with ECS's `ECS_AGENT_URI`. */
export function taskProtectionFor(
  settings: { mode: 'off' | 'ecs-agent'; minutes: number; agentUri: string | undefined },
  logger: Logger,
): TaskProtection {
  if (settings.mode !== 'ecs-agent') return NO_TASK_PROTECTION;
  if (!settings.agentUri) {
    logger.warn(
      'TASK_PROTECTION=ecs-agent but ECS_AGENT_URI is not set; running without scale-in protection',
    );
    return NO_TASK_PROTECTION;
  }
  return new EcsTaskProtection({ agentUri: settings.agentUri, minutes: settings.minutes, logger });
}
