import type { MiddlewareHandler } from 'hono';
import { apiKeyMatches, apiKeyPrefix } from '../../keys/api-key.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { HttpError } from '../http-error.ts';
import { limitCaller } from '../rate-limit.ts';
import { createJwtVerifier, type JwtClaims } from './jwt-verifier.ts';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Middleware requiring `Authorization: Bearer <api key | JWT>` and setting the caller's `principal`.
 * Every failure is the same 401 so a caller learns nothing about which keys or tenants exist.
 * A known caller then draws on its rate limit: per key prefix, or per tenant for a JWT (429).
 * Key lookups go through `deps.keyCache` when there is one (no database round trip per request).
 */
export function authenticate(deps: ApiDeps): MiddlewareHandler<ApiEnv> {
  const verifyJwt = deps.config.jwt ? createJwtVerifier(deps.config.jwt) : undefined;
  return async (c, next) => {
    const header = c.req.raw.headers.get('authorization') ?? '';
    const match = BEARER.exec(header);
    if (!match?.[1]) throw HttpError.unauthorized();
    const token = match[1];
    const prefix = apiKeyPrefix(token);
    if (prefix) {
      const candidates = await (deps.keyCache
        ? deps.keyCache.get(prefix)
        : deps.store.apiKeysByPrefix(prefix));
      const stored = candidates.find((candidate) => apiKeyMatches(token, candidate.hash));
      if (!stored) throw HttpError.unauthorized();
      c.set('principal', {
        tenantId: stored.tenantId,
        via: 'api-key',
        actor: stored.name === '' ? `key ${prefix}` : stored.name,
      });
      deps.keyUsage?.note(stored.id);
      await limitCaller(deps.rateLimit, `key:${prefix}`);
      return next();
    }
    if (verifyJwt && token.split('.').length === 3) {
      let claims: JwtClaims;
      try {
        claims = await verifyJwt(token);
      } catch (err) {
        c.get('logger').info({ reason: (err as Error).message }, 'jwt rejected');
        throw HttpError.unauthorized();
      }
      const tenantId = await deps.store.tenantByName(claims.tenant);
      if (!tenantId) throw HttpError.unauthorized();
      c.set('principal', { tenantId, via: 'jwt', actor: claims.subject ?? `jwt ${claims.tenant}` });
      await limitCaller(deps.rateLimit, `tenant:${tenantId}`);
      return next();
    }
    throw HttpError.unauthorized();
  };
}
