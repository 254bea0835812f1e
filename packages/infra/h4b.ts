import { bundleLambdaHandlers } from './lib/constructs/lambda-bundle.ts';
const r = bundleLambdaHandlers('/tmp/h4-lb');
for (const [n, i] of Object.entries(r)) {
  const byPkg = new Map<string, number>();
  for (const [file, info] of Object.entries(i.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const k = m ? m[1] : file.split('/').slice(0, 4).join('/');
    byPkg.set(k, (byPkg.get(k) ?? 0) + info.bytesInOutput);
  }
  console.log(n, i.bytes, [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k}=${Math.round(v / 1024)}`).join(' '));
}
