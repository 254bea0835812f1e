import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { ciAny, optionalTimes, QUOTES, re, rep } from './pattern-kit.ts';
import { assignedSecret, shapedToken } from './token-kit.ts';

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

/** Microsoft Entra ID (Azure AD) application client secret (`xxx8Q~` + 31 to 34 characters). */
export const azureAdClientSecret: Detector = {
  id: 'azure-ad-client-secret',
  name: 'Azure AD (Entra ID) client secret',
  category: 'credentials',
  severity: 'critical',
  keywords: ['q~'],
  pattern: re(
    `(?:^|[^A-Za-z0-9_~.-])([A-Za-z0-9_~.]{3}[0-9]Q~${rep('[A-Za-z0-9_~.-]', 31, 34)})(?:[^A-Za-z0-9_~.-]|$)`,
  ),
  valueGroup: 1,
  validate: (value) => looksRandom(value.slice(6), { minEntropy: 4, minClasses: 3 }),
  contextWords: ['azure', 'client_secret', 'clientsecret', 'tenant', 'entra'],
  baseConfidence: 0.9,
  mask: { keepStart: 6, keepEnd: 2 },
  validator: 'entropy',
  example: '3 of A-Za-z0-9_~. + a digit + `Q~` + 31-34 of A-Za-z0-9_~.-',
  description: 'The secret of an Entra ID application: signs in as the app with its permissions.',
};

/** The `sig` of a signature that decodes to an HMAC-SHA256 (32 bytes), URL-encoded or not. */
function sasSignatureValid(sig: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(sig);
  } catch {
    return false;
  }
  if (!/^[A-Za-z0-9+/]{43}=$/.test(decoded)) return false;
  return Buffer.from(decoded, 'base64').length === 32 && looksRandom(decoded, { minEntropy: 4 });
}

/**
 * Azure Storage shared access signature (SAS) token: the query from its service version to its
 * signature (`sv=2022-11-02&...&sig=...`), in a URL or a connection string.
 */
export const azureSasToken: Detector = {
  id: 'azure-sas-token',
  name: 'Azure shared access signature',
  category: 'credentials',
  severity: 'high',
  keywords: ['sv=20'],
  pattern: re(
    `(sv=20[0-9]{2}-[0-9]{2}-[0-9]{2}${optionalTimes(`&(?:amp;)?[a-z]{2,5}=${rep('[^&\\s"\'<>]', 0, 64)}`, 10)}&(?:amp;)?sig=${rep('[A-Za-z0-9%+/=]', 43, 90)})(?:[^A-Za-z0-9%+/=]|$)`,
  ),
  valueGroup: 1,
  validate: (value) => sasSignatureValid(value.slice(value.lastIndexOf('sig=') + 4)),
  contextWords: ['sharedaccesssignature', 'blob.core.windows.net', 'sas', 'se=', 'sp='],
  baseConfidence: 0.9,
  mask: { keepStart: 13, keepEnd: 2 },
  validator: 'the signature decodes to a 32-byte HMAC-SHA256, entropy',
  example: '`sv=<yyyy-mm-dd>&...&sig=` + 43 base64 + `=` (URL-encoded)',
  description: 'An Azure SAS signature: the access its query grants (read, write, list) until `se`.',
};

/** Azure DevOps personal access token in the current format (84 characters, `JQQJ` and `AZDO` marks). */
export const azureDevopsPat = shapedToken({
  id: 'azure-devops-pat',
  name: 'Azure DevOps personal access token',
  severity: 'critical',
  keywords: ['azdo'],
  token: `${rep('[A-Za-z0-9]', 52)}JQQJ${rep('[A-Za-z0-9]', 20)}AZDO${rep('[A-Za-z0-9]', 4)}`,
  tail: 'A-Za-z0-9',
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['azure', 'devops', 'dev.azure.com', 'pat'],
  baseConfidence: 0.95,
  validator: 'entropy',
  example: '52 base62 + `JQQJ` + 20 base62 + `AZDO` + 4 base62',
  description: 'An Azure DevOps PAT: repositories, pipelines and artifacts of its organization.',
});

const DEVOPS_NAMES = [
  'azure_devops',
  'azure-devops',
  'azuredevops',
  'devops_pat',
  'devops_token',
  'ado_pat',
  'ado_token',
  'vsts_',
] as const;

