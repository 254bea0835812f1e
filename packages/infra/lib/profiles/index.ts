import { astro } from './astro.ts';
import { dataScanner } from './data-scanner.ts';
import { production } from './production.ts';
import type { Profile } from './profile.ts';
import { cheetah, tiger } from './tiger-cheetah.ts';
import { webService } from './web-service.ts';

/**
 * Every deployment profile, one line each.
 *
 * Adding a profile (about 100 lines for an ALB + Fargate + RDS seed; `web-service.ts` and
 * `production.ts` are the models):
 * 1. `<id>-config.ts`: the seed's numbers as a typed config per env, with `differences` (where the
 *    profile deliberately departs from the seed, written into the template) and `logRetention`.
 * 2. `<id>.ts`: `defineProfile({ id, seed, description, defaultAppName, config, stack, build })`. In
 *    `build`, the {@link ProfileStack} supplies the skeleton with the seed's names: `network(config)`,
 *    `imageRepository`, `database`, `cache`, `secretKey`, `tasksSecurityGroup`, `cluster` and
 *    `service(id, { name, app })`, whose `app` is the typed `ApplicationSettings` (database,
 *    fingerprintKey, roles, redis, reports, notifications, port, scanBuckets, queue) mapped to the
 *    service's variable names (`service/src/env-names.ts`): a misspelled setting does not compile.
 *    `publicApi` (public-endpoint.ts) makes the load balancer, certificate and alias; `dashboardSite`
 *    the CloudFront dashboard; service-alarms.ts the alarms; `adminCommand` and `secretOutputs` the
 *    outputs.
 * 3. One line below; `test/profiles/<id>.test.ts` for the seed's numbers (`profileTemplate` shares the
 *    synthesis with every other test); `npm run arch -- docs --all` writes its documents.
 */
export const PROFILES: readonly Profile[] = [
  // one line per profile
  dataScanner,
  webService,
  tiger,
  cheetah,
  production,
  astro,
];

/** The profile with this id; the error lists the known ids. */
export function findProfile(id: string): Profile {
  const profile = PROFILES.find((p) => p.id === id);
  if (!profile)
    throw new Error(`Unknown profile "${id}": choose one of ${PROFILES.map((p) => p.id).join(', ')}`);
  return profile;
}
