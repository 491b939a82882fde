import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { projectApp, UNBUNDLED } from '../support/cdk-app.ts';

const synthOf = (context: Record<string, unknown> = {}) =>
  buildApp(
    projectApp({
      outdir: mkdtempSync(join(tmpdir(), 'moymore-cdk-')),
      context: { ...UNBUNDLED, ...context },
    }),
  );

const defaultRegion = process.env.CDK_DEFAULT_REGION;
afterEach(() => {
  if (defaultRegion === undefined) delete process.env.CDK_DEFAULT_REGION;
  else process.env.CDK_DEFAULT_REGION = defaultRegion;
});

describe('where the register is deployed', () => {
  it('is eu-north-1 from cdk.json, whatever region the deploying machine defaults to', () => {
    // What the CDK CLI sets when nothing is configured, or the deployer's own region is American.
    process.env.CDK_DEFAULT_REGION = 'us-east-1';
    const { stack, edge } = synthOf();
    expect(stack.region).toBe('eu-north-1');
    expect(edge.region).toBe('us-east-1');
  });

  it('is another EU/EEA region when cdk.json or -c registerRegion says so', () => {
    expect(synthOf({ registerRegion: 'eu-central-1' }).stack.region).toBe('eu-central-1');
  });

  it.each(['us-east-1', 'eu-west-2', 'eu-central-2', 'ap-northeast-1'])(
    'refuses to synthesize the register in %s, outside the EU/EEA, without a stated safeguard',
    (registerRegion) => {
      expect(() => synthOf({ registerRegion })).toThrow(/outside the EU\/EEA.*outsideEeaSafeguard/s);
    },
  );

  it('refuses a region that is not one', () => {
    expect(() => synthOf({ registerRegion: 'Stockholm' })).toThrow(/registerRegion/);
  });

  it('places it outside the EU/EEA only with the override, and the notice is told the safeguard', () => {
    const safeguard = 'EU–US Data Privacy Framework (adequacy decision of 10 July 2023)';
    const { stack } = synthOf({ registerRegion: 'us-east-1', outsideEeaSafeguard: safeguard });
    expect(stack.region).toBe('us-east-1');
    const functions = Object.entries(
      Template.fromStack(stack.api.functionsStack).findResources('AWS::Lambda::Function'),
    );
    const notice = functions.find(([id]) => /PrivacyNoticeFunction/.test(id))!;
    expect(notice[1].Properties.Environment.Variables.OUTSIDE_EEA_SAFEGUARD).toBe(safeguard);
  });
});

describe('the firewall in us-east-1', () => {
  it('keeps counts only: no sampled request, with its headers and path, is kept there', () => {
    const acl = Object.values(Template.fromStack(synthOf().edge).findResources('AWS::WAFv2::WebACL'))[0]!;
    const visibility = [
      acl.Properties.VisibilityConfig,
      ...acl.Properties.Rules.map((rule: { VisibilityConfig: unknown }) => rule.VisibilityConfig),
    ];
    expect(visibility.map((v) => v.SampledRequestsEnabled)).toEqual(visibility.map(() => false));
  });
});
