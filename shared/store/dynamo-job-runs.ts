import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config, epochSecondsAfterMonths } from '../config.ts';
import type { JobRun, JobRunStore } from '../jobs/job-runs.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { transientAsBusy, withoutStorage } from './dynamo.ts';
import { jobRunKey, jobRunsPartition } from './keys.ts';

/** A summary larger than this is kept as its size only: the view needs counts, not pages of keys. */
const MAX_SUMMARY_BYTES = 16_384;

export class DynamoJobRuns implements JobRunStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async record(run: JobRun): Promise<void> {
    const size = Buffer.byteLength(JSON.stringify(run.summary ?? {}));
    const summary = size > MAX_SUMMARY_BYTES ? { truncated: true, bytes: size } : run.summary;
    await transientAsBusy(() =>
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...jobRunKey(run.job, run.startedAt, randomUUID(), run.requestedBy !== undefined),
            type: ITEM_TYPES.jobRun,
            ...run,
            ...(summary ? { summary } : {}),
            expiresAt: epochSecondsAfterMonths(new Date(run.startedAt), config.retention.reportMonths),
          },
        }),
      ),
    );
  }

  async recent(job: string, limit: number, requested: boolean): Promise<JobRun[]> {
    const { Items = [] } = await transientAsBusy(() =>
      this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': jobRunsPartition(job, requested) },
          ScanIndexForward: false,
          Limit: limit,
        }),
      ),
    );
    return Items.map((item) => withoutStorage<JobRun>(item));
  }
}
