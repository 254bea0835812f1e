import { SEVERITIES, type Severity } from '../severity.ts';
import { TEST_EVENT_KIND } from './channel-names.ts';

/**
 * What every channel says about a finished job. Built from counts and ids only: findings in the
 * database hold no raw value, and messages carry not even the masked previews.
 */
export interface JobEvent {
  /** The outbox row id: the same for every channel and every retry, so receivers can deduplicate. */
  id: string;
  kind: string;
  tenantId: string;
  jobId: string;
  name: string | null;
  source: string;
  status: string;
  reason: string | null;
  objectsTotal: number;
  objectsFailed: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  topDetectors: { detector: string; count: number }[];
  finishedAt: string | null;
  /**
   * The job's exposures compared with what its scope knew (`GET /jobs/{id}` `exposures`), and the
   * new ones by severity; null for jobs that ended before exposures existed.
   */
  exposures: {
    new: number;
    open: number;
    resolved: number;
    reopened: number;
    suppressed: number;
    newBySeverity: Record<Severity, number>;
  } | null;
  /** Dashboard link of the job when `PUBLIC_URL` is configured. */
  url: string | null;
}

/** The most severe level with at least one finding, or null for a clean job. */
export function worstSeverity(event: Pick<JobEvent, 'bySeverity'>): Severity | null {
  return SEVERITIES.find((s) => event.bySeverity[s] > 0) ?? null;
}

/**
 * True when the job found a new exposure at `min` or more severe (jobs from before exposures: a
 * finding at `min` or more severe). Suppressed and already known exposures never notify.
 */
export function reachesNew(event: Pick<JobEvent, 'bySeverity' | 'exposures'>, min: Severity): boolean {
  if (!event.exposures) return reaches(event, min);
  const bySeverity = event.exposures.newBySeverity;
  return SEVERITIES.slice(0, SEVERITIES.indexOf(min) + 1).some((s) => (bySeverity[s] ?? 0) > 0);
}

/** True when the job has a finding at `min` or more severe. */
export function reaches(event: Pick<JobEvent, 'bySeverity'>, min: Severity): boolean {
  const worst = worstSeverity(event);
  return worst !== null && SEVERITIES.indexOf(worst) <= SEVERITIES.indexOf(min);
}

/** The webhook's JSON body. */
export function eventJson(event: JobEvent): Record<string, unknown> {
  return {
    id: event.id,
    event: event.kind,
    job: {
      id: event.jobId,
      name: event.name,
      source: event.source,
      status: event.status,
      reason: event.reason,
      objects_total: event.objectsTotal,
      objects_failed: event.objectsFailed,
      findings: event.findings,
      findings_by_severity: event.bySeverity,
      top_detectors: event.topDetectors,
      exposures: event.exposures && {
        new: event.exposures.new,
        open: event.exposures.open,
        resolved: event.exposures.resolved,
        reopened: event.exposures.reopened,
        suppressed: event.exposures.suppressed,
        new_by_severity: event.exposures.newBySeverity,
      },
      finished_at: event.finishedAt,
      url: event.url,
    },
  };
}

function severityLine(event: JobEvent): string {
  const parts = SEVERITIES.filter((s) => event.bySeverity[s] > 0).map((s) => `${event.bySeverity[s]} ${s}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

const label = (event: JobEvent) => event.name ?? event.source;

/** One line, for SMS and email subjects. */
export function eventSummary(event: JobEvent): string {
  if (event.kind === TEST_EVENT_KIND) return 'Data Scanner: test notification (this channel works)';
  const findings = event.findings === 1 ? '1 finding' : `${event.findings} findings`;
  const worst = worstSeverity(event);
  return `Data Scanner: scan "${label(event)}" ${event.status}, ${findings}${worst ? ` (worst: ${worst})` : ''}`;
}

/** A plain-text body, for email and Slack. */
export function eventText(event: JobEvent): string {
  const lines = [
    eventSummary(event),
    '',
    `Source: ${event.source}`,
    `Status: ${event.status}${event.reason ? ` (${event.reason})` : ''}`,
    `Objects: ${event.objectsTotal} (${event.objectsFailed} failed)`,
    `Findings by severity: ${severityLine(event)}`,
  ];
  const x = event.exposures;
  if (x) {
    lines.push(
      `Exposures: ${x.new} new, ${x.open} open, ${x.resolved} resolved, ${x.reopened} reopened, ${x.suppressed} suppressed`,
    );
  }
  if (event.topDetectors.length > 0) {
    lines.push(`Detectors: ${event.topDetectors.map((d) => `${d.detector} ${d.count}`).join(', ')}`);
  }
  lines.push(`Job: ${event.jobId}`);
  if (event.url) lines.push(event.url);
  return lines.join('\n');
}
