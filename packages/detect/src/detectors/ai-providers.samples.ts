import { ALNUM, BASE64URL, chars, HEX, LOWER, plant, UPPER } from '../../eval/random.ts';
import { carried, ref, secretChars } from './sample-kit.ts';
import type { FamilySamples } from './samples.ts';

const LETTERS = UPPER + LOWER;

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
  'openai-admin-key': {
    truePositives: carried((r) => `sk-admin-${secretChars(r, BASE64URL, 120)}`, 'openai_admin_key', [
      (v) => `export OPENAI_ADMIN_KEY=${v}`,
      (v) => `curl https://api.openai.com/v1/organization/users -H "Authorization: Bearer ${v}"`,
    ]),
    nearMisses: [
      'OPENAI_ADMIN_KEY=sk-admin-...',
      'sk-admin-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
  'anthropic-admin-key': {
    truePositives: carried(
      (r) => `sk-ant-admin01-${secretChars(r, BASE64URL, 93)}AA`,
      'anthropic_admin_key',
      [
        (v) => `export ANTHROPIC_ADMIN_KEY=${v}`,
        (v) => `curl https://api.anthropic.com/v1/organizations/users --header "x-api-key: ${v}"`,
      ],
    ),
    nearMisses: [
      'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-...',
      (r) => `sk-ant-admin01-${secretChars(r, BASE64URL, 30)}`,
    ],
  },
  'huggingface-token': {
    truePositives: carried((r) => `hf_${secretChars(r, LETTERS, 34)}`, 'hf_token', [
      (v) => `export HF_TOKEN=${v}`,
      (v) => `login(token="${v}")`,
    ]),
    nearMisses: [
      'HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'model.hf_config_from_pretrained_weights_dir = 1',
      (r) => `hf_${secretChars(r, LETTERS, 20)}`,
    ],
  },
  'huggingface-org-token': {
    truePositives: carried((r) => `api_org_${secretChars(r, LETTERS, 34)}`, 'hf_org_token', [
      (v) => `HUGGINGFACE_ORG_TOKEN=${v}`,
      (v) => `headers = {"authorization": "Bearer ${v}"}`,
    ]),
    nearMisses: ['api_org_id = 42', 'def api_org_membership_list_for_user_in_team(): pass'],
  },
  'groq-api-key': {
    truePositives: carried((r) => `gsk_${secretChars(r, ALNUM, 52)}`, 'groq_api_key', [
      (v) => `export GROQ_API_KEY=${v}`,
      (v) => `client = Groq(api_key="${v}")`,
    ]),
    nearMisses: ['GROQ_API_KEY=gsk_...', (r) => `gsk_${secretChars(r, ALNUM, 30)}`],
  },
  'replicate-api-token': {
    truePositives: carried((r) => `r8_${secretChars(r, ALNUM, 37)}`, 'replicate_api_token', [
      (v) => `export REPLICATE_API_TOKEN=${v}`,
      (v) => `replicate:\n  token: ${v}`,
    ]),
    nearMisses: [
      'REPLICATE_API_TOKEN=r8_****',
      'r8_rev2_register_map',
      (r) => `r8_${secretChars(r, ALNUM, 20)}`,
    ],
  },
  'perplexity-api-key': {
    truePositives: carried((r) => `pplx-${secretChars(r, ALNUM, 48)}`, 'perplexity_api_key', [
      (v) => `export PERPLEXITY_API_KEY=${v}`,
      (v) => `{"perplexity": "${v}"}`,
    ]),
    nearMisses: [
      'PERPLEXITY_API_KEY=pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'model: pplx-70b-online',
    ],
  },
  'xai-api-key': {
    truePositives: carried((r) => `xai-${secretChars(r, ALNUM, 80)}`, 'xai_api_key', [
      (v) => `export XAI_API_KEY=${v}`,
      (v) => `grok:\n  key: "${v}"`,
    ]),
    nearMisses: ['XAI_API_KEY=xai-...', 'import xai-sdk-python', (r) => `xai-${secretChars(r, ALNUM, 40)}`],
  },
  'openrouter-api-key': {
    truePositives: carried((r) => `sk-or-v1-${secretChars(r, HEX, 64)}`, 'openrouter_api_key', [
      (v) => `export OPENROUTER_API_KEY=${v}`,
      (v) => `"Authorization": "Bearer ${v}"`,
    ]),
    nearMisses: ['OPENROUTER_API_KEY=sk-or-v1-...', `sk-or-v1-${'0'.repeat(64)}`],
  },
  'langsmith-api-key': {
    truePositives: carried(
      (r) =>
        `lsv2_${['pt', 'sk'][Math.floor(r() * 2)]}_${secretChars(r, HEX, 32)}_${secretChars(r, HEX, 10)}`,
      'langsmith_api_key',
      [(v) => `export LANGSMITH_API_KEY=${v}`, (v) => `LANGCHAIN_API_KEY: "${v}"`],
    ),
    nearMisses: ['see lsv2_pt_ keys in the LangSmith settings', (r) => `lsv2_pt_${secretChars(r, HEX, 32)}`],
  },
  'cohere-api-key': {
    truePositives: carried((r) => secretChars(r, ALNUM, 40), 'cohere_api_key', [
      (v) => `export COHERE_API_KEY=${v}`,
      (v) => `cohere:\n  cohere_api_key: "${v}"`,
      (v) => `CO_API_KEY=${v}`,
    ]),
    nearMisses: [
      'COHERE_API_KEY=<your-cohere-api-key>',
      'cohere_model = command-r-plus-08-2024-preview',
      `COHERE_API_KEY=${ref('COHERE_API_KEY')}`,
    ],
  },
  'mistral-api-key': {
    truePositives: carried((r) => secretChars(r, ALNUM, 32), 'mistral_api_key', [
      (v) => `export MISTRAL_API_KEY=${v}`,
      (v) => `mistral_api_key: "${v}"`,
    ]),
    nearMisses: [
      'MISTRAL_MODEL=mistral-large-latest',
      'MISTRAL_API_KEY=your_mistral_api_key_here',
      `mistral_api_key: ${ref('MISTRAL_API_KEY')}`,
    ],
  },
};
