import { detectorById } from '@data-scanner/detect';
// The light entry: the package root's catalogue is loaded for names only where it already is.
import { remediationFor } from '@data-scanner/detect/remediation';
import PDFDocument from 'pdfkit';
import { SEVERITIES } from '../severity.ts';
import type { JobReportData, ReportIssue } from './job-report-data.ts';
import { breakdown } from './pdf-breakdown.ts';
import {
  COLOR,
  contentWidth,
  type Doc,
  ensureSpace,
  FONT,
  facts,
  footers,
  heading,
  n,
  objectName,
  paragraph,
  printable,
  SEVERITY_COLOR,
  type Struct,
  table,
} from './pdf-layout.ts';
import { scanScope, scopeText } from './scan-scope.ts';

const when = (date: Date | null) => (date ? `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC` : '-');

/** Issues in the "top risks" table of the executive summary. */
const TOP_RISKS = 5;

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

function title(doc: Doc, parent: Struct, data: JobReportData): void {
  const { job } = data;
  parent.add(
    doc.struct('H1', {}, () => {
      doc.font(FONT.bold).fontSize(20).fillColor(COLOR.accent).text('Data Scanner scan report');
    }),
  );
  paragraph(doc, parent, job.name ?? job.source, { size: 11, color: COLOR.muted });
  doc.moveDown(0.4);
}

/** The exact match count, and what part of it is counted in aggregates under which threshold. */
function findingsFact(data: JobReportData): string {
  const threshold = data.job.aggregateThreshold;
  const rule =
    threshold === null ? '' : `; aggregate threshold ${n(threshold)} per object, detector and field`;
  if (data.aggregated === 0) return `${n(data.total)}${rule ? ` (none aggregated${rule})` : ''}`;
  return `${n(data.total)} (${n(data.total - data.aggregated)} listed, ${n(data.aggregated)} counted in ${n(data.issueCounts.aggregates)} aggregate(s)${rule})`;
}

function changesFact(data: JobReportData): string {
  const c = data.changes;
  if (!c) return 'not compared (no earlier complete scan of this source)';
  return `${n(c.new)} new, ${n(c.open)} still open, ${n(c.resolved)} resolved, ${n(c.reopened)} reopened, ${n(c.suppressed)} suppressed`;
}

function severityTiles(doc: Doc, parent: Struct, data: JobReportData): void {
  const gap = 8;
  const width = (contentWidth(doc) - gap * (SEVERITIES.length - 1)) / SEVERITIES.length;
  const height = 46;
  ensureSpace(doc, height + 8);
  const y = doc.y;
  const alt = `Findings by severity: ${SEVERITIES.map((s) => `${s} ${n(data.summary.by_severity[s] ?? 0)}`).join(', ')}`;
  parent.add(
    doc.struct('Figure', { alt }, () => {
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
    }),
  );
  doc.x = doc.page.margins.left;
  doc.y = y + height + 6;
}

const issueValue = (i: ReportIssue) =>
  i.kind === 'value' ? (i.redacted ?? '') : `aggregate: ${i.field ?? '(whole object)'}`;

function executiveSummary(doc: Doc, parent: Struct, data: JobReportData): void {
  heading(doc, parent, 'Executive summary');
  const c = data.issueCounts;
  facts(
    doc,
    parent,
    [
      ['Findings', findingsFact(data)],
      [
        'Issues',
        `${n(c.total)}: ${n(c.values)} distinct value(s) (detector and fingerprint), ${n(c.aggregates)} aggregated group(s) of personal data (object, detector and field)`,
      ],
      ['Changes since the previous scan', changesFact(data)],
    ],
    165,
  );
  doc.moveDown(0.4);
  severityTiles(doc, parent, data);
  heading(doc, parent, 'Issues by highest severity', 90, 'H3');
  table<(typeof SEVERITIES)[number]>(
    doc,
    parent,
    [
      { title: 'Severity', width: 120, cell: (s) => s, color: (s) => SEVERITY_COLOR[s] },
      { title: 'Issues', width: 120, align: 'right', cell: (s) => n(c.bySeverity[s]?.issues ?? 0) },
      { title: 'Occurrences', width: 120, align: 'right', cell: (s) => n(c.bySeverity[s]?.occurrences ?? 0) },
    ],
    SEVERITIES,
  );
  heading(doc, parent, 'Top risks', 80, 'H3');
  const top = data.issues.slice(0, TOP_RISKS);
  if (top.length === 0) {
    paragraph(doc, parent, 'No findings.', { color: COLOR.muted });
    return;
  }
  table<ReportIssue>(
    doc,
    parent,
    [
      { title: 'Severity', width: 50, cell: (i) => i.severity, color: (i) => SEVERITY_COLOR[i.severity] },
      { title: 'Detector', width: 120, cell: (i) => i.detector },
      { title: 'Value (masked) or field', width: 175, font: 'mono', cut: 'middle', cell: issueValue },
      { title: 'Occurrences', width: 85, align: 'right', cell: (i) => n(i.occurrences) },
      { title: 'Objects', width: contentWidth(doc) - 430, align: 'right', cell: (i) => n(i.objects) },
    ],
    top,
  );
}

