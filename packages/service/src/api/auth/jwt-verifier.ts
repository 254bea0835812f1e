import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { JwtConfig } from '../api-env.ts';

/** What a verified JWT says: its tenant name and its subject (`sub`, when present). */
export interface JwtClaims {
  tenant: string;
  subject: string | undefined;
}

/** Verifies a bearer JWT and returns the tenant name and subject it carries, or throws. */
export type JwtVerifier = (token: string) => Promise<JwtClaims>;

/**
 * Builds a verifier from config: HS256 with a shared secret, or any JWKS-published key.
 * `issuer`/`audience` are checked when set; the tenant name comes from `tenantClaim`.
 */
export function createJwtVerifier(config: JwtConfig): JwtVerifier {
  const claim = config.tenantClaim ?? 'tenant';
  const options = {
    ...(config.issuer ? { issuer: config.issuer } : {}),
    ...(config.audience ? { audience: config.audience } : {}),
  };
  let key: Uint8Array | JWTVerifyGetKey;
  let algorithms: string[] | undefined;
  if (config.jwksUrl) {
    key = createRemoteJWKSet(new URL(config.jwksUrl));
  } else if (config.secret) {
    key = new TextEncoder().encode(config.secret);
    algorithms = ['HS256', 'HS384', 'HS512'];
  } else {
    throw new Error('JWT verification needs a secret or a JWKS URL');
  }
  return async (token) => {
    const { payload } =
      typeof key === 'function'
        ? await jwtVerify(token, key, options)
        : await jwtVerify(token, key, { ...options, algorithms });
    const tenant = payload[claim];
    if (typeof tenant !== 'string' || tenant.length === 0) throw new Error(`JWT has no "${claim}" claim`);
    return {
      tenant,
      subject: typeof payload.sub === 'string' && payload.sub !== '' ? payload.sub : undefined,
    };
  };
}
