import {
  EXPOSURE_SORTS,
  EXPOSURE_STATES,
  type ExposureSort,
  type ExposureState,
  SEVERITIES,
  type Severity,
} from '../api/types.ts';

/** The filters and order of the findings inbox, as `GET /findings` takes them. */
export interface InboxFilters {
  state?: ExposureState;
  severity?: Severity;
  category?: string;
  detector?: string;
  source?: string;
  /** Object key prefix. */
  object?: string;
  /** ISO date-time. */
  firstSeenAfter?: string;
  job?: string;
  sort?: ExposureSort;
}

const TEXT_KEYS = ['category', 'detector', 'source', 'object', 'firstSeenAfter', 'job'] as const;

/**
 * Reads the filters from the query part of the inbox's hash route (`#/findings?severity=high`);
 * values the API would refuse (an unknown state, say) are dropped.
 */
export function parseInboxFilters(query: string): InboxFilters {
  const q = new URLSearchParams(query);
  const filters: InboxFilters = {};
  const state = q.get('state');
  if (state && (EXPOSURE_STATES as readonly string[]).includes(state)) filters.state = state as ExposureState;
  const severity = q.get('severity');
  if (severity && (SEVERITIES as readonly string[]).includes(severity))
    filters.severity = severity as Severity;
  const sort = q.get('sort');
  if (sort && (EXPOSURE_SORTS as readonly string[]).includes(sort)) filters.sort = sort as ExposureSort;
  for (const key of TEXT_KEYS) {
    const v = q.get(key)?.trim();
    if (v) filters[key] = v;
  }
  return filters;
}

/** The order of parameters in links, so equal filters make equal links. */
const KEY_ORDER = [
  'job',
  'state',
  'severity',
  'category',
  'detector',
  'source',
  'object',
  'firstSeenAfter',
  'sort',
] as const satisfies readonly (keyof InboxFilters)[];

/** The hash link of the inbox showing `filters`, e.g. `#/findings?job=…&severity=high`. */
export function inboxHref(filters: InboxFilters): string {
  const q = new URLSearchParams();
  for (const k of KEY_ORDER) {
    const v = filters[k];
    if (v) q.set(k, v);
  }
  const s = q.toString();
  return s ? `#/findings?${s}` : '#/findings';
}
