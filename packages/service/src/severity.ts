/** Finding severities from the most to the least severe; "findings reach high" means high or critical. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** SQL of the `severity_rank` of a severity column: 5 for critical down to 1 for info, 0 for anything else. */
export const severityRankSql = (column: string): string =>
  `(CASE ${column} ${SEVERITIES.map((s, i) => `WHEN '${s}' THEN ${SEVERITIES.length - i}`).join(' ')} ELSE 0 END)`;
