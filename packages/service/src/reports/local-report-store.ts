import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { ReportStore } from '../ports/report-store.ts';
import { reportIds } from './report-ids.ts';

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/** Reports as files `<dir>/<tenant>/<job>.pdf` (mode 0600), written whole through a rename. */
export class LocalReportStore implements ReportStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  /** The file of a report; the ids are UUIDs, and the result is checked to sit under `dir`. */
  private file(tenantId: string, jobId: string): string {
    const { tenant, job } = reportIds(tenantId, jobId);
    const file = path.resolve(this.dir, tenant, `${job}.pdf`);
    if (!file.startsWith(this.dir + path.sep)) throw new Error('report path escapes the reports folder');
    return file;
  }

  async has(tenantId: string, jobId: string): Promise<boolean> {
    try {
      return (await stat(this.file(tenantId, jobId))).isFile();
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async put(tenantId: string, jobId: string, pdf: Uint8Array): Promise<void> {
    const file = this.file(tenantId, jobId);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, pdf, { mode: 0o600, flag: 'wx' });
      await rename(temp, file);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async open(tenantId: string, jobId: string): Promise<Readable | null> {
    try {
      const handle = await open(this.file(tenantId, jobId), 'r');
      return handle.createReadStream();
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }
}
