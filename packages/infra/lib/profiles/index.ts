import { astro } from './astro.ts';
import { dataScanner } from './data-scanner.ts';
import { production } from './production.ts';
import type { Profile } from './profile.ts';
import { cheetah, tiger } from './tiger-cheetah.ts';
import { webService } from './web-service.ts';

/** Every deployment profile, one line each. */
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
