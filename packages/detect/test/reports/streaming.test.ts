import { describe, expect, it } from 'vitest';
import {
  CSV_HEADER,
  csvReport,
  csvRow,
  detectors,
  type ReportFinding,
  reportFindings,
  SarifWriter,
  type ScanReport,
  sarifReport,
} from '../../src/index.ts';
import { EMAIL, PASSWORD_LINE, scanner } from '../support.ts';

async function sample(): Promise<ScanReport> {
  const s = scanner();
  const a = await s.scanText(`${PASSWORD_LINE}\nmail ${EMAIL}\n`, 'conf/app.env');
  const b = await s.scanText(`id,email\n1,${EMAIL}\n2,${EMAIL}\n`, 'people.csv');
  return {
    source: 'file:///data',
    detectors,
    objects: [
      { key: 'conf/app.env', result: a },
      { key: 'people.csv', bucket: 'b', result: b },
    ],
  };
}

/** Writes findings through a SarifWriter the way a streaming exporter does. */
function streamSarif(findings: readonly ReportFinding[]): string {
  const writer = new SarifWriter(detectors);
  let out = writer.start();
  for (const f of findings) out += writer.result(f);
  return out + writer.end();
}

describe('streaming report writers', () => {
  it('SarifWriter pieces make the same log as sarifReport, as canonical pretty JSON', async () => {
    const report = await sample();
    const findings = reportFindings(report);
    expect(findings.length).toBeGreaterThanOrEqual(3);
    const streamed = streamSarif(findings);
    expect(streamed).toBe(sarifReport(report));
    const log = JSON.parse(streamed);
    expect(streamed).toBe(`${JSON.stringify(log, null, 2)}\n`);
    expect(log.runs[0].results).toHaveLength(findings.length);
    expect(log.runs[0].results[1].ruleId).toBe(findings[1]!.detector);
  });

  it('SarifWriter with no results is a valid log with an empty results array', () => {
    const streamed = streamSarif([]);
    const log = JSON.parse(streamed);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toHaveLength(detectors.length);
    expect(streamed).toBe(`${JSON.stringify(log, null, 2)}\n`);
  });

  it('CSV_HEADER and csvRow make the same document as csvReport', async () => {
    const report = await sample();
    const rows = reportFindings(report).map(csvRow);
    expect(CSV_HEADER + rows.join('')).toBe(csvReport(report));
    for (const row of rows) expect(row.endsWith('\r\n')).toBe(true);
  });
});
