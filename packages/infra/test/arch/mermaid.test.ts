import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { allTargets } from '../../lib/arch/analyse.ts';
import { mermaidDiagram } from '../../lib/arch/document/diagram.ts';
import { readArchitecture } from '../../lib/arch/model.ts';
import { dataAndEdge } from './fixtures/data-edge.ts';
import { networkAndWorker } from './fixtures/fragments.ts';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/architecture');

type Mermaid = typeof import('mermaid')['default'];
let mermaid: Mermaid;

beforeAll(async () => {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false });
});

function diagramOf(markdown: string): string {
  const block = markdown.split('```mermaid\n')[1]?.split('\n```')[0];
  if (!block) throw new Error('no mermaid block');
  return block;
}

describe('Mermaid diagrams parse with mermaid itself (what GitHub renders with)', () => {
  it('rejects a broken diagram, so the check can fail', async () => {
    await expect(mermaid.parse('flowchart LR\n  a["x"] -->|"unclosed label b')).rejects.toThrow();
    await expect(mermaid.parse('flowchart LR\n  subgraph s["open"]\n  a --> b')).rejects.toThrow();
  });

  it('parses the diagram of a hand-built template', async () => {
    const model = readArchitecture([
      {
        stackName: 'S',
        template: {
          Parameters: networkAndWorker.Parameters,
          Resources: { ...networkAndWorker.Resources, ...dataAndEdge.Resources },
        },
      },
    ]);
    await expect(mermaid.parse(diagramOf(mermaidDiagram(model)))).resolves.toMatchObject({
      diagramType: 'flowchart-v2',
    });
  });

  // Read unconditionally: a missing docs/architecture must fail, not yield zero tests.
  const files = fs.readdirSync(DOCS).filter((f) => /-(dev|staging|prod)\.md$/.test(f));
  it('finds the committed document of every target (3 profiles x 3 envs, 3 with a fixed env)', () => {
    expect(files.sort()).toEqual(
      allTargets()
        .map((t) => `${t.profile}-${t.env}.md`)
        .sort(),
    );
    expect(files).toHaveLength(12);
  });

  it.each(files)('parses the diagram in docs/architecture/%s', async (file) => {
    const source = diagramOf(fs.readFileSync(path.join(DOCS, file), 'utf8'));
    await expect(mermaid.parse(source)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
  });
});
