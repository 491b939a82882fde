import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Names, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { acknowledge } from '../nag.ts';
import { TABLE_INDEXES } from '../../shared/store/table.ts';
import { TABLE_PARTITIONS } from '../../shared/store/keys.ts';
import type { TablePartition } from '../../shared/contract/route.ts';

const READ_ONLY = new Set(['GetItem', 'Query', 'BatchGetItem']);

/**
 * Exactly the listed table actions; Query also on the table's indexes, unless the function is held
 * to some partitions of the table, when it may touch only the items whose key begins them.
 */
export function grantTableActions(
  role: iam.IRole,
  table: dynamodb.ITable,
  key: kms.IKey,
  actions: readonly string[],
  partitions?: readonly TablePartition[],
): void {
  if (actions.length === 0) return;
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: actions.map((action) => `dynamodb:${action}`),
      resources: [
        table.tableArn,
        ...(actions.includes('Query') && !partitions
          ? TABLE_INDEXES.map((index) => `${table.tableArn}/index/${index.indexName}`)
          : []),
      ],
      ...(partitions
        ? {
            conditions: {
              'ForAllValues:StringEquals': {
                'dynamodb:LeadingKeys': partitions.map((partition) => TABLE_PARTITIONS[partition]),
              },
            },
          }
        : {}),
    }),
  );
  const writes = actions.some((action) => !READ_ONLY.has(action));
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['kms:Decrypt', 'kms:DescribeKey', ...(writes ? ['kms:Encrypt', 'kms:GenerateDataKey'] : [])],
      resources: [key.keyArn],
    }),
  );
}

/** Read and write only under the given prefixes of the exchange bucket, with the key that encrypts it. */
export function grantBucketPrefixes(
  role: iam.IRole,
  bucket: s3.IBucket,
  key: kms.IKey,
  prefixes: { read?: readonly string[]; write?: readonly string[]; list?: readonly string[] },
): void {
  if (!prefixes.read?.length && !prefixes.write?.length && !prefixes.list?.length) return;
  const objects = (list: readonly string[]) => list.map((prefix) => bucket.arnForObjects(`${prefix}*`));
  for (const prefix of [...(prefixes.read ?? []), ...(prefixes.write ?? [])])
    acknowledgePrefix(role, bucket, prefix);
  if (prefixes.read?.length) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: objects(prefixes.read) }),
    );
  }
  if (prefixes.write?.length) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:AbortMultipartUpload'],
        resources: objects(prefixes.write),
      }),
    );
  }
  if (prefixes.list?.length) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': prefixes.list.map((prefix) => `${prefix}*`) } },
      }),
    );
  }
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: [
        ...(prefixes.read?.length ? ['kms:Decrypt'] : []),
        ...(prefixes.write?.length ? ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:Decrypt'] : []),
      ].filter((action, i, all) => all.indexOf(action) === i),
      resources: [key.keyArn],
    }),
  );
}

/** A prefix of the exchange bucket is the boundary of a party's access: its objects are named by date and batch. */
export function acknowledgePrefix(scope: iam.IRole, bucket: s3.IBucket, prefix: string): void {
  const resource = bucket.node.defaultChild as s3.CfnBucket;
  // From a nested stack the bucket is a parameter the parent hands down, named as CDK names it.
  const arn =
    Stack.of(scope) === Stack.of(bucket)
      ? `${Stack.of(bucket).getLogicalId(resource)}.Arn`
      : `referenceto${Names.nodeUniqueId(resource.node)}Arn`;
  acknowledge(
    scope,
    `AwsSolutions-IAM5[Resource::<${arn}>/${prefix}*]`,
    `Access is to every object under ${prefix} and nothing else; object names (dates, batch ids) are not known in advance.`,
  );
}
