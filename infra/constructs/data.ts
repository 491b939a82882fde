import { EXCHANGE_FILES } from '../../shared/privacy/exchange-retention.ts';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../../shared/store/table.ts';
import { acknowledge } from '../nag.ts';

/** The register's data: one customer-managed key, the single table, and the exchange bucket. */
export class RegisterData extends Construct {
  readonly key: kms.Key;
  readonly table: dynamodb.Table;
  readonly exchangeBucket: s3.Bucket;
  /** Server access logs of the buckets, and CloudFront's standard logs. */
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'Moymore loyalty register: personal data at rest',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const { partitionKey, sortKey, timeToLive, gsi1, gsi2, gsi3, gsi4 } = TABLE_SCHEMA;
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      timeToLiveAttribute: timeToLive,
      // The routes' job requests reach their jobs through the stream (shared/store/dynamo-job-requests.ts);
      // keys only: no copy of the items (keys still name people; README says which and for how long).
      stream: dynamodb.StreamViewType.KEYS_ONLY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: gsi1.indexName,
      partitionKey: { name: gsi1.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: gsi1.sortKey, type: dynamodb.AttributeType.STRING },
    });
    // The lists people page through carry what they show (INCLUDE), so a hit is one index item read.
    for (const index of [gsi2, gsi3, gsi4]) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.INCLUDE,
        nonKeyAttributes: [...index.projected],
      });
    }

    const accessLogs = (this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // S3 server access logging can deliver only to SSE-S3 buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    }));
    acknowledge(
      accessLogs,
      'AwsSolutions-S1',
      'This is the access-log bucket itself; logging it into itself would loop.',
    );

    this.exchangeBucket = new s3.Bucket(this, 'ExchangeBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'exchange/',
      removalPolicy: RemovalPolicy.RETAIN,
      // Retention of files (privacy/exchange-retention.ts): replaced versions go at the same age as current ones.
      lifecycleRules: [
        ...EXCHANGE_FILES.map((file) => ({
          id: file.prefix.replaceAll('/', '-').replace(/-$/, ''),
          prefix: file.prefix,
          expiration: Duration.days(file.expiresAfterDays),
          noncurrentVersionExpiration: Duration.days(file.expiresAfterDays),
          expiredObjectDeleteMarker: false,
        })),
        { id: 'incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
  }
}
