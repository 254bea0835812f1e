import { describe, expect, it } from 'vitest';
import { compareWithSeed } from '../../lib/arch/cost/compare.ts';
import { estimateCost } from '../../lib/arch/cost/estimate.ts';
import { loadPrices } from '../../lib/arch/cost/prices.ts';
import { DEFAULT_USAGE, type SeedCost } from '../../lib/arch/cost/usage.ts';
import { mermaidDiagram } from '../../lib/arch/document/diagram.ts';
import { SEED_DIFFERENCES_KEY, writeDocument } from '../../lib/arch/document/write-document.ts';
import { readArchitecture } from '../../lib/arch/model.ts';
import type { StackTemplate } from '../../lib/arch/template.ts';
import { dataAndEdge } from './fixtures/data-edge.ts';
import { networkAndWorker } from './fixtures/fragments.ts';

const stacks: StackTemplate[] = [
  {
    stackName: 'app-dev',
    template: {
      Parameters: networkAndWorker.Parameters,
      Resources: { ...networkAndWorker.Resources, ...dataAndEdge.Resources },
      Metadata: {
        [SEED_DIFFERENCES_KEY]: [
          {
            topic: 'Bastion access',
            seed: 'SSH from 0.0.0.0/0',
            deployed: 'SSM Session Manager',
            reason: 'no open SSH',
          },
        ],
      },
    },
  },
];
const model = readArchitecture(stacks);
const prices = loadPrices();
const estimate = estimateCost(model, DEFAULT_USAGE, prices);
const seed: SeedCost = { file: 'seed.txt', title: 'Dev', total: 100, rows: [], notes: [] };

describe('mermaid diagram', () => {
  const diagram = mermaidDiagram(model);

  it('puts each resource in the subnet tier it runs in', () => {
    const privateTier = diagram.slice(diagram.indexOf('_private['), diagram.indexOf('_isolated['));
    expect(privateTier).toContain('WorkerService["ECS scanner-worker');
    expect(diagram).toMatch(/subgraph Vpc8378EB38_public\["public subnets 10\.0\.1\.0\/24"\]/);
  });

  it('draws the connections the templates declare', () => {
    expect(diagram).toContain('Queue -->|"dead letters"| Dlq');
    expect(diagram).toContain('Cdn -->|"origin"| Alb');
    expect(diagram).toContain('Api --> ScanFn');
    expect(diagram).toContain('Queue -.->|"depth scales"| WorkerService');
  });

  it('escapes quotes so GitHub can parse every label', () => {
    expect(diagram.split('\n').filter((l) => l.includes('["') && /"[^"\]]*"[^\]]*"\]/.test(l))).toEqual([]);
  });
});

describe('architecture document', () => {
  const doc = writeDocument(
    { profile: 'demo', env: 'dev', seedFile: 'seed.txt', description: 'A demo' },
    model,
    stacks,
    { estimate, usage: DEFAULT_USAGE, prices, seed, comparison: compareWithSeed(estimate, seed) },
  );

  it('has every section the issue lists, in order', () => {
    const headings = doc.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Diagram',
      '## Networks',
      '## Security groups',
      '## Compute',
      '## Scaling',
      '## Data',
      '## Edge',
      '## IAM',
      '## Observability',
      '## Monthly cost',
      '## Deploy',
      '## Differences from the reference document',
    ]);
  });

  it('prints the queue depth table computed from the policy', () => {
    expect(doc).toContain('| Queue depth (messages) | Tasks |');
    expect(doc).toContain('| 6-10 | 2 |');
    expect(doc).toContain('| 21 or more | 5 |');
  });

  it('lists the differences the templates record', () => {
    expect(doc).toContain('| Bastion access | SSH from 0.0.0.0/0 | SSM Session Manager | no open SSH |');
  });

  it("puts the seed's total beside ours", () => {
    expect(doc).toMatch(/\| \*\*Total\*\* \| - \| \*\*\$\d+\.\d\d\*\* \| \*\*\$100\.00\*\* \|/);
  });
});
