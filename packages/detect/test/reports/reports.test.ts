import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { detectors, REPORT_FORMATS, renderReport, type ScanReport, sarifReport } from '../../src/index.ts';
import { EMAIL, PASSWORD, PASSWORD_LINE, scanner } from '../support.ts';

/**
 * The SARIF 2.1.0 JSON schema (draft-04) as @microsoft/jest-sarif ships it (`2.1.0-rtm.5`, the
 * schema of the OASIS 2.1.0 standard), compiled by ajv with its formats (uri, date-time).
 * Its `language` pattern (`...[a-zA-Z]{2}]?$`) is only valid without the `u` flag, which the
 * schema's draft-04 JavaScript tooling never used.
 */
function sarifSchemaValidator() {
  const schema = createRequire(import.meta.url)('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

async function sample(): Promise<ScanReport> {
  const s = scanner();
  const a = await s.scanText(`${PASSWORD_LINE}\nmail ${EMAIL}\n`, 'conf/app.env');
  const b = await s.scanText(`id,email\n1,${EMAIL}\n`, 'people.csv');
  const c = await s.scanObject([Buffer.from([0, 1, 2])], { name: 'x.bin' });
  return {
    source: 'file:///data',
    detectors,
    objects: [
      { key: 'conf/app.env', result: a },
      { key: 'people.csv', result: b },
      { key: 'x.bin', result: c },
    ],
  };
}

describe('reports', () => {
  it.each(REPORT_FORMATS)('%s carries findings but never a raw value', async (format) => {
    const report = await sample();
    const out = renderReport(format, report);
    expect(out).not.toContain(PASSWORD);
    expect(out).not.toContain(EMAIL);
    expect(out).toContain(report.objects[0]!.result.findings[0]!.redacted);
  });

  it('JSON Lines has one parseable finding per line with its object', async () => {
    const lines = renderReport('jsonl', await sample())
      .trim()
      .split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[2]!)).toMatchObject({ object: { key: 'people.csv' }, location: { row: 1 } });
  });

  it('CSV has a header and quotes formula-like cells', async () => {
    const out = renderReport('csv', await sample());
    const rows = out.trim().split('\r\n');
    expect(rows[0]).toMatch(/^bucket,key,archive_path,detector/);
    expect(rows).toHaveLength(4);
  });

  it('table lists objects not fully scanned', async () => {
    const out = renderReport('table', await sample());
    expect(out).toContain('SKIPPED x.bin: UNSUPPORTED_BINARY');
  });

  it('SARIF is valid against the SARIF 2.1.0 JSON schema', async () => {
    const validate = sarifSchemaValidator();
    const log = JSON.parse(sarifReport(await sample()));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    // The validator is live: a result level SARIF does not define is refused.
    log.runs[0].results[0].level = 'critical';
    expect(validate(log)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/runs/0/results/0/level');
  });

  it('SARIF 2.1.0 has a rule per detector and results with physical locations', async () => {
    const log = JSON.parse(sarifReport(await sample()));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('data-scanner');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(detectors.map((d) => d.id));
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).toEqual(expect.any(String));
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
    expect(run.results).toHaveLength(3);
    for (const result of run.results) {
      expect(typeof result.message.text).toBe('string');
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      const loc = result.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).toMatch(/^(conf\/app\.env|people\.csv)$/);
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region.startColumn).toBeGreaterThanOrEqual(1);
      expect(loc.region.byteLength).toBeGreaterThan(0);
      expect(result.partialFingerprints['dataScannerValue/v1']).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe('aggregates in every report format', () => {
  async function aggregated(): Promise<ScanReport> {
    const limits = { aggregateThreshold: 20, aggregateSamples: 5 };
    const rows = Array.from({ length: 1234 }, (_, i) => `${i},user${i}@northwind-traders.com`);
    const result = await scanner({ limits }).scanText(`id,email\n${rows.join('\n')}\n`, 'people.csv');
    return { source: 'file:///data', detectors, objects: [{ key: 'people.csv', result }], limits };
  }

  it.each(REPORT_FORMATS)('%s shows the exact aggregated count and the threshold', async (format) => {
    const out = renderReport(format, await aggregated());
    expect(out).toContain('1214');
    expect(out).toContain('20');
    expect(out).not.toContain('user1000@northwind-traders.com');
  });

  it('JSON, JSONL, CSV and SARIF carry the count in a field of its own', async () => {
    const report = await aggregated();
    const json = JSON.parse(renderReport('json', report));
    expect(json.summary).toMatchObject({
      findings: 20,
      matches: 1234,
      aggregated: 1214,
      aggregate_threshold: 20,
    });
    expect(json.limits).toEqual({ aggregate_threshold: 20, aggregate_samples: 5 });
    expect(json.objects[0].aggregates[0]).toMatchObject({ detector: 'email', field: 'email', count: 1214 });
    const lines = renderReport('jsonl', report)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(21);
    expect(lines[20]).toMatchObject({
      kind: 'aggregate',
      object: { key: 'people.csv' },
      count: 1214,
      threshold: 20,
    });
    expect(lines[20].samples).toHaveLength(5);
    const csv = renderReport('csv', report).trim().split('\r\n');
    const header = csv[0]!.split(',');
    const aggregateRow = csv[21]!.split(',');
    expect(aggregateRow[header.indexOf('kind')]).toBe('aggregate');
    expect(aggregateRow[header.indexOf('count')]).toBe('1214');
    const sarif = JSON.parse(renderReport('sarif', report));
    expect(sarif.runs[0].properties).toEqual({ aggregateThreshold: 20 });
    const last = sarif.runs[0].results.at(-1);
    expect(last.properties).toMatchObject({ aggregate: true, count: 1214, threshold: 20, field: 'email' });
    expect(last.locations).toHaveLength(5);
    expect(sarifSchemaValidator()(sarif)).toBe(true);
    expect(renderReport('table', report)).toMatch(
      /20 finding\(s\), 1234 match\(es\) in all: 1214 counted in 1 aggregate/,
    );
  });
});

describe('a baseline in every report format', () => {
  async function baselined(): Promise<ScanReport> {
    return { ...(await sample()), baseline: { file: 'ci/baseline.json', suppressed: 4217 } };
  }

  it.each(REPORT_FORMATS)('%s states how many findings the baseline suppressed', async (format) => {
    const out = renderReport(format, await baselined());
    expect(out).toContain('4217');
    expect(out).toContain('ci/baseline.json');
    expect(renderReport(format, await sample())).not.toContain('baseline');
  });

  it('SARIF with a baseline is still valid against the SARIF 2.1.0 schema', async () => {
    const validate = sarifSchemaValidator();
    const log = JSON.parse(sarifReport(await baselined()));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].properties.baseline).toEqual({ file: 'ci/baseline.json', suppressed: 4217 });
  });
});
