import { detectorById, documentPlace, type Location } from '@data-scanner/detect';
import PDFDocument from 'pdfkit';
import { SEVERITIES } from '../severity.ts';
import type { AggregateView } from '../views/aggregate-schemas.ts';
import type { FindingView } from '../views/schemas.ts';
import type { JobReportData, TopObject } from './job-report-data.ts';
import {
  COLOR,
  type Column,
  contentWidth,
  type Doc,
  ensureSpace,
  FONT,
  fit,
  footers,
  heading,
  printable,
  SEVERITY_COLOR,
  table,
} from './pdf-layout.ts';
import { scanScope, scopeText } from './scan-scope.ts';

const n = (value: number) => value.toLocaleString('en-US');
const when = (date: Date | null) => (date ? `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC` : '-');
const share = (count: number, total: number) =>
  total === 0 ? '-' : `${((100 * count) / total).toFixed(1)}%`;

function duration(from: Date | null, to: Date | null): string {
  if (!from || !to) return '-';
  const s = Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
  const [h, m] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60)];
  return h > 0 ? `${h}h ${m}m ${s % 60}s` : m > 0 ? `${m}m ${s % 60}s` : `${s}s`;
}

function bytes(value: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = value;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n(value)} bytes` : `${v.toFixed(1)} ${units[i]} (${n(value)} bytes)`;
}

const objectName = (bucket: string | null | undefined, key: string) =>
  bucket ? `s3://${bucket}/${key}` : key;

/**
 * Where a finding sits, most telling first: a document place (`Customers!B7`, `slide 2 · Title 1`,
 * `record 18,442 · customer.email`), the JSON path or CSV cell when known, else line:column.
 */
export function locationText(f: FindingView): string {
  const l = f.location;
  const place = documentPlace(l as Location);
  if (place !== '' && l.page === undefined) return place;
  const page = l.page === undefined ? '' : `p.${l.page} `;
  if (l.json_path !== undefined) return page + l.json_path;
  if (l.row !== undefined) return `${page}row ${l.row}${l.column_name ? ` ${l.column_name}` : ''}`;
  return `${page}${l.line}:${l.column}`;
}

function title(doc: Doc, data: JobReportData): void {
  const { job } = data;
  doc.font(FONT.bold).fontSize(20).fillColor(COLOR.accent).text('Data Scanner scan report');
  doc
    .font(FONT.regular)
    .fontSize(11)
    .fillColor(COLOR.muted)
    .text(fit(doc, job.name ?? job.source, contentWidth(doc)));
  doc.moveDown(0.8);
  const objects = [
    `${n(job.objectsTotal ?? job.objectsDone)} total`,
    `${n(job.objectsComplete)} complete`,
    `${n(job.objectsPartial)} partial`,
    `${n(job.objectsSkipped)} skipped`,
    `${n(job.objectsFailed)} failed`,
  ].join(', ');
  const facts: [string, string][] = [
    ['Job ID', job.id],
    ['Source', job.source],
    ['Status', job.statusReason ? `${job.status} (${job.statusReason})` : job.status],
    ['Created', when(job.createdAt)],
    ['Started', when(job.startedAt)],
    ['Finished', when(job.finishedAt)],
    ['Duration', duration(job.startedAt ?? job.createdAt, job.finishedAt)],
    ['Objects', objects],
    ['Bytes scanned', bytes(job.bytesScanned)],
    ['Findings', findingsFact(data)],
    ['Report generated', when(data.generatedAt)],
  ];
  const scope = scanScope({
    incremental: job.incremental,
    sample: job.sample,
    progress: { objects_unchanged: job.objectsUnchanged, objects_sampled_out: job.objectsSampledOut },
  });
  if (scope) facts.splice(facts.length - 1, 0, ['Scope', scopeText(scope)]);
  const x = doc.page.margins.left;
  const labelWidth = 100;
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font(FONT.bold).fontSize(9).fillColor(COLOR.muted).text(label, x, y, { lineBreak: false });
    doc.font(FONT.regular).fillColor(COLOR.text);
    doc.text(fit(doc, value, contentWidth(doc) - labelWidth), x + labelWidth, y, { lineBreak: false });
    doc.y = y + 13;
  }
  doc.x = x;
}

