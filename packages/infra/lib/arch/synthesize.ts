import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildProfileApp } from '../synth-app.ts';
import type { CfnTemplate, StackTemplate } from './template.ts';

/** A finding of a validation plugin (cdk-nag, CloudFormation Validate) that no acknowledgement covers. */
export interface NagFinding {
  readonly rule: string;
  readonly severity: string;
  readonly description: string;
  readonly paths: string[];
}

/** A cdk-nag rule acknowledged on a construct, with the reason given in the code. */
export interface NagAcknowledgement {
  readonly rule: string;
  readonly path: string;
  readonly reason: string;
}

/** What cdk-nag (AwsSolutions pack) said during synthesis. */
export interface NagReport {
  readonly ran: boolean;
  readonly findings: NagFinding[];
  readonly acknowledged: NagAcknowledgement[];
}

/** The templates of one synthesis and its cdk-nag report. */
export interface Synthesized {
  readonly stacks: StackTemplate[];
  readonly nag: NagReport;
}

interface ReportJson {
  pluginReports?: {
    pluginName?: string;
    violations?: {
      ruleName?: string;
      severity?: string;
      description?: string;
      violatingConstructs?: { constructPath?: string }[];
    }[];
  }[];
}

/**
 * Reads a cloud assembly directory: every `*.template.json`, the cdk-nag violations from
 * `validation-report.json` and the acknowledgements from the stacks' metadata.
 */
export function readAssembly(dir: string, nagRan = true): Synthesized {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.template.json'));
  if (files.length === 0) throw new Error(`no *.template.json in ${dir}: synthesize the profile first`);
  const stacks = files.sort().map((f) => ({
    stackName: f.replace(/\.template\.json$/, ''),
    template: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CfnTemplate,
  }));
  const findings: NagFinding[] = [];
  const reportFile = path.join(dir, 'validation-report.json');
  if (fs.existsSync(reportFile)) {
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ReportJson;
    for (const plugin of report.pluginReports ?? []) {
      // cdk-nag's findings under their rule ids; another plugin's (CloudFormation Validate) under its name.
      const prefix = plugin.pluginName?.startsWith('AwsSolutions') ? '' : `${plugin.pluginName ?? '?'} `;
      for (const v of plugin.violations ?? []) {
        findings.push({
          rule: `${prefix}${v.ruleName ?? '?'}`,
          severity: v.severity ?? 'error',
          description: v.description ?? '',
          paths: (v.violatingConstructs ?? []).map((c) => c.constructPath ?? ''),
        });
      }
    }
  }
  const acknowledged: NagAcknowledgement[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.metadata.json'))) {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<
      string,
      { type?: string; data?: unknown }[]
    >;
    for (const [constructPath, entries] of Object.entries(meta)) {
      for (const e of entries) {
        if (e.type !== 'aws:cdk:acknowledged-rules' || typeof e.data !== 'object' || !e.data) continue;
        for (const [key, reason] of Object.entries(e.data as Record<string, unknown>)) {
          const rule = key.replace(/^Annotation::/, '');
          if (rule.startsWith('AwsSolutions-'))
            acknowledged.push({ rule, path: constructPath, reason: String(reason) });
        }
      }
    }
  }
  return { stacks, nag: { ran: nagRan, findings, acknowledged } };
}

/**
 * Options the documents and checks synthesize with: an example certificate and API name, so they
 * describe the HTTPS deployment every public profile requires (a deployer passes their own).
 */
export const DOCUMENT_OPTIONS: Readonly<Record<string, string>> = {
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/example',
  apiDomainName: 'api.example.org',
};

/**
 * Synthesizes one profile and env offline into a temporary cloud assembly (cdk-nag on unless
 * `nag` is false) and reads it back. Unacknowledged cdk-nag errors do not throw: they are returned.
 */
export function synthesizeProfile(
  profile: string,
  env: string,
  options: { nag?: boolean } = {},
): Synthesized {
  const nag = options.nag ?? true;
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `arch-${profile}-${env}-`));
  try {
    const { app } = buildProfileApp({ profile, env, nag, outdir, options: DOCUMENT_OPTIONS });
    try {
      app.synth();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (
        !/validation ?failed/i.test(message) ||
        !fs.existsSync(path.join(outdir, 'validation-report.json'))
      ) {
        throw error;
      }
    }
    return readAssembly(outdir, nag);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
