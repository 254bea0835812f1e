/** Where a position sits inside a structured format (CSV cell, JSON value). */
export interface FieldInfo {
  row?: number;
  column_index?: number;
  column_name?: string;
  json_path?: string;
  record_index?: number;
  page?: number;
  sheet?: string;
  cell?: string;
  slide?: number;
  part?: string;
  paragraph?: number;
  row_group?: number;
  message_index?: number;
  /** Column name or JSON key path, used for context scoring. */
  fieldName?: string;
}

/**
 * Follows a format's structure alongside the text engine. The engine feeds every character
 * exactly once, in order, through `advance`, and asks `snapshot` at each finding's start.
 */
export interface Locator {
  /**
   * Consumes `text[from, to)`. `textStart` is the absolute offset of `text[0]`: calls with the
   * same `textStart` pass the same text (one chunk), so positions found in it may be reused.
   */
  advance(text: string, from: number, to: number, textStart: number): void;
  /** The field at the current position. */
  snapshot(): FieldInfo;
}

/** A value named only by its field: `text[start, end)` of the chunk, its text (unescaped) and field name. */
export interface KeyedValue {
  start: number;
  end: number;
  value: string;
  name: string;
  /** Its location, for a format without a locator (a SQL dump: the column). */
  field?: FieldInfo;
}

/**
 * Finds the values of named fields whose names matter (a CSV cell under its header, a SQL
 * value under its column), for detectors that are `fieldKeyed`.
 */
export interface KeyedValueFinder {
  /**
   * Reads `text[from, to)` (every character once, in order; `text[0]` is at absolute offset
   * `textStart`) and pushes each value that ends in it or, for a value that starts before `to`,
   * further on in `text`, of a field `wanted` accepts. `final`: `text` ends the stream.
   */
  find(
    text: string,
    from: number,
    to: number,
    textStart: number,
    final: boolean,
    wanted: (name: string) => boolean,
    out: KeyedValue[],
  ): void;
}
