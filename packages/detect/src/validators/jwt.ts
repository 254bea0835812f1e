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

/** True when a JWT's header decodes to a JSON object with a string `alg` and its payload to JSON. */
export function jwtValid(token: string): boolean {
  const [header, payload] = token.split('.');
  if (header === undefined || payload === undefined) return false;
  const h = decodeJsonObject(header);
  if (!h || typeof h.alg !== 'string') return false;
  return decodeJsonObject(payload) !== undefined;
}
