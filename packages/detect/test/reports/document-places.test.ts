import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/index.ts';
import { csvReport, documentPlace, sarifReport, tableReport } from '../../src/reports/index.ts';
import type { ScanReport } from '../../src/reports/report.ts';
import type { Finding, Location } from '../../src/types.ts';

function finding(location: Partial<Location>): Finding {
  return {
    detector: 'email',
    category: 'personal',
    severity: 'low',
    confidence: 0.9,
    location: { byte_start: 10, byte_end: 30, line: 4, column: 1, ...location },
    redacted: 'm***@northwind.com',
    fingerprint: 'f'.repeat(64),
  };
}

function report(f: Finding): ScanReport {
  return {
    source: 'exports',
    detectors: detectors.filter((d) => d.id === 'email'),
    objects: [
      {
        key: 'exports/customers.xlsx',
        result: { status: 'COMPLETE', findings: [f], bytes_read: 100, bytes_scanned: 100 },
      },
    ],
  };
}

describe('document locations in every report', () => {
  it.each([
    [{ sheet: 'Customers', cell: 'B7', column_name: 'email' }, 'Customers!B7'],
    [{ page: 3 }, 'page 3'],
    [{ slide: 2, part: 'Title 1' }, 'slide 2 · Title 1'],
    [
      { record_index: 18442, column_name: 'customer.email', row_group: 1 },
      'row group 1 · record 18,442 · customer.email',
    ],
    [{ part: 'document', paragraph: 4 }, 'document ¶4'],
    [{ message_index: 2, part: 'header:Subject' }, 'message 3 · header:Subject'],
    [{}, ''],
  ] as const)('%o reads as "%s"', (location, text) => {
    expect(documentPlace(finding(location).location)).toBe(text);
  });

  it('the table, CSV and SARIF carry the sheet and cell', () => {
    const r = report(finding({ sheet: 'Customers', cell: 'B7', column_name: 'email' }));
    expect(tableReport(r)).toContain('Customers!B7');
    const [header, row] = csvReport(r).split('\r\n');
    const cells = header!.split(',');
    const values = row!.split(',');
    expect(values[cells.indexOf('sheet')]).toBe('Customers');
    expect(values[cells.indexOf('cell')]).toBe('B7');
    const sarif = JSON.parse(sarifReport(r));
    const result = sarif.runs[0].results[0];
    expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toBe('Customers!B7');
    expect(result.properties).toMatchObject({ sheet: 'Customers', cell: 'B7' });
  });
});