function detectorsText(data: JobReportData): string {
  const { detectors, customDetectors } = data.job;
  const builtIn = detectors && detectors.length > 0 ? detectors.join(', ') : 'every built-in detector';
  const custom = customDetectors?.length ?? 0;
  return custom > 0 ? `${builtIn}; ${n(custom)} custom detector(s)` : builtIn;
}

function scope(doc: Doc, parent: Struct, data: JobReportData): void {
  const { job } = data;
  heading(doc, parent, 'Scope');
  const objects = [
    `${n(job.objectsTotal ?? job.objectsDone)} total`,
    `${n(job.objectsComplete)} complete`,
    `${n(job.objectsPartial)} partial`,
    `${n(job.objectsSkipped)} skipped`,
    `${n(job.objectsFailed)} failed`,
  ].join(', ');
  const rows: [string, string][] = [
    ['Job ID', job.id],
    ['Source', job.source],
    ['Status', job.statusReason ? `${job.status} (${job.statusReason})` : job.status],
    ['Created', when(job.createdAt)],
    ['Started', when(job.startedAt)],
    ['Finished', when(job.finishedAt)],
    ['Duration', duration(job.startedAt ?? job.createdAt, job.finishedAt)],
    ['Objects', objects],
    ['Bytes scanned', bytes(job.bytesScanned)],
    ['Detectors', detectorsText(data)],
  ];
  if (job.exclude.length > 0) rows.push(['Excluded', job.exclude.join(', ')]);
  const s = scanScope({
    incremental: job.incremental,
    sample: job.sample,
    progress: { objects_unchanged: job.objectsUnchanged, objects_sampled_out: job.objectsSampledOut },
  });
  if (s) rows.push(['Scope', scopeText(s)]);
  rows.push(['Report generated', when(data.generatedAt)]);
  facts(doc, parent, rows);
  heading(doc, parent, 'Objects not scanned to the end', 60, 'H3');
  if (data.notScanned.length === 0) {
    paragraph(doc, parent, 'None: every object was read to the end.', { color: COLOR.muted });
    return;
  }
  table(
    doc,
    parent,
    [
      { title: 'Status', width: 80, cell: (g) => g.status },
      { title: 'Reason', width: 200, cell: (g) => g.reason ?? '-' },
      { title: 'Objects', width: 80, align: 'right', cell: (g) => n(g.objects) },
    ],
    data.notScanned,
  );
  const count = data.notScanned.reduce((sum, g) => sum + g.objects, 0);
  if (data.notScannedObjects.length < count) {
    doc.moveDown(0.3);
    paragraph(
      doc,
      parent,
      `The first ${n(data.notScannedObjects.length)} of ${n(count)}; all are in GET /jobs/${job.id}/objects.`,
      { color: COLOR.accent },
    );
  }
  doc.moveDown(0.3);
  const wide = contentWidth(doc) - 160;
  table(
    doc,
    parent,
    [
      { title: 'Status', width: 50, cell: (o) => o.status },
      { title: 'Reason', width: 110, cell: (o) => o.reason ?? '-' },
      { title: 'Object', width: wide * 0.55, wrap: true, cell: (o) => objectName(o.bucket, o.key) },
      { title: 'Detail', width: wide * 0.45, wrap: true, cell: (o) => o.detail ?? '' },
    ],
    data.notScannedObjects,
    { fontSize: 7, rowHeight: 11 },
  );
}

