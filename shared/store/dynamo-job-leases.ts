import { ITEM_TYPES } from '../privacy/item-types.ts';
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { JobLeases, LeasedJob } from '../jobs/lease.ts';
import { conditionalWrite } from './dynamo.ts';
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
    const refused = await conditionalWrite(
      this.db,
      new PutCommand({
        TableName: this.table,
        Item: { ...jobLeaseKey(job), type: ITEM_TYPES.jobLease, lease, until: nowSeconds + seconds },
        ConditionExpression: 'attribute_not_exists(pk) OR #until < :now',
        ExpressionAttributeNames: { '#until': 'until' },
        ExpressionAttributeValues: { ':now': nowSeconds },
      }),
    );
    return refused ? undefined : lease;
  }

  async release(job: LeasedJob, lease: string): Promise<void> {
    // Refused when the lease lapsed and another run took it meanwhile: theirs now, not ours to release.
    await conditionalWrite(
      this.db,
      new DeleteCommand({
        TableName: this.table,
        Key: jobLeaseKey(job),
        ConditionExpression: 'lease = :lease',
        ExpressionAttributeValues: { ':lease': lease },
      }),
    );
  }
}
