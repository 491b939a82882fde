import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { projectApp, UNBUNDLED } from '../support/cdk-app.ts';

describe('the cdk-nag check itself', () => {
  it('fails the app when an insecure fixture stack (public bucket, no TLS) is added to it', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'moymore-nag-'));
    // The same app the deploy uses, so this also proves that buildApp wires both rule packs in.
    const { app } = buildApp(projectApp({ outdir, context: UNBUNDLED }));
    const fixture = new Stack(app, 'InsecureFixture');
    new s3.Bucket(fixture, 'PublicBucket', {
      blockPublicAccess: new s3.BlockPublicAccess({
        blockPublicAcls: false,
        blockPublicPolicy: false,
        ignorePublicAcls: false,
        restrictPublicBuckets: false,
      }),
      publicReadAccess: true,
      enforceSSL: false,
    });
    expect(() => app.synth()).toThrow();
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: {
        pluginName: string;
        violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
      }[];
    };
    const findings = report.pluginReports
      .filter((p) => ['AwsSolutions', 'Serverless'].includes(p.pluginName))
      .flatMap((p) =>
        p.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} ${c.constructPath}`)),
      );
    expect(findings).toEqual(
      expect.arrayContaining([
        'AwsSolutions-S1 InsecureFixture/PublicBucket/Resource',
        'AwsSolutions-S2 InsecureFixture/PublicBucket/Resource',
        'AwsSolutions-S10 InsecureFixture/PublicBucket/Resource',
      ]),
    );
    expect(findings.every((f) => f.includes('InsecureFixture/'))).toBe(true);
  });
});
