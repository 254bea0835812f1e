import { ALNUM, BASE64, BASE64URL, chars, HEX, LOWER, plant } from '../../eval/random.ts';
import { carried, secretChars } from './sample-kit.ts';
import type { FamilySamples, Rng } from './samples.ts';

/** Azurite's (the Azure Storage emulator's) published development account key, from parts. */
const AZURITE_KEY = [
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsu',
  'Fq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
].join('');

/** A SAS `sig`: base64 of 32 random bytes, URL-encoded as Azure writes it. */
function sig(r: Rng): string {
  const bytes = Buffer.from(Array.from({ length: 32 }, () => Math.floor(r() * 256)));
  return encodeURIComponent(bytes.toString('base64'));
}

export const samples: FamilySamples = {
  'azure-storage-connection-string': {
    truePositives: [
      (r) => {
        const value = `${chars(r, BASE64, 86)}==`;
        return plant(
          'connection',
          () =>
            `DefaultEndpointsProtocol=https;AccountName=${chars(r, LOWER, 10)};AccountKey=${value};EndpointSuffix=core.windows.net`,
          value,
        );
      },
    ],
    nearMisses: [
      `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`,
      'DefaultEndpointsProtocol=https;AccountName=mystorage;AccountKey=<account-key>;EndpointSuffix=core.windows.net',
      (r) =>
        `DefaultEndpointsProtocol=https;AccountName=mystorage;AccountKey=${chars(r, BASE64, 85)}==;EndpointSuffix=core.windows.net`,
    ],
  },
  'azure-storage-key': {
    truePositives: [
      (r) => plant('azure_storage_key', (v) => `AZURE_STORAGE_KEY=${v}`, `${chars(r, BASE64, 86)}==`),
    ],
    nearMisses: [
      `AZURE_STORAGE_KEY=${AZURITE_KEY}`,
      (r) => `AZURE_STORAGE_KEY=${chars(r, BASE64, 87)}=`,
      `AZURE_STORAGE_KEY=${'A'.repeat(86)}==`,
      'AZURE_STORAGE_KEY=<your-storage-account-key>',
    ],
  },
  'azure-ad-client-secret': {
    truePositives: carried(
      (r) => `${secretChars(r, ALNUM, 3)}8Q~${secretChars(r, `${ALNUM}_~.-`, 34)}`,
      'client_secret',
      [
        (v) => `export AZURE_CLIENT_SECRET=${v}`,
        (v) => `"ClientSecret": "${v}",`,
        (v) =>
          `az login --service-principal -u 00000000-0000-0000-0000-000000000000 -p ${v} --tenant contoso.onmicrosoft.com`,
      ],
    ),
    nearMisses: [
      'cost ~ 8Q~ 12 items',
      'value: abc8Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      (r) => `ref ${secretChars(r, ALNUM, 3)}8Q~${secretChars(r, ALNUM, 12)}`,
    ],
  },
  'azure-sas-token': {
    truePositives: carried((r) => `sv=2022-11-02&sr=b&sig=${sig(r)}`, 'sas_token', [
      (v) =>
        `https://acmedata.blob.core.windows.net/backups/db.bak?sp=r&st=2024-01-01T00:00:00Z&se=2025-01-01T00:00:00Z&spr=https&${v}`,
      (v) => `GET /container/file.txt?sp=r&se=2024-05-02T10:00:00Z&${v} HTTP/1.1`,
    ]).concat(
      carried(
        (r) => `sv=2021-06-08&ss=bfqt&srt=sco&sp=rwdlacupx&se=2024-12-31T23:59:59Z&spr=https&sig=${sig(r)}`,
        'sas_token',
        [(v) => `BlobEndpoint=https://acme.blob.core.windows.net/;SharedAccessSignature=${v}`],
      ),
    ),
    nearMisses: [
      'https://acme.blob.core.windows.net/c?sv=2022-11-02&ss=b&sp=r&sig=<signature>',
      `?sv=2022-11-02&sr=b&sig=${'A'.repeat(43)}%3D`,
      'sv=2019-02-02 release notes',
    ],
  },
  'azure-devops-pat': {
    truePositives: carried(
      (r) => `${secretChars(r, ALNUM, 52)}JQQJ99${secretChars(r, ALNUM, 18)}AZDO${secretChars(r, ALNUM, 4)}`,
      'azure_devops_pat',
      [
        (v) => `export AZURE_DEVOPS_EXT_PAT=${v}`,
        (v) => `git clone https://pat:${v}@dev.azure.com/acme/app/_git/app`,
      ],
    ),
    nearMisses: [
      'AZDO pipeline AZDO-1234',
      (r) => `${secretChars(r, ALNUM, 40)}JQQJ99${secretChars(r, ALNUM, 18)}AZDO${secretChars(r, ALNUM, 4)}`,
    ],
  },
  'azure-devops-legacy-pat': {
    truePositives: carried((r) => secretChars(r, `${LOWER}234567`, 52), 'azure_devops_pat', [
      (v) => `export AZURE_DEVOPS_EXT_PAT=${v}`,
      (v) => `ado_pat: "${v}"`,
    ]),
    nearMisses: [
      'AZURE_DEVOPS_ORG=https://dev.azure.com/acme-engineering-platform-team',
      'AZURE_DEVOPS_EXT_PAT=$(System.AccessToken)',
    ],
  },
  'azure-shared-access-key': {
    truePositives: carried((r) => `${secretChars(r, BASE64, 43)}=`, 'SharedAccessKey', [
      (v) =>
        `Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${v}`,
      (v) =>
        `"IoTHub": "HostName=acme.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=${v}"`,
    ]),
    nearMisses: [
      'Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=<key>',
      'SharedAccessKeyName=RootManageSharedAccessKey',
    ],
  },
  'azure-logic-app-trigger-url': {
    truePositives: carried(
      (r) =>
        `https://prod-27.westeurope.logic.azure.com:443/workflows/${secretChars(r, HEX, 32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${secretChars(r, BASE64URL, 43)}`,
      'teams_webhook',
      [(v) => `TEAMS_WEBHOOK_URL=${v}`, (v) => `{"webhook": "${v}"}`],
    ),
    nearMisses: [
      'https://prod-27.westeurope.logic.azure.com:443/workflows/<id>/triggers/manual/paths/invoke?sig=<sig>',
      'see https://learn.microsoft.com/azure/logic-apps (logic.azure.com)',
    ],
  },
};
