import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type AppProps, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PROJECT_ROOT } from '../../infra/bundling.ts';

/** The context cdk.json gives the CLI's app (the register's region among it). */
const PROJECT_CONTEXT = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')).context as Record<
  string,
  unknown
>;

/** An app as `cdk synth` makes it: cdk.json's context, with the test's own on top. */
export const projectApp = (props: AppProps = {}) =>
  new App({ ...props, context: { ...PROJECT_CONTEXT, ...props.context } });

/** Functions are not bundled: for tests that read the template's shape only. */
export const UNBUNDLED = { 'aws:cdk:bundling-stacks': [] };

/**
 * The register's stack and the nested stacks its jobs and its API's functions live in, read as one
 * template: a test asks what the register deploys, not which stack holds it.
 */
export function registerTemplate(stack: Stack, ...nested: Stack[]): Template {
  const templates = [stack, ...nested].map((one) => Template.fromStack(one).toJSON());
  const merged = Object.fromEntries(
    ['Parameters', 'Resources', 'Outputs', 'Conditions', 'Mappings'].map((section) => [
      section,
      Object.assign({}, ...templates.map((template) => template[section])),
    ]),
  );
  return Template.fromJSON(merged, { skipCyclicalDependenciesCheck: true });
}
