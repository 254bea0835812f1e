/**
 * The queue-depth scaling table of the `data-scanner` seed as plain arithmetic:
 * 0 messages → 0 tasks, 1-5 → 1, 6-10 → 2, 11-15 → 3, ... capped at the maximum.
 */

/** One row of the table: depths `fromDepth..toDepth` (inclusive; open-ended when absent) run `tasks` tasks. */
export interface ScalingStep {
  readonly fromDepth: number;
  readonly toDepth?: number;
  readonly tasks: number;
}

/** The table for a maximum task count and a number of messages each task is sized for. */
export function workerScalingSteps(maxTasks: number, messagesPerTask = 5): ScalingStep[] {
  const problems: string[] = [];
  if (!Number.isInteger(maxTasks) || maxTasks < 1)
    problems.push(`maxTasks is ${maxTasks}: use an integer >= 1`);
  if (!Number.isInteger(messagesPerTask) || messagesPerTask < 1) {
    problems.push(`messagesPerTask is ${messagesPerTask}: use an integer >= 1`);
  }
  if (problems.length > 0) throw new Error(`Invalid worker scaling:\n- ${problems.join('\n- ')}`);
  const steps: ScalingStep[] = [{ fromDepth: 0, toDepth: 0, tasks: 0 }];
  for (let tasks = 1; tasks < maxTasks; tasks++) {
    steps.push({ fromDepth: (tasks - 1) * messagesPerTask + 1, toDepth: tasks * messagesPerTask, tasks });
  }
  steps.push({ fromDepth: (maxTasks - 1) * messagesPerTask + 1, tasks: maxTasks });
  return steps;
}

/** The task count the table gives for a queue depth. */
export function tasksForDepth(steps: readonly ScalingStep[], depth: number): number {
  const step = steps.find((s) => depth >= s.fromDepth && (s.toDepth === undefined || depth <= s.toDepth));
  if (!step) throw new Error(`No scaling step covers queue depth ${depth}`);
  return step.tasks;
}
