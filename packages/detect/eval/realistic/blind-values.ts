import {
  ALNUM,
  BASE64,
  BASE64URL,
  chars,
  DIGITS,
  HEX,
  int,
  LOWER,
  pick,
  type Rng,
  UPPER,
} from '../random.ts';
import { githubToken } from './secrets.ts';

/*
 * Values for the blind corpus, drawn in the shapes the issuers document or visibly use (length,
 * alphabet, prefix), written without reading the detectors. Nothing real: every value comes
 * from the seeded generator. GitHub tokens reuse `secrets.ts` for their public CRC32 tail.
 */

export { githubToken };

/** AWS long-term access key id: `AKIA` + 16 of A-Z2-7. */
export const awsKeyId = (r: Rng) => `AKIA${chars(r, `${UPPER}234567`, 16)}`;
/** AWS temporary access key id (STS): `ASIA` + 16 of A-Z2-7. */
export const awsTempKeyId = (r: Rng) => `ASIA${chars(r, `${UPPER}234567`, 16)}`;
/** AWS secret access key: 40 of base64. */
export const awsSecret = (r: Rng) => chars(r, BASE64, 40);
/** AWS STS session token as `aws sts assume-role` prints it. */
export const awsSessionToken = (r: Rng) => `IQoJb3JpZ2luX2VjE${chars(r, BASE64, int(r, 380, 560))}`;
/** A 12-digit AWS account id (not a secret). */
export const awsAccount = (r: Rng) => `${int(r, 1, 9)}${chars(r, DIGITS, 11)}`;

/** A password a person or a generator chose. */
export function password(r: Rng): string {
  return pick(r, [
    () =>
      `${pick(r, ['Harbor', 'Maple', 'Quartz', 'Nimbus', 'Tango', 'Violet'])}${pick(r, ['#', '!', '.', '_'])}${int(r, 1970, 2026)}${pick(r, ['!', '?', '$', '%'])}`,
    () => chars(r, ALNUM, pick(r, [12, 16, 20, 24])),
    () => chars(r, `${ALNUM}!#$%*+-=?@^_~`, int(r, 14, 22)),
    () =>
      `${chars(r, LOWER, int(r, 4, 7))}-${chars(r, LOWER, int(r, 4, 7))}-${chars(r, LOWER, int(r, 4, 7))}-${int(r, 10, 99)}`,
    () => chars(r, `${ALNUM}`, 32),
  ])();
}

