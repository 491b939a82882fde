import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { JobLeases, LeasedJob } from '../jobs/lease.ts';
import { transientAsBusy } from './dynamo.ts';
import { jobLeaseKey } from './keys.ts';

/** One item per job: a conditional put takes it when absent or lapsed; a delete on its id gives it back. */
export class DynamoJobLeases implements JobLeases {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async take(job: LeasedJob, now: Date, seconds: number): Promise<string | undefined> {
    const lease = globalThis.crypto.randomUUID();
    const nowSeconds = Math.floor(now.getTime() / 1000);
    try {
      await transientAsBusy(() =>
        this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: { ...jobLeaseKey(job), type: 'job-lease', lease, until: nowSeconds + seconds },
            ConditionExpression: 'attribute_not_exists(pk) OR #until < :now',
            ExpressionAttributeNames: { '#until': 'until' },
            ExpressionAttributeValues: { ':now': nowSeconds },
          }),
        ),
      );
      return lease;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async release(job: LeasedJob, lease: string): Promise<void> {
    try {
      await transientAsBusy(() =>
        this.db.send(
          new DeleteCommand({
            TableName: this.table,
            Key: jobLeaseKey(job),
            ConditionExpression: 'lease = :lease',
            ExpressionAttributeValues: { ':lease': lease },
          }),
        ),
      );
    } catch (error) {
      // Lapsed and taken by another run meanwhile: theirs now, not ours to release.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
