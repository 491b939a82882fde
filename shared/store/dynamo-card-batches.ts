import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { CardBatch, CardBatchReader, StoredCardOrder } from '../cards/card-store.ts';
import { queryPages, transientAsBusy, withoutStorage } from './dynamo.ts';
import { batchOrderIndex, JOB_ITEM_PREFIX, jobKey } from './keys.ts';
import { TABLE_SCHEMA } from './table.ts';

export const CARD_BATCH_JOB = 'card-batch';
export const COUNTER = jobKey(CARD_BATCH_JOB, 'COUNTER');

/** The applied acknowledgement keys come back as a DynamoDB string set. */
export const orderOf = (item: Record<string, unknown>): StoredCardOrder => {
  const { appliedAcks, ...order } = withoutStorage<Record<string, unknown>>(item);
  return {
    ...order,
    appliedAcks: [...((appliedAcks as Set<string> | undefined) ?? [])],
  } as unknown as StoredCardOrder;
};
export const batchOf = (item: Record<string, unknown>): CardBatch => withoutStorage<CardBatch>(item);

/**
 * The card batches as the console and the overdue queue read them: the read side of the card store,
 * in a module of its own so that a reader's bundle carries none of the batch job's writes.
 */
export class DynamoCardBatches implements CardBatchReader {
  constructor(
    protected readonly db: DynamoDBDocumentClient,
    protected readonly table: string,
  ) {}

  /** Any document-client command, with transient faults as StoreBusy. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the client's send is overloaded per command
  protected send<T = unknown>(command: any): Promise<T> {
    return transientAsBusy(() => this.db.send(command) as Promise<T>);
  }

  protected async *query(
    input: Omit<QueryCommandInput, 'TableName'>,
  ): AsyncIterable<Record<string, unknown>[]> {
    for await (const page of queryPages(this.db, { TableName: this.table, ...input })) yield page.Items ?? [];
  }

  async *batchOrders(batchId: string): AsyncIterable<StoredCardOrder> {
    for await (const items of this.query({
      IndexName: TABLE_SCHEMA.gsi1.indexName,
      KeyConditionExpression: 'gsi1pk = :batch',
      ExpressionAttributeValues: { ':batch': batchOrderIndex(batchId, 0).gsi1pk },
    })) {
      for (const item of items) yield orderOf(item);
    }
  }

  async batches(): Promise<CardBatch[]> {
    const batches: CardBatch[] = [];
    for await (const items of this.query({
      KeyConditionExpression: 'pk = :job AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':job': COUNTER.pk, ':prefix': JOB_ITEM_PREFIX.cardBatch },
    })) {
      batches.push(...items.map(batchOf));
    }
    return batches;
  }
}
