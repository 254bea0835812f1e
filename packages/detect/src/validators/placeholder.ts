/**
 * Documented example credentials that appear in vendor docs and tutorials, and defaults that
 * products ship to everyone (assembled from parts so secret scanners reading this file do not
 * flag it).
 */
const KNOWN_EXAMPLES = new Set(
  [
    ['AKIAIOSFODNN7', 'EXAMPLE'],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCY', 'EXAMPLEKEY'],
    ['je7MtGbClwBF/2Zp9Utk/h3yCo8nvb', 'EXAMPLEKEY'],
    ['AKIAI44QH8DHB', 'EXAMPLE'],
    ['y_NbAkKc66', 'ryYTWUXYEu'],
    // The Azure Storage emulator's (Azurite's) published account key, without its `==` padding.
    ['Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsu', 'Fq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw'],
    // Grafana's shipped default `secret_key` (defaults.ini, sample.ini).
    ['SW2YcwTIb9', 'zpOOhoPsMm'],
    // The Google Cloud SDK's own OAuth client secret, public in every gcloud install and in
    // every `application_default_credentials.json` it writes.
    ['d-FL95Q19q', '7MQmFpd7hHD0Ty'],
  ].map((parts) => parts.join('')),
);

const MARKERS = [
  'example',
  'xxxx',
  'changeme',
  'change_me',
  'change-me',
  'placeholder',
  'your_',
  'your-',
  'yourkey',
  'yourtoken',
  'yoursecret',
  'yourpassword',
  'redacted',
  'dummy',
  'sample',
  'replace_me',
  'replaceme',
  'insert_',
  'notasecret',
  'not-a-secret',
  'fake',
  '*****',
  '....',
];

const TEMPLATE =
  /^(?:<[^>]*>|\[[^\]]*\]|\{\{.*\}\}|\$\{.*\}|\$[A-Za-z_][A-Za-z0-9_]*|%\(.*\)s?|%[A-Za-z_]+%|__.*__)$/;

function longestRun(value: string): number {
  let best = 1;
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value[i] === value[i - 1] ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

function longestSequence(value: string): number {
  let best = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    best = Math.max(best, up, down);
  }
  return best;
}

/**
 * True when a candidate secret is obviously not real: a documented example key, a template
 * reference (`${VAR}`, `<your-key>`, `{{token}}`), a placeholder word (`changeme`, `xxxx`),
 * a long run of one character, a sequential run (`abcdef`, `123456`), or too few distinct
 * characters.
 */
export function isPlaceholder(value: string): boolean {
  if (KNOWN_EXAMPLES.has(value)) return true;
  const lower = value.toLowerCase();
  if (MARKERS.some((m) => lower.includes(m))) return true;
  if (TEMPLATE.test(value) || value.includes('${') || value.includes('{{')) return true;
  if (longestRun(lower) >= 6) return true;
  if (longestSequence(lower) >= 6) return true;
  const distinct = new Set(lower).size;
  return value.length >= 8 && distinct < Math.min(6, Math.ceil(value.length / 4));
}
