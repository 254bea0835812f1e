/** Raised for a job that does not exist for the tenant (a route answers 404). */
export class JobNotFoundError extends Error {
  constructor(readonly jobId: string) {
    super(`no job ${jobId} for this tenant`);
    this.name = 'JobNotFoundError';
  }
}

/** Raised when a finished job is needed and the job is still running (a route answers 409). */
export class JobNotFinishedError extends Error {
  constructor(
    readonly jobId: string,
    readonly status: string,
  ) {
    super(`job ${jobId} is ${status}; its report exists once it has ended`);
    this.name = 'JobNotFinishedError';
  }
}
