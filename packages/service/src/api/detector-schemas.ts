import { CUSTOM_VALIDATOR_NAMES } from '@data-scanner/detect';
import { z } from '@hono/zod-openapi';
import { SEVERITIES } from '../severity.ts';
import { text } from './text-schema.ts';

const CATEGORIES = ['credentials', 'financial', 'personal', 'national-id', 'health', 'network'] as const;

/** `POST /detectors`: a custom detector; the shape is checked here, the pattern by `compileCustomDetector`. */
export const CustomDetectorRequestSchema = z
  .object({
    id: text()
      .min(1)
      .max(64)
      .openapi({ example: 'custom-acme-key', description: 'Kebab-case, starts with `custom-`' }),
    name: text().min(1).max(200).optional().openapi({ example: 'Acme API key' }),
    category: z.enum(CATEGORIES).optional().openapi({ description: '@default credentials' }),
    severity: z.enum(SEVERITIES).optional().openapi({ description: '@default high' }),
    pattern: text().min(1).max(1000).openapi({
      example: '\\b(acme_[A-Za-z0-9]{16}[A-Za-z0-9]{8})\\b',
      description:
        'Regular expression source, no flags. It runs on a linear-time engine: no backreferences, no lookaround, counted repetition at most 16, and no repeated group that repeats inside itself (refused as able to backtrack catastrophically).',
    }),
    valueGroup: z
      .number()
      .int()
      .min(0)
      .max(99)
      .optional()
      .openapi({ description: 'Capture group of the value; 0 the whole match' }),
    keywords: z
      .array(text().min(2).max(100))
      .min(1)
      .max(50)
      .openapi({
        example: ['acme_'],
        description: 'The pattern only runs near one of these (case-insensitive)',
      }),
    entropy: z
      .number()
      .min(0)
      .max(8)
      .optional()
      .openapi({ description: 'Minimum Shannon entropy of the value, bits per character' }),
    validator: text()
      .max(50)
      .optional()
      .openapi({ description: `A built-in check: ${CUSTOM_VALIDATOR_NAMES.join(', ')}` }),
    contextWords: z.array(text().min(1).max(100)).max(50).optional(),
    requireContext: z.boolean().optional(),
    confidence: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .openapi({ description: 'Confidence without context; @default 0.8' }),
    allowlist: z.array(text().min(1).max(1000)).max(50).optional().openapi({
      description: 'Regular expressions (same rules as `pattern`); a value matching one is not reported',
    }),
  })
  .strict()
  .openapi('CustomDetectorRequest');

export const DetectorIdParamSchema = z.object({
  detector_id: text()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'detector_id', in: 'path' }, example: 'custom-acme-key' }),
});