/** The exact match count, and what part of it is counted in aggregates under which threshold. */
function findingsFact(data: JobReportData): string {
  const threshold = data.job.aggregateThreshold;
  const rule =
    threshold === null ? '' : `; aggregate threshold ${n(threshold)} per object, detector and field`;
  if (data.aggregated === 0) return `${n(data.total)}${rule ? ` (none aggregated${rule})` : ''}`;
  return `${n(data.total)} (${n(data.total - data.aggregated)} listed, ${n(data.aggregated)} counted in ${n(data.aggregatesTotal)} aggregate(s)${rule})`;
}

function severityTiles(doc: Doc, data: JobReportData): void {
  heading(doc, 'Summary');
  const gap = 8;
  const width = (contentWidth(doc) - gap * (SEVERITIES.length - 1)) / SEVERITIES.length;
  const height = 46;
  const y = doc.y;
  SEVERITIES.forEach((severity, i) => {
    const x = doc.page.margins.left + i * (width + gap);
    const count = data.summary.by_severity[severity] ?? 0;
    const color = SEVERITY_COLOR[severity] ?? COLOR.text;
    doc.roundedRect(x, y, width, height, 4).lineWidth(1).strokeColor(color).stroke();
    doc
      .font(FONT.bold)
      .fontSize(16)
      .fillColor(count > 0 ? color : COLOR.muted)
      .text(n(count), x, y + 8, { width, align: 'center', lineBreak: false });
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(COLOR.muted)
      .text(severity.toUpperCase(), x, y + 30, { width, align: 'center', lineBreak: false });
  });
  doc.x = doc.page.margins.left;
  doc.y = y + height + 4;
}

function countTable(
  doc: Doc,
  label: string,
  counts: Record<string, number>,
  total: number,
  name?: (id: string) => string,
): void {
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const wide = contentWidth(doc) - 160;
  const columns: Column<[string, number]>[] = name
    ? [
        { title: label, width: wide / 2, cell: ([id]) => id },
        { title: 'Name', width: wide / 2, cell: ([id]) => name(id) },
      ]
    : [{ title: label, width: wide, cell: ([id]) => id }];
  columns.push(
    { title: 'Findings', width: 80, align: 'right', cell: ([, c]) => n(c) },
    { title: 'Share', width: 80, align: 'right', cell: ([, c]) => share(c, total) },
  );
  table(doc, columns, rows);
}

function summaryTables(doc: Doc, data: JobReportData): void {
  doc.moveDown(0.6);
  doc.font(FONT.bold).fontSize(10).fillColor(COLOR.text).text('By category');
  doc.moveDown(0.2);
  countTable(doc, 'Category', data.summary.by_category, data.total);
  doc.moveDown(0.8);
  ensureSpace(doc, 50);
  doc.font(FONT.bold).fontSize(10).fillColor(COLOR.text).text('By detector', doc.page.margins.left);
  doc.moveDown(0.2);
  countTable(doc, 'Detector', data.summary.by_detector, data.total, (id) => detectorById(id)?.name ?? '');
}

function topObjects(doc: Doc, data: JobReportData): void {
  heading(doc, 'Objects with the most findings', (data.topObjects.length + 1) * 13 + 4);
  if (data.topObjects.length === 0) {
    doc.font(FONT.regular).fontSize(9).fillColor(COLOR.muted).text('No findings.');
    return;
  }
  const rank = new Map(data.topObjects.map((o, i) => [o, i + 1]));
  table<TopObject>(
    doc,
    [
      { title: '#', width: 25, align: 'right', cell: (o) => String(rank.get(o)) },
      { title: 'Object', width: contentWidth(doc) - 185, cell: (o) => objectName(o.bucket, o.key) },
      { title: 'Findings', width: 80, align: 'right', cell: (o) => n(o.findings) },
      { title: 'Most severe', width: 80, cell: (o) => o.worst, color: (o) => SEVERITY_COLOR[o.worst] },
    ],
    data.topObjects,
  );
}

