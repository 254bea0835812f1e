/**
 * A self-contained API reference page: it fetches `openapi.json` from the same origin and renders
 * each operation with its parameters, body and responses. No CDN, so it works offline.
 */
export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Data Scanner API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f8fa}
main{max-width:960px;margin:0 auto;padding:24px}
h1{margin:0 0 4px}.op{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:12px 0}
summary{cursor:pointer;padding:10px 14px;display:flex;gap:12px;align-items:center}
.m{font:600 12px monospace;padding:2px 8px;border-radius:4px;color:#fff;min-width:44px;text-align:center}
.get{background:#0969da}.post{background:#1a7f37}.delete{background:#cf222e}.put,.patch{background:#9a6700}
.path{font-family:monospace;font-weight:600}.body{padding:0 14px 12px}
table{border-collapse:collapse;width:100%;margin:6px 0}td,th{border-top:1px solid #eaeef2;padding:4px 6px;text-align:left;vertical-align:top}
pre{background:#f6f8fa;padding:8px;overflow:auto;border-radius:4px;font-size:12px}code{font-size:13px}
</style></head>
<body><main><h1 id="title">Data Scanner API</h1><p id="desc"></p>
<p>Machine-readable spec: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1)</p><div id="ops">Loading…</div></main>
<script>
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (ch) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[ch]));
fetch('openapi.json').then((r) => r.json()).then((spec) => {
  const resolve = (s) => (s && s.$ref ? spec.components.schemas[s.$ref.split('/').pop()] : s);
  const show = (s) => '<pre>' + esc(JSON.stringify(expand(s, 0), null, 2)) + '</pre>';
  const expand = (s, depth) => {
    s = resolve(s);
    if (!s || depth > 6 || typeof s !== 'object') return s;
    const out = Array.isArray(s) ? [] : {};
    for (const [k, v] of Object.entries(s)) out[k] = typeof v === 'object' ? expand(v, depth + 1) : v;
    return out;
  };
  document.getElementById('title').textContent = spec.info.title + ' ' + spec.info.version;
  document.getElementById('desc').textContent = spec.info.description || '';
  let html = '';
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      html += '<details class="op"><summary><span class="m ' + method + '">' + method.toUpperCase() + '</span>'
        + '<span class="path">' + esc(path) + '</span><span>' + esc(op.summary) + '</span></summary><div class="body">';
      if (op.security) html += '<p>Requires <code>Authorization: Bearer &lt;api key&gt;</code></p>';
      if (op.parameters && op.parameters.length) {
        html += '<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>';
        for (const p of op.parameters) html += '<tr><td><code>' + esc(p.name) + '</code></td><td>' + esc(p.in) + '</td><td>'
          + (p.required ? 'yes' : 'no') + '</td><td><code>' + esc(JSON.stringify(p.schema)) + '</code></td></tr>';
        html += '</table>';
      }
      const body = op.requestBody && op.requestBody.content['application/json'];
      if (body) html += '<h4>Request body (application/json)</h4>' + show(body.schema);
      html += '<h4>Responses</h4>';
      for (const [status, r] of Object.entries(op.responses || {})) {
        const c = r.content && r.content['application/json'];
        html += '<p><b>' + esc(status) + '</b> ' + esc(r.description) + '</p>' + (c ? show(c.schema) : '');
      }
      html += '</div></details>';
    }
  }
  document.getElementById('ops').innerHTML = html;
}).catch((e) => { document.getElementById('ops').textContent = 'Could not load openapi.json: ' + e; });
</script></body></html>`;
