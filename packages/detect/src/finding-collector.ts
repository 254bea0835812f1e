import type { Finding, FindingAggregate, Location, ObjectScanResult, ScanLimits } from './types.ts';

interface Group {
  individual: number;
  aggregate: FindingAggregate | undefined;
}

/**
 * The field a finding's group is named after: the CSV column, or the JSON path with array
 * indexes as `[*]` (so `$.users[7].email` and `$.users[8].email` are one group); undefined for
 * plain text, where the group is the whole object or archive member.
 */
export function aggregateField(location: Location): string | undefined {
  if (location.column_name !== undefined) return location.column_name;
  if (location.column_index !== undefined) return `#${location.column_index}`;
  return location.json_path?.replace(/\[\d+\]/g, '[*]');
}

/**
 * Collects one object's findings. Credentials are all kept one by one; other categories are
 * kept up to `aggregateThreshold` per (detector, archive member, field), and each further match
 * of that group is counted into the group's aggregate, which keeps its first `aggregateSamples`
 * locations. Nothing is dropped: findings plus aggregate counts are every match.
 */
export class FindingCollector {
  readonly findings: Finding[] = [];
  readonly aggregates: FindingAggregate[] = [];
  private readonly groups = new Map<string, Group>();

  constructor(private readonly limits: Pick<ScanLimits, 'aggregateThreshold' | 'aggregateSamples'>) {}

  /** Takes one finding (the engine's sink). */
  add(finding: Finding): void {
    if (finding.category === 'credentials') {
      this.findings.push(finding);
      return;
    }
    const field = aggregateField(finding.location);
    const archivePath = finding.location.archive_path;
    const key = `${finding.detector}\u0000${archivePath ?? ''}\u0000${field ?? ''}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { individual: 0, aggregate: undefined };
      this.groups.set(key, group);
    }
    if (group.individual < this.limits.aggregateThreshold) {
      group.individual++;
      this.findings.push(finding);
      return;
    }
    if (!group.aggregate) {
      group.aggregate = {
        detector: finding.detector,
        category: finding.category,
        severity: finding.severity,
        ...(field === undefined ? {} : { field }),
        ...(archivePath === undefined ? {} : { archive_path: archivePath }),
        count: 0,
        samples: [],
        threshold: this.limits.aggregateThreshold,
      };
      this.aggregates.push(group.aggregate);
    }
    group.aggregate.count++;
    if (group.aggregate.samples.length < this.limits.aggregateSamples) {
      group.aggregate.samples.push(finding.location);
    }
  }
}

/** Every match of an object: its individual findings plus the counts folded into aggregates. */
export function matchCount(result: Pick<ObjectScanResult, 'findings' | 'aggregates'>): number {
  let n = result.findings.length;
  for (const a of result.aggregates ?? []) n += a.count;
  return n;
}