function aggregatesTable(doc: Doc, data: JobReportData): void {
  if (data.aggregatesTotal === 0) return;
  heading(doc, 'Aggregated personal data');
  doc.font(FONT.regular).fontSize(8.5).fillColor(COLOR.muted);
  doc.text(
    `${n(data.aggregated)} match(es) of personal data past the first ${n(data.job.aggregateThreshold ?? 0)} per object, detector and field are counted exactly here rather than listed. Credentials are always listed.`,
  );
  if (data.aggregates.length < data.aggregatesTotal) {
    doc
      .fillColor(COLOR.accent)
      .text(
        `Showing the ${n(data.aggregates.length)} largest of ${n(data.aggregatesTotal)} aggregates; all are in:`,
      )
      .font(FONT.mono)
      .text(`GET /results/aggregates?job_id=${data.job.id}`)
      .font(FONT.regular);
  }
  doc.moveDown(0.4);
  table<AggregateView>(
    doc,
    [
      { title: 'Severity', width: 42, cell: (a) => a.severity, color: (a) => SEVERITY_COLOR[a.severity] },
      { title: 'Detector', width: 88, cell: (a) => a.detector },
      {
        title: 'Object',
        width: 150,
        cut: 'middle',
        cell: (a) => objectName(a.object.bucket, a.object.key) + (a.archive_path ? `!${a.archive_path}` : ''),
      },
      { title: 'Field', width: 110, cut: 'middle', cell: (a) => a.field ?? '(whole object)' },
      { title: 'Count', width: 60, align: 'right', cell: (a) => n(a.count) },
      { title: 'First sample', width: 65, cell: (a) => sampleText(a) },
    ],
    data.aggregates,
    { fontSize: 7, rowHeight: 11 },
  );
}

function sampleText(a: AggregateView): string {
  const l = a.samples[0];
  if (!l) return '';
  return l.row !== undefined ? `row ${l.row}` : `line ${l.line}`;
}

function findingsTable(doc: Doc, data: JobReportData): void {
  heading(doc, 'Findings');
  const listed = data.total - data.aggregated;
  const cut = data.rows.length < listed;
  doc.font(FONT.regular).fontSize(8.5);
  if (cut) {
    doc
      .fillColor(COLOR.accent)
      .text(
        `Showing the first ${n(data.rows.length)} of ${n(listed)} listed findings, most severe first. Every finding is in the export:`,
      )
      .font(FONT.mono)
      .text(`GET /jobs/${data.job.id}/export?format=csv (or sarif, json, jsonl)`)
      .font(FONT.regular);
  } else {
    doc.fillColor(COLOR.muted).text(`${n(listed)} listed finding(s), most severe first.`);
  }
  doc
    .fillColor(COLOR.muted)
    .text(
      'Values are masked; the fingerprint (keyed HMAC-SHA-256, first 12 hex digits) groups equal values.',
    );
  doc.moveDown(0.4);
  if (data.rows.length === 0) return;
  table<FindingView>(
    doc,
    [
      { title: 'Severity', width: 42, cell: (f) => f.severity, color: (f) => SEVERITY_COLOR[f.severity] },
      { title: 'Detector', width: 88, cell: (f) => f.detector },
      {
        title: 'Object',
        width: 105,
        cut: 'middle',
        cell: (f) =>
          objectName(f.object.bucket, f.object.key) +
          (f.location.archive_path ? `!${f.location.archive_path}` : ''),
      },
      { title: 'Location', width: 90, cell: locationText },
      { title: 'Value (masked)', width: 132, font: 'mono', cut: 'middle', cell: (f) => f.redacted },
      { title: 'Fingerprint', width: 58, font: 'mono', cell: (f) => f.fingerprint.slice(0, 12) },
    ],
    data.rows,
    { fontSize: 7, rowHeight: 11 },
  );
}

/**
 * Renders the PDF report of a job: title and facts, counts by severity, category and detector, the
 * objects with the most findings, and the masked findings table (capped; the export has the rest).
 * Uses only pdfkit's built-in fonts, so it needs no font files or network.
 */
export async function renderJobReport(data: JobReportData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    bufferPages: true,
    info: {
      Title: `Data Scanner report, job ${data.job.id}`,
      Author: 'Data Scanner',
      Subject: printable(data.job.source),
      CreationDate: data.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  title(doc, data);
  severityTiles(doc, data);
  summaryTables(doc, data);
  topObjects(doc, data);
  aggregatesTable(doc, data);
  findingsTable(doc, data);
  footers(doc, `Data Scanner report - job ${data.job.id}`);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
