import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { ciAny, QUOTES, re, rep } from './pattern-kit.ts';

const KEY = `(${rep('[A-Za-z0-9+/]', 86)}==)`;

function keyLooksReal(value: string): boolean {
  return looksRandom(value.slice(0, -2), { minEntropy: 4.5, minClasses: 3 });
}

/** Azure Storage connection string (`AccountName=...;AccountKey=...`); the value is the key. */
export const azureStorageConnectionString: Detector = {
  id: 'azure-storage-connection-string',
  name: 'Azure Storage connection string',
  category: 'credentials',
  severity: 'critical',
  keywords: ['accountkey='],
  pattern: re(`AccountName=${rep('[a-z0-9]', 3, 24)};AccountKey=${KEY}`),
  valueGroup: 1,
  validate: keyLooksReal,
  contextWords: ['defaultendpointsprotocol', 'azure', 'endpointsuffix', 'blob.core.windows.net'],
  baseConfidence: 0.95,
  validator: 'entropy',
  example: '`AccountName=` + 3-24 of a-z0-9 + `;AccountKey=` + 86 base64 + `==`',
  mask: { keepStart: 4, keepEnd: 4 },
};

const KEY_NAMES = [
  'azure_storage_key',
  'azure_storage_account_key',
  'azure_storage_access_key',
  'storage_account_key',
  'storageaccountkey',
  'azurestoragekey',
  'storagekey',
  'storage_key',
] as const;

/** Azure Storage account key (88 base64 characters) assigned to a storage-key name. */
export const azureStorageKey: Detector = {
  id: 'azure-storage-key',
  name: 'Azure Storage account key',
  category: 'credentials',
  severity: 'critical',
  keywords: ['storage_key', 'storagekey', 'storage_account_key', 'storageaccountkey', 'storage_access_key'],
  pattern: re(`${ciAny(KEY_NAMES)}${QUOTES}[ \\t]{0,4}(?:[:=]|=>)[ \\t]{0,4}${QUOTES}${KEY}`),
  valueGroup: 1,
  validate: keyLooksReal,
  contextWords: ['azure', 'storage', 'blob'],
  baseConfidence: 0.9,
  validator: 'entropy',
  example: '86 base64 + `==` assigned to `AZURE_STORAGE_KEY` or another storage-key name',
  mask: { keepStart: 4, keepEnd: 4 },
};

export const azureDetectors: readonly Detector[] = [azureStorageConnectionString, azureStorageKey];
