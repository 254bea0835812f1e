import { BASE64, chars, LOWER, plant } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

/** Azurite's (the Azure Storage emulator's) published development account key, from parts. */
const AZURITE_KEY = [
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsu',
  'Fq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
].join('');

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
};
