/** Decodes a base64url segment to text, or undefined when it is not valid base64url. */
export function decodeBase64Url(segment: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(segment) || segment.length % 4 === 1) return undefined;
  return Buffer.from(segment, 'base64url').toString('utf8');
}

function decodeJsonObject(segment: string): Record<string, unknown> | undefined {
  const text = decodeBase64Url(segment);
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** True when a segment decodes to text that opens a JSON object (`{"`), whole or damaged. */
function opensJsonObject(segment: string): boolean {
  return /^\{\s*"/.test(decodeBase64Url(segment) ?? '');
}

/**
 * A Supabase anon key (`"role": "anon"`, issued by `supabase`): shipped to every browser, its
 * powers are the row-level security policies, like a publishable key's.
 */
function isPublicByDesign(claims: Record<string, unknown>): boolean {
  return claims.role === 'anon' && claims.iss === 'supabase';
}

/**
 * True when a JWT's header decodes to a JSON object with a string `alg` and its payload to JSON
 * (and is no key public by design);
 * or, for a token damaged in copying (a byte of the header mangled, as in tokens pasted into
 * docs and tests), when the header still opens a JSON object naming `"alg"` or `"typ"` and the
 * payload opens one too.
 */
export function jwtValid(token: string): boolean {
  const [header, payload] = token.split('.');
  if (header === undefined || payload === undefined) return false;
  const h = decodeJsonObject(header);
  if (h) {
    const claims = decodeJsonObject(payload);
    return typeof h.alg === 'string' && claims !== undefined && !isPublicByDesign(claims);
  }
  const text = Buffer.from(header, 'base64url').toString('latin1');
  return /^\{\s*"/.test(text) && /"(?:alg|typ)"/.test(text) && opensJsonObject(payload);
}
