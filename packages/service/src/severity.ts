/** Finding severities from the most to the least severe; "findings reach high" means high or critical. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
