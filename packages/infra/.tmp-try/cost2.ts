import { allTargets, analyse } from '../lib/arch/analyse.ts';
import { synthesizeProfile } from '../lib/arch/synthesize.ts';
for (const t of allTargets()) {
  const { cost } = analyse(t, synthesizeProfile(t.profile, t.env, { nag: false }));
  const c = cost.comparison;
  if (!c) continue;
  const seed = cost.seed!;
  const cats = new Set(seed.rows.flatMap((r) => r.categories));
  console.log(t.profile, t.env);
  for (const l of cost.estimate.lines) if (t.profile==='astro' || t.profile==='tiger' && false) console.log('   ', l.category, l.service, l.resource, l.quantity, l.monthly);
}
