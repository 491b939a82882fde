import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { PartnerSpec } from '../../shared/contract/partners.ts';
import { acknowledgePrefix } from './grants.ts';

/**
 * A partner's own IAM role, assumed from its own account: it reads and writes only its prefixes of
 * the exchange bucket (shared/contract/partners.ts), and lists only what it may read.
 */
export function partnerRole(
  scope: Construct,
  id: string,
  partner: PartnerSpec,
  bucket: s3.IBucket,
  key: kms.IKey,
  account: string,
): iam.Role {
  const role = new iam.Role(scope, `${id}Role`, {
    assumedBy: new iam.AccountPrincipal(account),
    description: partner.description,
    maxSessionDuration: Duration.hours(1),
  });
  const objects = (prefixes: readonly string[]) =>
    prefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`));
  if (partner.read.length > 0) {
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: objects(partner.read) }),
    );
  }
  if (partner.write.length > 0) {
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: objects(partner.write) }),
    );
  }
  if (partner.read.length > 0) {
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': partner.read.map((prefix) => `${prefix}*`) } },
      }),
    );
  }
  const keyActions = [
    ...(partner.read.length > 0 ? ['kms:Decrypt'] : []),
    ...(partner.write.length > 0 ? ['kms:GenerateDataKey'] : []),
  ];
  role.addToPolicy(new iam.PolicyStatement({ actions: keyActions, resources: [key.keyArn] }));
  for (const prefix of [...partner.read, ...partner.write]) acknowledgePrefix(role, bucket, prefix);
  return role;
}