/** Azure DevOps personal access token in the legacy format: 52 base32 characters assigned to a DevOps name. */
export const azureDevopsLegacyPat = assignedSecret({
  id: 'azure-devops-legacy-pat',
  name: 'Azure DevOps personal access token (legacy)',
  severity: 'critical',
  keywords: [...DEVOPS_NAMES],
  names: DEVOPS_NAMES,
  value: '[a-z2-7]{52}',
  tail: 'A-Za-z0-9',
  quality: { minEntropy: 3.8, minClasses: 2 },
  contextWords: ['azure', 'devops', 'dev.azure.com', 'ado_pat', 'ado_token', 'vsts'],
  validator: 'entropy',
  example: '52 of a-z2-7 assigned to an Azure DevOps name (`AZURE_DEVOPS_EXT_PAT`)',
  description: 'A legacy Azure DevOps PAT (52 base32 characters).',
});

/** Service Bus, Event Hubs, IoT Hub and Relay connection strings: the `SharedAccessKey` value. */
export const azureSharedAccessKey: Detector = {
  id: 'azure-shared-access-key',
  name: 'Azure shared access key',
  category: 'credentials',
  severity: 'critical',
  keywords: ['sharedaccesskey'],
  pattern: re(
    `[sS]hared[aA]ccess[kK]ey${QUOTES}[ \\t]{0,4}[=:][ \\t]{0,4}${QUOTES}(${rep('[A-Za-z0-9+/]', 43)}=)(?:[^A-Za-z0-9+/=]|$)`,
  ),
  valueGroup: 1,
  validate: (value) => looksRandom(value.slice(0, -1), { minEntropy: 4, minClasses: 3 }),
  contextWords: ['servicebus.windows.net', 'endpoint=sb', 'sharedaccesskeyname', 'azure-devices.net'],
  baseConfidence: 0.9,
  mask: { keepStart: 4, keepEnd: 4 },
  validator: 'entropy',
  example: '`SharedAccessKey=` + 43 base64 + `=` in a Service Bus/Event Hubs/IoT Hub connection string',
  description: 'A shared access key of a Service Bus, Event Hubs, IoT Hub or Relay policy.',
};

/**
 * Azure Logic Apps / Power Automate HTTP trigger URL (`.../workflows/<id>/triggers/.../invoke?...&sig=`),
 * the form Teams Workflows webhooks take: anyone with the URL runs the workflow.
 */
export const azureLogicAppTriggerUrl: Detector = {
  id: 'azure-logic-app-trigger-url',
  name: 'Azure Logic Apps / Power Automate trigger URL',
  category: 'credentials',
  severity: 'medium',
  keywords: ['logic.azure.com', 'powerplatform.com'],
  pattern: re(
    `https://${rep('[a-z0-9.-]', 1, 80)}\\.(?:logic\\.azure\\.com|powerplatform\\.com)(?::443)?/${rep('[A-Za-z0-9/_-]', 0, 80)}workflows/${rep('[a-f0-9]', 32)}/triggers/${rep('[A-Za-z0-9_]', 1, 40)}/paths/invoke/?\\?${rep('[A-Za-z0-9%=&._-]', 0, 160)}sig=${rep('[A-Za-z0-9_-]', 43)}`,
  ),
  validate: (value) => looksRandom(value.slice(-43), { minEntropy: 4, minClasses: 3 }),
  contextWords: ['teams', 'webhook', 'workflow', 'power automate'],
  baseConfidence: 0.9,
  mask: { keepStart: 24, keepEnd: 4 },
  validator: 'entropy of the signature',
  example:
    '`https://<region>.logic.azure.com/workflows/<32 hex>/triggers/<name>/paths/invoke?...&sig=` + 43 base64url',
  description: 'A Logic Apps or Power Automate trigger URL with its signature (Teams workflow webhooks).',
};

export const azureDetectors: readonly Detector[] = [
  azureStorageConnectionString,
  azureStorageKey,
  azureAdClientSecret,
  azureSasToken,
  azureDevopsPat,
  azureDevopsLegacyPat,
  azureSharedAccessKey,
  azureLogicAppTriggerUrl,
];
