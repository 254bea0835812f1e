// Bundles the service's Lambda handlers with esbuild's async API (plugins need it), so that the
// synchronous `bundleLambdaHandlers` can run it as a child process:
//   node lambda-bundler.mjs <request.json>   prints one JSON line: { [name]: { file, bytes, inputs, external } }
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * zod 4 re-exports every message locale (about 250 KB) from its `z` and `core` namespaces; the API
 * uses only English, which zod imports on its own. This stands an empty module in for the list.
 */
const zodLocalesLeftOut = {
  name: 'zod-locales-left-out',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`)
        ? { path: 'zod-locales', namespace: 'zod-locales-left-out' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales-left-out' }, () => ({ contents: 'export {};' }));
  },
};

const request = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const infos = {};
for (const handler of request.handlers) {
  const result = await build({
    stdin: {
      contents: [
        `import { loadDatabaseUrl } from ${JSON.stringify(request.adapter)};`,
        'await loadDatabaseUrl();',
        `const mod = await import(${JSON.stringify(handler.entry)});`,
        'export const handler = mod.handler;',
      ].join('\n'),
      resolveDir: request.resolveDir,
      sourcefile: `${handler.name}-entry.ts`,
      loader: 'ts',
    },
    outfile: handler.outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    minify: true,
    legalComments: 'none',
    external: request.external,
    plugins: [zodLocalesLeftOut],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    metafile: true,
    logLevel: 'error',
  });
  const output = Object.values(result.metafile.outputs)[0];
  infos[handler.name] = {
    file: handler.outfile,
    bytes: output.bytes,
    inputs: output.inputs,
    external: output.imports.filter((i) => i.external).map((i) => i.path),
  };
}
process.stdout.write(`${JSON.stringify(infos)}\n`);
