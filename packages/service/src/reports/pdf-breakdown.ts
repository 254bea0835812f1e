import { detectorById } from '@data-scanner/detect';
import type { JobReportData, TopObject } from './job-report-data.ts';
import {
  type Column,
  contentWidth,
  type Doc,
  heading,
  n,
  objectName,
  SEVERITY_COLOR,
  type Struct,
  table,
} from './pdf-layout.ts';

const share = (count: number, total: number) =>
  total === 0 ? '-' : `${((100 * count) / total).toFixed(1)}%`;

function countTable(
  doc: Doc,
  parent: Struct,
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
  table(doc, parent, columns, rows);
}

/** The report's last section: findings by category and detector, and the objects with the most. */
export function breakdown(doc: Doc, parent: Struct, data: JobReportData): void {
  if (data.total === 0) return;
  heading(doc, parent, 'Breakdown');
  heading(doc, parent, 'By category', 60, 'H3');
  countTable(doc, parent, 'Category', data.summary.by_category, data.total);
  heading(doc, parent, 'By detector', 60, 'H3');
  countTable(
    doc,
    parent,
    'Detector',
    data.summary.by_detector,
    data.total,
    (id) => detectorById(id)?.name ?? '',
  );
  heading(doc, parent, 'Objects with the most findings', (data.topObjects.length + 1) * 13 + 4, 'H3');
  const rank = new Map(data.topObjects.map((o, i) => [o, i + 1]));
  table<TopObject>(
    doc,
    parent,
    [
      { title: '#', width: 25, align: 'right', cell: (o) => String(rank.get(o)) },
      {
        title: 'Object',
        width: contentWidth(doc) - 185,
        wrap: true,
        cell: (o) => objectName(o.bucket, o.key),
      },
      { title: 'Findings', width: 80, align: 'right', cell: (o) => n(o.findings) },
      { title: 'Most severe', width: 80, cell: (o) => o.worst, color: (o) => SEVERITY_COLOR[o.worst] },
    ],
    data.topObjects,
  );
}
