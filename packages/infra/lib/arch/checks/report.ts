import type { NagReport } from '../synthesize.ts';
import type { CheckResult } from './rules.ts';

/** The check outcome: the text report and whether anything failed. */
export interface CheckReport {
  readonly text: string;
  readonly violations: number;
}

/** Formats rule results and cdk-nag findings as a plain-text report. */
export function formatCheckReport(
  title: string,
  results: readonly CheckResult[],
  nag: NagReport,
): CheckReport {
  const lines = [`Policy check: ${title}`, ''];
  const failed = results.filter((r) => !r.ok);
  lines.push(`Project rules: ${results.length - failed.length} passed, ${failed.length} failed`);
  const rules = [...new Set(results.map((r) => r.rule))];
  for (const rule of rules) {
    const mine = results.filter((r) => r.rule === rule);
    const bad = mine.filter((r) => !r.ok);
    lines.push(`  ${bad.length === 0 ? 'PASS' : 'FAIL'} ${rule} (${mine.length} checked)`);
    for (const r of bad) lines.push(`       - ${r.subject}: ${r.detail}`);
  }
  const nagErrors = nag.findings.filter((f) => f.severity === 'error' || f.severity === 'fatal');
  lines.push('');
  if (!nag.ran) {
    lines.push('cdk-nag: not run (--no-nag)');
  } else {
    lines.push(
      `cdk-nag AwsSolutions: ${nagErrors.length} unacknowledged error(s), ${nag.findings.length - nagErrors.length} warning(s), ${nag.acknowledged.length} acknowledged`,
    );
    for (const f of nag.findings) {
      lines.push(`  ${f.severity.toUpperCase()} ${f.rule}: ${f.description}`);
      for (const p of f.paths) lines.push(`       - ${p}`);
    }
    for (const a of nag.acknowledged) {
      lines.push(`  acknowledged ${a.rule} on ${a.path.replace(/^\/[^/]+\//, '')}: ${a.reason}`);
    }
  }
  const violations = failed.length + nagErrors.length;
  lines.push('', violations === 0 ? 'Result: no violations' : `Result: ${violations} violation(s)`);
  return { text: `${lines.join('\n')}\n`, violations };
}