function whereText(i: ReportIssue): string {
  const more = i.objects - i.sampleObjects.length;
  return [...i.sampleObjects, ...(more > 0 ? [`+${n(more)} more object(s)`] : [])].join('\n');
}

function issues(doc: Doc, parent: Struct, data: JobReportData): void {
  heading(doc, parent, 'Findings by issue');
  const total = data.issueCounts.total;
  paragraph(
    doc,
    parent,
    'An issue is one distinct value (detector and keyed fingerprint) wherever it occurs; personal data counted in aggregates is one issue per object, detector and field. Most severe first, then most occurrences. Values are masked.',
    { color: COLOR.muted },
  );
  if (data.issues.length < total) {
    paragraph(
      doc,
      parent,
      `Showing the first ${n(data.issues.length)} of ${n(total)} issues. Every finding is in the export: GET /jobs/${data.job.id}/export?format=csv (or sarif, json, jsonl)`,
      { color: COLOR.accent },
    );
  }
  doc.moveDown(0.4);
  if (data.issues.length === 0) {
    paragraph(doc, parent, 'No findings.', { color: COLOR.muted });
    return;
  }
  const rank = new Map(data.issues.map((issue, i) => [issue, i + 1]));
  table<ReportIssue>(
    doc,
    parent,
    [
      { title: '#', width: 24, align: 'right', cell: (i) => String(rank.get(i)) },
      { title: 'Severity', width: 40, cell: (i) => i.severity, color: (i) => SEVERITY_COLOR[i.severity] },
      { title: 'Detector', width: 86, cell: (i) => i.detector },
      { title: 'Value (masked) or field', width: 120, font: 'mono', cut: 'middle', cell: issueValue },
      { title: 'Occurrences', width: 50, align: 'right', cell: (i) => n(i.occurrences) },
      { title: 'Objects', width: 36, align: 'right', cell: (i) => n(i.objects) },
      { title: 'Where', width: contentWidth(doc) - 356, wrap: true, cell: whereText },
    ],
    data.issues,
    { fontSize: 7, rowHeight: 11 },
  );
}

function remediation(doc: Doc, parent: Struct, data: JobReportData): void {
  if (data.issues.length === 0) return;
  heading(doc, parent, 'What to do, by detector');
  const seen = new Map<string, string>();
  for (const i of data.issues) if (!seen.has(i.detector)) seen.set(i.detector, i.category);
  for (const [detector, category] of seen) {
    const name = detectorById(detector)?.name;
    heading(doc, parent, name ? `${detector}: ${name}` : detector, 30, 'H3');
    paragraph(doc, parent, remediationFor(detector, category));
  }
}

/** Adds a section (`Sect`) to the document's structure and draws it. */
function section(doc: Doc, root: Struct, draw: (sect: Struct) => void): void {
  const sect = doc.struct('Sect');
  root.add(sect);
  draw(sect);
  sect.end();
}

/**
 * Renders the PDF report of a job: the executive summary (counts of findings and issues, changes
 * since the previous scan, top risks), the scope (source, detectors, objects not scanned to the end
 * with their reasons), the findings grouped by issue with what to do per detector, and a breakdown
 * by category, detector and object. A tagged PDF (headings, paragraphs and tables in its structure
 * tree, decoration as artifacts) with its language and title. pdfkit's built-in fonts only, so it
 * needs no font files or network.
 */
export async function renderJobReport(data: JobReportData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en',
    displayTitle: true,
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
  const root = doc.struct('Document');
  doc.addStructure(root);
  title(doc, root, data);
  section(doc, root, (s) => executiveSummary(doc, s, data));
  section(doc, root, (s) => scope(doc, s, data));
  section(doc, root, (s) => {
    issues(doc, s, data);
    remediation(doc, s, data);
  });
  section(doc, root, (s) => breakdown(doc, s, data));
  root.end();
  footers(doc, `Data Scanner report - job ${data.job.id}`);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
