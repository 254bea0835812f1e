// Module loader hook for tests: appends every URL the ES module loader resolves to the file named
// by MODULE_LOG. Registered with `node --import <register-module-log.mjs>`.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.MODULE_LOG) appendFileSync(process.env.MODULE_LOG, `${result.url}\n`);
  return result;
}
