/**
 * The methods registered for `path` other than `method` (for a 405 with `Allow`), from the
 * app's route table. Middleware entries (`ALL`) do not count.
 */
export function methodNotAllowed(
  routes: readonly { method: string; path: string }[],
  method: string,
  path: string,
): string[] {
  const allowed = new Set<string>();
  for (const route of routes) {
    if (route.method === 'ALL' || route.method === method) continue;
    if (patternFor(route.path).test(path)) allowed.add(route.method);
  }
  if (allowed.has('GET')) allowed.add('HEAD');
  return [...allowed].sort();
}

const cache = new Map<string, RegExp>();

function patternFor(routePath: string): RegExp {
  let re = cache.get(routePath);
  if (!re) {
    const body = routePath
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    re = new RegExp(`^${body}/?$`);
    cache.set(routePath, re);
  }
  return re;
}
