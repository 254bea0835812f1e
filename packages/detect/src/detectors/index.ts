import type { Detector } from '../types.ts';
import { abaRoutingDetectors } from './aba-routing.ts';
import { aiProviderDetectors } from './ai-providers.ts';
import { appPlatformDetectors } from './app-platforms.ts';
import { atlassianDetectors } from './atlassian.ts';
import { awsDetectors } from './aws.ts';
import { azureDetectors } from './azure.ts';
// Personal data: national, tax and health ids, documents, accounts, wallets, devices.
import { bankAccountDetectors } from './bank-accounts.ts';
import { canadaSinDetectors } from './canada-sin.ts';
import { chatServiceDetectors } from './chat-services.ts';
import { ciServiceDetectors } from './ci-services.ts';
import { clientConfigDetectors } from './client-configs.ts';
import { cloudProviderDetectors } from './cloud-providers.ts';
import { commandLineDetectors } from './command-lines.ts';
import { configFileDetectors } from './config-files.ts';
import { cryptoWalletDetectors } from './crypto-wallets.ts';
import { databaseDetectors } from './databases.ts';
import { dateOfBirthDetectors } from './date-of-birth.ts';
import { developerServiceDetectors } from './developer-services.ts';
import { deviceIdDetectors } from './device-ids.ts';
import { emailDetectors } from './email.ts';
import { emailSmsDetectors } from './email-sms.ts';
import { frameworkKeyDetectors } from './framework-keys.ts';
import { genericKeyDetectors } from './generic-keys.ts';
import { genericSecretDetectors } from './generic-secrets.ts';
import { githubDetectors } from './github.ts';
import { gitlabDetectors } from './gitlab.ts';
import { googleDetectors } from './google.ts';
import { healthIdDetectors } from './health-ids.ts';
import { httpAuthDetectors } from './http-auth.ts';
import { ibanDetectors } from './iban.ts';
import { indiaAadhaarDetectors } from './india-aadhaar.ts';
import { ipAddressDetectors } from './ip-address.ts';
import { jwtDetectors } from './jwt.ts';
import { kubernetesDetectors } from './kubernetes.ts';
import { nationalIdsEuropeDetectors } from './national-ids-europe.ts';
import { nationalIdsWorldDetectors } from './national-ids-world.ts';
import { netherlandsBsnDetectors } from './netherlands-bsn.ts';
import { networkDeviceDetectors } from './network-devices.ts';
import { npmDetectors } from './npm.ts';
import { observabilityDetectors } from './observability.ts';
import { packageRegistryDetectors } from './package-registries.ts';
import { passwordHashDetectors } from './password-hashes.ts';
import { paymentCardDetectors } from './payment-cards.ts';
import { paymentDetectors } from './payments.ts';
import { phoneDetectors } from './phone.ts';
import { privateKeyDetectors } from './private-keys.ts';
import { proseCredentialDetectors } from './prose-credentials.ts';
import { saasTokenDetectors } from './saas-tokens.ts';
import { secretsIdentityDetectors } from './secrets-identity.ts';
import { sendgridDetectors } from './sendgrid.ts';
import { slackDetectors } from './slack.ts';
import { spainDniDetectors } from './spain-dni.ts';
import { stripeDetectors } from './stripe.ts';
import { travelDocumentDetectors } from './travel-documents.ts';
import { twilioDetectors } from './twilio.ts';
import { ukNhsDetectors } from './uk-nhs.ts';
import { urlCredentialDetectors } from './url-credentials.ts';
import { usIdDetectors } from './us-ids.ts';
import { workToolDetectors } from './work-tools.ts';

/** The built-in detector catalogue, in a stable order (credentials first). */
export const detectors: readonly Detector[] = [
  ...awsDetectors,
  ...githubDetectors,
  ...gitlabDetectors,
  ...slackDetectors,
  ...stripeDetectors,
  ...googleDetectors,
  ...privateKeyDetectors,
  ...jwtDetectors,
  ...azureDetectors,
  ...aiProviderDetectors,
  ...npmDetectors,
  ...sendgridDetectors,
  ...twilioDetectors,
  ...paymentDetectors,
  ...observabilityDetectors,
  ...emailSmsDetectors,
  ...secretsIdentityDetectors,
  ...databaseDetectors,
  ...passwordHashDetectors,
  ...configFileDetectors,
  ...clientConfigDetectors,
  ...frameworkKeyDetectors,
  ...kubernetesDetectors,
  ...cloudProviderDetectors,
  ...appPlatformDetectors,
  ...atlassianDetectors,
  ...ciServiceDetectors,
  ...packageRegistryDetectors,
  ...chatServiceDetectors,
  ...workToolDetectors,
  ...developerServiceDetectors,
  ...saasTokenDetectors,
  ...urlCredentialDetectors,
  ...httpAuthDetectors,
  ...commandLineDetectors,
  ...networkDeviceDetectors,
  ...genericSecretDetectors,
  ...proseCredentialDetectors,
  ...genericKeyDetectors,
  ...paymentCardDetectors,
  ...ibanDetectors,
  ...usIdDetectors,
  ...abaRoutingDetectors,
  ...emailDetectors,
  ...phoneDetectors,
  ...ipAddressDetectors,
  ...dateOfBirthDetectors,
  ...ukNhsDetectors,
  ...canadaSinDetectors,
  ...netherlandsBsnDetectors,
  ...spainDniDetectors,
  ...indiaAadhaarDetectors,
  ...nationalIdsEuropeDetectors,
  ...nationalIdsWorldDetectors,
  ...healthIdDetectors,
  ...travelDocumentDetectors,
  ...bankAccountDetectors,
  ...cryptoWalletDetectors,
  ...deviceIdDetectors,
];

const byId = new Map(detectors.map((d) => [d.id, d]));

/** The detector with this id, or undefined. */
export function detectorById(id: string): Detector | undefined {
  return byId.get(id);
}
