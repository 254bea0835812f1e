import { Template } from 'aws-cdk-lib/assertions';
import { buildProfileApp } from '../../lib/synth-app.ts';

const cache = new Map<string, Template>();

/**
 * The synthesised template of a profile's (single) stack, with cdk-nag and the CloudFormation
 * validation run during synthesis; built once per profile, env and options in a test file.
 */
export function profileTemplate(
  profile: string,
  env: string,
  options: Readonly<Record<string, string>> = {},
  appName?: string,
): Template {
  const key = JSON.stringify([profile, env, options, appName]);
  let template = cache.get(key);
  if (!template) {
    const { stacks } = buildProfileApp({ profile, env, options, ...(appName ? { appName } : {}) });
    const stack = stacks[0];
    if (!stack) throw new Error(`profile ${profile} made no stack`);
    template = Template.fromStack(stack);
    cache.set(key, template);
  }
  return template;
}

/** The single resource of a type whose properties match, as [logicalId, resource]. */
export function onlyResource(
  template: Template,
  type: string,
  props?: object,
): [string, { Properties: any }] {
  const found = Object.entries(template.findResources(type, props ? { Properties: props } : undefined));
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as [string, { Properties: any }];
}
