import { ALNUM, BASE64URL, chars, plant } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'openai-api-key': {
    truePositives: [
      (r) => plant('openai', (v) => `OPENAI_API_KEY=${v}`, `sk-proj-${chars(r, BASE64URL, 120)}`),
    ],
    nearMisses: [
      (r) => `OPENAI_API_KEY=sk-proj-${chars(r, BASE64URL, 39)}`,
      (r) => `OPENAI_API_KEY=sk-${chars(r, ALNUM, 48)}`,
      `OPENAI_API_KEY=sk-proj-${'x'.repeat(48)}`,
      'OPENAI_API_KEY=sk-proj-your-api-key-here-replace-me-with-the-real-one',
    ],
  },
  'anthropic-api-key': {
    truePositives: [
      (r) => plant('anthropic', (v) => `ANTHROPIC_API_KEY=${v}`, `sk-ant-api03-${chars(r, BASE64URL, 93)}AA`),
    ],
    nearMisses: [
      (r) => `ANTHROPIC_API_KEY=sk-ant-api03-${chars(r, BASE64URL, 79)}`,
      (r) => `ANTHROPIC_API_KEY=sk-ant-key03-${chars(r, BASE64URL, 95)}`,
      `ANTHROPIC_API_KEY=sk-ant-api03-${'x'.repeat(95)}`,
    ],
  },
};
