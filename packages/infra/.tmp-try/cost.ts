import { allTargets, analyse } from '../lib/arch/analyse.ts';
import { synthesizeProfile } from '../lib/arch/synthesize.ts';
for (const t of allTargets()) {
  const { cost } = analyse(t, synthesizeProfile(t.profile, t.env, { nag: false }));
  const c = cost.comparison;
  if (!c) continue;
  console.log(t.profile, t.env, c.ours.toFixed(2), JSON.stringify(c.seedTotal), (c.deviation * 100).toFixed(1), c.withinTarget, 'unexplained:', JSON.stringify(c.unexplained));
  for (const r of c.rows) console.log('   ', r.label, r.ours, JSON.stringify(r.seed));
}