/** `value` as a YAML plain scalar, or single-quoted when its first character would start YAML syntax. */
export const yamlValue = (value: string) =>
  /^[!#%*&@|>?:,[\]{}'"`~=^+-]/.test(value) ? `'${value}'` : value;

/** `openssl rand -base64 n`. */
export const opensslBase64 = (r: Rng, bytes: number) =>
  Buffer.from(Array.from({ length: bytes }, () => int(r, 0, 255))).toString('base64');
/** `openssl rand -hex n`. */
export const opensslHex = (r: Rng, bytes: number) => chars(r, HEX, bytes * 2);
/** Python `Fernet.generate_key()`: 32 bytes, urlsafe base64. */
export const fernetKey = (r: Rng) =>
  `${Buffer.from(Array.from({ length: 32 }, () => int(r, 0, 255))).toString('base64url')}=`;

export const uuid4 = (r: Rng) =>
  `${chars(r, HEX, 8)}-${chars(r, HEX, 4)}-4${chars(r, HEX, 3)}-${pick(r, ['8', '9', 'a', 'b'])}${chars(r, HEX, 3)}-${chars(r, HEX, 12)}`;

export const githubFineGrained = (r: Rng) =>
  `github_pat_11${chars(r, `${UPPER}${DIGITS}`, 20)}_${chars(r, ALNUM, 59)}`;
export const gitlabPat = (r: Rng) => `glpat-${chars(r, `${ALNUM}-_`, 20)}`;
export const slackBot = (r: Rng) =>
  `xoxb-${chars(r, DIGITS, 12)}-${chars(r, DIGITS, 13)}-${chars(r, ALNUM, 24)}`;
export const slackUser = (r: Rng) =>
  `xoxp-${chars(r, DIGITS, 12)}-${chars(r, DIGITS, 12)}-${chars(r, DIGITS, 13)}-${chars(r, HEX, 32)}`;
export const slackWebhook = (r: Rng) =>
  `https://hooks.slack.com/services/T${chars(r, `${UPPER}${DIGITS}`, 8)}/B${chars(r, `${UPPER}${DIGITS}`, 10)}/${chars(r, ALNUM, 24)}`;
export const discordWebhook = (r: Rng) =>
  `https://discord.com/api/webhooks/${int(r, 1, 9)}${chars(r, DIGITS, 18)}/${chars(r, BASE64URL, 68)}`;
export const telegramBot = (r: Rng) => `${int(r, 1, 9)}${chars(r, DIGITS, 9)}:AA${chars(r, BASE64URL, 33)}`;
export const sendgrid = (r: Rng) => `SG.${chars(r, BASE64URL, 22)}.${chars(r, BASE64URL, 43)}`;
export const stripeLive = (r: Rng) => `sk_live_51${chars(r, ALNUM, 97)}`;
export const stripePublishable = (r: Rng) => `pk_live_51${chars(r, ALNUM, 97)}`;
export const stripeWebhook = (r: Rng) => `whsec_${chars(r, ALNUM, 32)}`;
export const openaiProject = (r: Rng) =>
  `sk-proj-${chars(r, BASE64URL, 74)}T3BlbkFJ${chars(r, BASE64URL, 74)}`;
export const anthropic = (r: Rng) => `sk-ant-api03-${chars(r, BASE64URL, 93)}AA`;
/** npm granular or automation token: `npm_` + 30 base62 + the same CRC32 tail as GitHub's. */
export const npmToken = (r: Rng) => githubToken(r, 'npm');
export const pypiToken = (r: Rng) => `pypi-AgEIcHlwaS5vcmc${chars(r, BASE64URL, int(r, 140, 170))}`;
export const rubygems = (r: Rng) => `rubygems_${chars(r, HEX, 48)}`;
export const cratesIo = (r: Rng) => `cio${chars(r, ALNUM, 32)}`;
export const nugetKey = (r: Rng) => `oy2${chars(r, `${LOWER}${DIGITS}`, 43)}`;
export const terraformCloud = (r: Rng) => `${chars(r, ALNUM, 14)}.atlasv1.${chars(r, ALNUM, 67)}`;
export const vaultToken = (r: Rng) => `hvs.${chars(r, ALNUM, 24)}`;
export const dockerHubPat = (r: Rng) => `dckr_pat_${chars(r, BASE64URL, 27)}`;
export const jfrogApiKey = (r: Rng) => `AKCp${chars(r, ALNUM, 69)}`;
export const googleApiKey = (r: Rng) => `AIza${chars(r, BASE64URL, 35)}`;
export const googleClientSecret = (r: Rng) => `GOCSPX-${chars(r, BASE64URL, 28)}`;
export const googleRefresh = (r: Rng) => `1//0${pick(r, ['3', '4', '9', 'g'])}${chars(r, BASE64URL, 98)}`;
export const googleAccess = (r: Rng) => `ya29.a0${chars(r, BASE64URL, 180)}`;
export const azureClientSecret = (r: Rng) => `${chars(r, ALNUM, 3)}8Q~${chars(r, `${ALNUM}_~.-`, 34)}`;
export const azureStorageKey = (r: Rng) => `${chars(r, BASE64, 86)}==`;
export const datadogApi = (r: Rng) => chars(r, HEX, 32);
export const datadogApp = (r: Rng) => chars(r, HEX, 40);
export const pagerdutyRouting = (r: Rng) => chars(r, HEX, 32);
export const grafanaServiceAccount = (r: Rng) => `glsa_${chars(r, ALNUM, 32)}_${chars(r, HEX, 8)}`;
export const sentryDsn = (r: Rng) =>
  `https://${chars(r, HEX, 32)}@o${chars(r, DIGITS, 6)}.ingest.sentry.io/${chars(r, DIGITS, 7)}`;
export const digitalOcean = (r: Rng) => `dop_v1_${chars(r, HEX, 64)}`;
export const cloudflareToken = (r: Rng) => chars(r, BASE64URL, 40);
export const sonarToken = (r: Rng) => `squ_${chars(r, HEX, 40)}`;
export const circleciPat = (r: Rng) => `CCIPAT_${chars(r, ALNUM, 22)}_${chars(r, HEX, 40)}`;
export const netlifyPat = (r: Rng) => `nfp_${chars(r, ALNUM, 36)}`;
export const postmanKey = (r: Rng) => `PMAK-${chars(r, HEX, 24)}-${chars(r, HEX, 34)}`;
export const mailgunKey = (r: Rng) => `${chars(r, HEX, 32)}-${chars(r, HEX, 8)}-${chars(r, HEX, 8)}`;
export const twilioSid = (r: Rng) => `AC${chars(r, HEX, 32)}`;
export const twilioAuth = (r: Rng) => chars(r, HEX, 32);
export const bitbucketAppPassword = (r: Rng) => `ATBB${chars(r, ALNUM, 28)}${chars(r, HEX.toUpperCase(), 8)}`;
export const atlassianToken = (r: Rng) =>
  `ATATT3xFfGF0${chars(r, BASE64URL, 170)}=${chars(r, HEX.toUpperCase(), 8)}`;

/** A JWT-shaped bearer token with plausible claims. */
export function jwt(r: Rng, claims: Record<string, unknown>): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ alg: 'RS256', typ: 'JWT', kid: chars(r, BASE64URL, 22) })}.${enc(claims)}.${chars(r, BASE64URL, 342)}`;
}

/** An OpenSSH ed25519 public key line (public: never a finding). */
export const sshPublic = (r: Rng, comment: string) =>
  `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${chars(r, BASE64, 43)} ${comment}`;

/** A PEM certificate (public) of `lines` base64 lines. */
export function certificate(r: Rng, lines = 8): string {
  const body = Array.from({ length: lines }, () => chars(r, BASE64, 64));
  return `-----BEGIN CERTIFICATE-----\nMIID${body.join('\n').slice(4)}\n${chars(r, BASE64, 20)}==\n-----END CERTIFICATE-----`;
}

/** A PEM private key, PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1. */
export function privateKey(r: Rng, kind = 'PRIVATE KEY'): string {
  const body = Array.from({ length: 25 }, () => chars(r, BASE64, 64));
  return `-----BEGIN ${kind}-----\nMIIE${body.join('\n').slice(4)}\n${chars(r, BASE64, 28)}==\n-----END ${kind}-----`;
}
