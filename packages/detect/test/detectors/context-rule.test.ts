import { describe, expect, it } from 'vitest';
import { createRng } from '../../eval/random.ts';
import { TRUE_VALUES } from '../../eval/values.ts';
import { detectors } from '../../src/detectors/index.ts';
import { findingFor, scan } from './helpers.ts';

/** Detectors with eval generators; those with family samples are held to them by the samples test. */
const standalone = detectors.filter(
  (d) => !d.requireContext && (d.contextWords ?? []).length > 0 && TRUE_VALUES[d.id] !== undefined,
);

/**
 * Lines without and with a context word for detectors whose value cannot stand alone (it needs
 * its key name, URL or armour around it); the others use `ref <value>` and `<word> <value>`.
 */
const CARRIERS: Record<string, (value: string) => [plain: string, withWord: string]> = {
  'aws-secret-access-key': (v) => [`secret_access_key = ${v}`, `aws secret_access_key = ${v}`],
  'gcp-service-account': (v) => [
    `{"private_key_id": "${v}"}`,
    `{"private_key_id": "${v}", "client_email": "x"}`,
  ],
  'azure-storage-connection-string': (v) => [
    `AccountName=demo;AccountKey=${v}`,
    `AccountName=demo;AccountKey=${v};EndpointSuffix=core.windows.net`,
  ],
  'url-credentials': (v) => [
    `postgres://app:${v}@db.internal.corp/app`,
    `dsn postgres://app:${v}@db.internal.corp/app`,
  ],
  'http-basic-auth': (v) => [`ref Basic ${v}`, `Authorization: Basic ${v}`],
  'generic-secret': (v) => [`passwd = "${v}"`, `credential passwd = "${v}"`],
  'private-key-putty': (v) => [`Private-Lines: 8\n${v}\n`, `ppk\nPrivate-Lines: 8\n${v}\n`],
};

/** Detectors whose every key name holds one of their context words: each finding is raised. */
const NAMED_BY_CONTEXT: Record<string, (value: string) => string> = {
  'azure-storage-key': (v) => `storage_key = ${v}`,
  'twilio-auth-token': (v) => `TWILIO_AUTH_TOKEN=${v}`,
};

function carrier(id: string, value: string, text: string, word: string): [string, string] {
  const custom = CARRIERS[id];
  if (custom) return custom(value);
  // Multi-line values (PEM armour and body) keep their planted text; the word goes before it.
  if (value.includes('\n')) return [text, `${word} ${text}`];
  return [`ref ${value}`, `${word} ${value}`];
}

describe('a context word next to a value raises its confidence', () => {
  it.each(standalone.filter((d) => !NAMED_BY_CONTEXT[d.id]).map((d) => [d.id, d] as const))(
    '%s',
    async (id, d) => {
      const generate = TRUE_VALUES[id];
      if (!generate) throw new Error(`no generator for ${id}`);
      const rng = createRng(31337);
      const word = d.contextWords?.[0] ?? '';
      let compared = 0;
      for (let i = 0; i < 12 && compared < 3; i++) {
        const { value, text } = generate(rng);
        const [plainText, wordText] = carrier(id, value, text, word);
        const plain = findingFor(await scan(`${plainText}\n`), id, value);
        if (!plain) continue;
        const withWord = findingFor(await scan(`${wordText}\n`), id, value);
        expect(withWord?.confidence, `${id} with "${word}"`).toBeGreaterThan(plain.confidence);
        compared++;
      }
      expect(compared, `${id}: no value was found without a context word`).toBeGreaterThan(0);
    },
  );

  it.each(Object.keys(NAMED_BY_CONTEXT))(
    '%s: its key names carry the context, so findings are raised',
    async (id) => {
      const d = detectors.find((x) => x.id === id)!;
      const { value } = TRUE_VALUES[id]!(createRng(31337));
      const finding = findingFor(await scan(`${NAMED_BY_CONTEXT[id]!(value)}\n`), id, value);
      expect(finding?.confidence).toBeCloseTo(Math.min(1, d.baseConfidence + 0.15), 2);
    },
  );
});
