import type { ProfileUsage } from '../cost/usage.ts';
import { astroUsage } from './astro.ts';
import { dataScannerUsage } from './data-scanner.ts';
import { productionUsage } from './production.ts';
import { cheetahUsage, tigerUsage } from './tiger-cheetah.ts';
import { webServiceUsage } from './web-service.ts';

const ALL = [dataScannerUsage, webServiceUsage, tigerUsage, cheetahUsage, productionUsage, astroUsage];

/** Usage assumptions and seed cost table for a profile id; a profile without one gets the defaults and no seed. */
export function usageFor(profile: string): ProfileUsage {
  return ALL.find((u) => u.profile === profile) ?? { profile, usage: () => ({}), seed: () => undefined };
}
