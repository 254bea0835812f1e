import { detectors as catalogue } from '@data-scanner/detect';
import type { Baseline } from '@data-scanner/detect/baseline';
import type pg from 'pg';
import { severityRankSql } from '../severity.ts';
import type { BaselineImportView, ExposureState, TriageResultView } from '../views/exposure-schemas.ts';
import { inTransaction } from './transaction.ts';

/** Who changes states and why. */
export interface Change {
  actor: string;
  note?: string | undefined;
}

/** State changes made by people (`PATCH /findings/{id}`, `POST /findings/triage`) and baseline imports. */
export class PgExposureTriage {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * Moves the tenant's exposures among `ids` to `state`, one history row each (actor, note) for
   * those whose state changes, in one statement; ids that are not the tenant's are counted as not found.
   */
  async setState(
    tenantId: string,
    ids: readonly string[],
    state: ExposureState,
    change: Change,
  ): Promise<TriageResultView> {
    const { rows } = await this.pool.query<{ wanted: string; found: string; changed: string }>(
      `WITH wanted AS (SELECT DISTINCT unnest($2::uuid[]) AS id),
       found AS (
         SELECT e.id, e.state FROM exposures e JOIN wanted USING (id) WHERE e.tenant_id = $1 FOR UPDATE OF e),
       changed AS (
         UPDATE exposures e SET state = $3, state_changed_at = now()
         FROM found WHERE e.id = found.id AND found.state <> $3
         RETURNING e.id, found.state AS from_state),
       logged AS (
         INSERT INTO exposure_history (exposure_id, tenant_id, actor, from_state, to_state, note)
         SELECT id, $1, $4, from_state, $3, $5 FROM changed RETURNING 1)
       SELECT (SELECT count(*) FROM wanted) AS wanted, (SELECT count(*) FROM found) AS found,
         (SELECT count(*) FROM logged) AS changed`,
      [tenantId, ids, state, change.actor, change.note ?? null],
    );
    const r = rows[0] ?? { wanted: '0', found: '0', changed: '0' };
    return {
      updated: Number(r.changed),
      unchanged: Number(r.found) - Number(r.changed),
      not_found: Number(r.wanted) - Number(r.found),
    };
  }

  /**
   * Imports a baseline (already parsed and checked against the fingerprint key): keeps its entries
   * (detector, fingerprint, place; never a value) and makes each value an `accepted_risk` exposure,
   * new or moved from open or resolved, with a history row naming the baseline. False positives
   * and revoked values keep their state. Later scans finding these values count them as suppressed.
   */
  async importBaseline(
    tenantId: string,
    baseline: Baseline,
    name: string,
    actor: string,
  ): Promise<BaselineImportView> {
    const known = new Map(catalogue.map((d) => [d.id, d]));
    const values = new Map<string, { detector: string; fingerprint: string; path: string | null }>();
    for (const e of baseline.entries) {
      const key = `${e.detector}\0${e.fingerprint}`;
      if (!values.has(key))
        values.set(key, { detector: e.detector, fingerprint: e.fingerprint, path: e.path ?? null });
    }
    const rows = [...values.values()].map((v) => {
      const d = known.get(v.detector);
      return { ...v, category: d?.category ?? 'credentials', severity: d?.severity ?? 'high' };
    });
    const note = `baseline ${name} imported`;
    return inTransaction(this.pool, async (client) => {
      const { rows: made } = await client.query<{ id: string }>(
        `INSERT INTO baselines (tenant_id, name, fingerprint_key_id, entries, imported_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [tenantId, name, baseline.fingerprintKeyId, baseline.entries.length, actor],
      );
      const baselineId = (made[0] as { id: string }).id;
      await client.query(
        `INSERT INTO baseline_entries (baseline_id, detector, fingerprint, path, line)
         SELECT $1, detector, fingerprint, path, line
         FROM jsonb_to_recordset($2::jsonb) AS b(detector text, fingerprint text, path text, line integer)`,
        [baselineId, JSON.stringify(baseline.entries)],
      );
      const { rows: counted } = await client.query<{ created: string; moved: string }>(
        `WITH v AS (
           SELECT * FROM jsonb_to_recordset($2::jsonb)
             AS v(detector text, fingerprint text, path text, category text, severity text)),
         created AS (
           INSERT INTO exposures (tenant_id, kind, detector, category, severity, severity_rank, fingerprint,
             object_key, state, state_changed_at)
           SELECT $1, 'value', v.detector, v.category, v.severity, ${severityRankSql('v.severity')}, v.fingerprint,
             v.path, 'accepted_risk', now()
           FROM v
           ON CONFLICT (tenant_id, detector, fingerprint) WHERE kind = 'value' DO NOTHING
           RETURNING id),
         found AS (
           SELECT e.id, e.state FROM exposures e JOIN v USING (detector, fingerprint)
           WHERE e.tenant_id = $1 AND e.kind = 'value' AND e.state IN ('open', 'resolved') FOR UPDATE OF e),
         moved AS (
           UPDATE exposures e SET state = 'accepted_risk', state_changed_at = now()
           FROM found WHERE e.id = found.id RETURNING e.id, found.state AS from_state),
         logged AS (
           INSERT INTO exposure_history (exposure_id, tenant_id, actor, from_state, to_state, note)
           SELECT id, $1, $3, NULL, 'accepted_risk', $4 FROM created
           UNION ALL
           SELECT id, $1, $3, from_state, 'accepted_risk', $4 FROM moved
           RETURNING 1)
         SELECT (SELECT count(*) FROM created) AS created, (SELECT count(*) FROM moved) AS moved,
           (SELECT count(*) FROM logged) AS logged`,
        [tenantId, JSON.stringify(rows), `baseline:${name}`, `${note} by ${actor}`],
      );
      const c = counted[0] ?? { created: '0', moved: '0' };
      return {
        baseline_id: baselineId,
        name,
        entries: baseline.entries.length,
        values: rows.length,
        suppressed: Number(c.created) + Number(c.moved),
      };
    });
  }
}
