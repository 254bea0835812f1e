import type pg from 'pg';
import type { ApiStore, JobKey, PageRequest, ScanSpec, SubmitResult } from './ports.ts';
import type { FindingView, JobObjectView, JobStatus, JobView, ObjectStatus } from './schemas.ts';

/** `ApiStore` over the service's PostgreSQL schema. */
export class PgApiStore implements ApiStore {
  constructor(private readonly pool: pg.Pool) {}

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async apiKeyById(keyId: string): Promise<{ tenantId: string; hash: string } | null> {
    void keyId;
    throw new Error('not wired yet');
  }

  async tenantByName(name: string): Promise<string | null> {
    void name;
    throw new Error('not wired yet');
  }

  async submitScan(
    tenantId: string,
    spec: ScanSpec,
    idempotency?: { key: string; requestHash: string },
  ): Promise<SubmitResult> {
    void tenantId;
    void spec;
    void idempotency;
    throw new Error('not wired yet');
  }

  async getJob(tenantId: string, jobId: string): Promise<JobView | null> {
    void tenantId;
    void jobId;
    throw new Error('not wired yet');
  }

  async listJobs(
    tenantId: string,
    filter: { status?: JobStatus },
    page: PageRequest<JobKey>,
  ): Promise<JobView[]> {
    void tenantId;
    void filter;
    void page;
    throw new Error('not wired yet');
  }

  async cancelJob(tenantId: string, jobId: string): Promise<JobView | null> {
    void tenantId;
    void jobId;
    throw new Error('not wired yet');
  }

  async listFindings(
    tenantId: string,
    filter: { jobId: string; detector?: string; object?: string },
    page: PageRequest<string>,
  ): Promise<FindingView[] | null> {
    void tenantId;
    void filter;
    void page;
    throw new Error('not wired yet');
  }

  async listObjects(
    tenantId: string,
    filter: { jobId: string; status?: ObjectStatus },
    page: PageRequest<string>,
  ): Promise<JobObjectView[] | null> {
    void tenantId;
    void filter;
    void page;
    throw new Error('not wired yet');
  }
}
