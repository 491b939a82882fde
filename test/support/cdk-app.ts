import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type AppProps } from 'aws-cdk-lib';
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
