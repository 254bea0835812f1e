import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Database } from '../store/database.ts';

/** What every role receives: one config, one logger, one database shared by the roles of a process. */
export interface RoleContext {
  config: Config;
  logger: Logger;
  database: Database;
}

/** A started role. `stop` drains within the deadline and releases what the role holds. */
export interface RunningRole {
  stop(deadlineMs: number): Promise<void>;
}

/** Starts one role. */
export type StartRole = (context: RoleContext) => Promise<RunningRole>;
