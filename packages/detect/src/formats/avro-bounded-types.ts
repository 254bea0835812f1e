/**
 * Array and map types that refuse a block count larger than the bytes left could hold. avsc
 * reads past the end of a buffer silently and checks afterwards, so a bit flip that turns a
 * count into billions would otherwise loop billions of times before the check.
 */

interface Tap {
  buf: Buffer;
  pos: number;
  readLong(): number;
  skipLong(): void;
  readString(): string;
  _invalidate(): void;
}

interface ReadType {
  _read(tap: Tap): unknown;
}

/** Items past the remaining bytes tolerated in one array block (items may encode in 0 bytes). */
const ZERO_SIZE_SLACK = 1024;

function blockSize(tap: Tap): number {
  let n = tap.readLong();
  if (n < 0) {
    n = -n;
    tap.skipLong();
  }
  return n;
}

/** A typeHook for `Type.forSchema` that builds bounded array and map types. */
export function boundedTypeHook(avro: {
  types: {
    ArrayType: new (schema: unknown, opts: unknown) => object;
    MapType: new (schema: unknown, opts: unknown) => object;
  };
}): (schema: unknown, opts: unknown) => object | undefined {
  class BoundedArray extends avro.types.ArrayType {
    _read(tap: Tap): unknown[] {
      const items = (this as unknown as { itemsType: ReadType }).itemsType;
      const out: unknown[] = [];
      for (let n = blockSize(tap); n; n = blockSize(tap)) {
        if (n > tap.buf.length - tap.pos + ZERO_SIZE_SLACK) {
          tap._invalidate();
          return out;
        }
        while (n--) out.push(items._read(tap));
      }
      return out;
    }
  }
  class BoundedMap extends avro.types.MapType {
    _read(tap: Tap): Record<string, unknown> {
      const values = (this as unknown as { valuesType: ReadType }).valuesType;
      const out: Record<string, unknown> = {};
      for (let n = blockSize(tap); n; n = blockSize(tap)) {
        // Every entry holds at least its key's length byte.
        if (n > tap.buf.length - tap.pos) {
          tap._invalidate();
          return out;
        }
        while (n--) {
          const key = tap.readString();
          out[key] = values._read(tap);
        }
      }
      return out;
    }
  }
  return (schema, opts) => {
    const type = (schema as { type?: unknown } | undefined)?.type;
    if (type === 'array') return new BoundedArray(schema, opts);
    if (type === 'map') return new BoundedMap(schema, opts);
    return undefined;
  };
}
