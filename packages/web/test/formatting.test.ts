import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/api-error.ts';
import { formatLocation } from '../src/job/format-location.ts';
import { formatAge, formatBytes, formatInZone } from '../src/ui/format.ts';

describe('formatLocation', () => {
  const base = { byte_start: 0, byte_end: 4, line: 3, column: 9 };
  it('uses line and column for text', () => expect(formatLocation(base)).toBe('line 3, column 9'));
  it('uses the JSON path and record for JSON', () =>
    expect(formatLocation({ ...base, json_path: '$.a[1].b', record_index: 7 })).toBe('record 7, $.a[1].b'));
  it('uses the cell for CSV, by name or 1-based index', () => {
    expect(formatLocation({ ...base, row: 2, column_index: 0, column_name: 'email' })).toBe(
      'row 2, column email',
    );
    expect(formatLocation({ ...base, row: 2, column_index: 0 })).toBe('row 2, column #1');
  });
  it('names the place in a document or data file', () => {
    expect(formatLocation({ ...base, sheet: 'Customers', cell: 'B7', column_name: 'email' })).toBe(
      'Customers!B7 (email)',
    );
    expect(formatLocation({ ...base, slide: 2, part: 'Title 1' })).toBe('slide 2 · Title 1');
    expect(
      formatLocation({ ...base, row_group: 1, record_index: 18442, column_name: 'customer.email' }),
    ).toBe('record 18,442 · customer.email');
    expect(formatLocation({ ...base, part: 'document', paragraph: 4 })).toBe('document ¶4');
    expect(formatLocation({ ...base, message_index: 2, part: 'header:Subject' })).toBe(
      'message 3 · header:Subject',
    );
  });
  it('names the archive member and page', () =>
    expect(formatLocation({ ...base, archive_path: 'a.zip!b.txt', page: 2 })).toBe(
      'in a.zip!b.txt · page 2 · line 3, column 9',
    ));
});

describe('ApiError.fromBody', () => {
  it("reads the contract's error body and maps body.* paths to fields", () => {
    const err = ApiError.fromBody(422, {
      error: {
        code: 'validation_failed',
        message: 'Request body is invalid',
        details: [
          { path: 'body.source', message: 'unsupported scheme' },
          { path: 'body.detectors.2', message: 'kebab-case' },
        ],
      },
    });
    expect(err.code).toBe('validation_failed');
    expect(err.forField('source')).toEqual(['unsupported scheme']);
    expect(err.forField('detectors')).toEqual(['kebab-case']);
    expect(err.forField('name')).toEqual([]);
  });
  it('puts a refused source without details on the source field', () => {
    const body = {
      error: { code: 'source_not_allowed', message: 'Path is outside the allowed local roots', details: [] },
    };
    const err = ApiError.fromBody(422, body);
    expect(err.forField('source')).toEqual(['Path is outside the allowed local roots']);
    expect(err.forField('name')).toEqual([]);
  });
  it("still gives a readable message for a body of another shape (a proxy's page)", () => {
    const err = ApiError.fromBody(502, '<html>bad gateway</html>');
    expect(err.message).toBe('The server failed (HTTP 502).');
  });
});

describe('formatters', () => {
  it('formats bytes and ages', () => {
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatAge(new Date(Date.now() - 3 * 3600_000).toISOString())).toBe('3 h ago');
  });
});

describe('formatInZone', () => {
  it("says the wall-clock time in the schedule's time zone and names the zone", () => {
    expect(formatInZone('2026-12-08T02:00:00.000Z', 'Europe/Paris')).toBe(
      'Tue, Dec 8, 2026, 03:00 (Europe/Paris)',
    );
    expect(formatInZone('2026-12-07T21:30:00.000Z', 'Asia/Tokyo')).toBe(
      'Tue, Dec 8, 2026, 06:30 (Asia/Tokyo)',
    );
  });
  it('falls back to UTC, named, for a zone this browser does not know', () =>
    expect(formatInZone('2026-12-08T02:00:00.000Z', 'Mars/Olympus')).toBe('Tue, Dec 8, 2026, 02:00 (UTC)'));
});
