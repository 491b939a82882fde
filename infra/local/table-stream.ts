import { DescribeTableCommand, UpdateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { LOCAL } from './services.ts';

/** How Lambda's event filtering matches a record: every key of the pattern; a value among its list, or a prefix. */
export const matchesFilter = (pattern: unknown, value: unknown): boolean =>
  Array.isArray(pattern)
    ? pattern.some((rule) =>
        typeof rule === 'object' && rule !== null && 'prefix' in rule
          ? typeof value === 'string' && value.startsWith(String(rule.prefix))
          : rule === value,
      )
    : typeof value === 'object' &&
      value !== null &&
      Object.entries(pattern as object).every(([key, inner]) =>
        matchesFilter(inner, (value as Record<string, unknown>)[key]),
      );

/** The table's stream as the CDK stack makes it: keys only (no copy of anyone's data). */
export async function ensureStream(client: DynamoDBClient, tableName: string): Promise<string> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  if (Table?.StreamSpecification?.StreamEnabled && Table.LatestStreamArn) return Table.LatestStreamArn;
  const { TableDescription } = await client.send(
    new UpdateTableCommand({
      TableName: tableName,
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
    }),
  );
  return TableDescription!.LatestStreamArn!;
}

/** An idle stream is read less and less often, down to this; a record makes it quick again. */
const IDLE_MS = { first: 20, most: 250 };
/** New shards are looked for now and then (DynamoDB Local opens one every few hours), and when one closes. */
const SHARDS_EVERY_POLLS = 50;
/** As the event source mapping's retries of a failed batch (then the record is reported and skipped). */
const ATTEMPTS = 3;

/**
 * The local stand-in for the table's stream and its event source mapping: DynamoDB Local's own stream
 * read from now on, each new record that passes the filter handed to the reader one at a time (batch
 * size 1), a failed one given again. Answers a stop.
 */
export async function readTableStream(options: {
  endpoint: string;
  streamArn: string;
  filter: unknown;
  reader: (event: { Records: DynamoDBRecord[] }) => Promise<DynamoDBBatchResponse>;
  onFailure: (error: unknown) => void;
}): Promise<() => Promise<void>> {
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: LOCAL.region,
    credentials: LOCAL.credentials,
  });
  const iterators = new Map<string, string>();
  /** Shards read to their end. */
  const closed = new Set<string>();
  let shardClosed = false;
  let stopped = false;

  async function deliver(record: StreamRecord) {
    const event = { Records: [{ ...record, eventSource: 'aws:dynamodb' } as DynamoDBRecord] };
    if (!matchesFilter(options.filter, event.Records[0])) return;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const { batchItemFailures } = await options.reader(event);
      if (batchItemFailures.length === 0) return;
    }
    options.onFailure(new Error('a stream record was not handled'));
  }

  /** Shards open when reading begins are read from now on; a shard opened later, from its start. */
  async function findShards(from: 'LATEST' | 'TRIM_HORIZON') {
    const { StreamDescription } = await streams.send(
      new DescribeStreamCommand({ StreamArn: options.streamArn }),
    );
    for (const shard of StreamDescription?.Shards ?? []) {
      if (iterators.has(shard.ShardId!) || closed.has(shard.ShardId!)) continue;
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: options.streamArn,
          ShardId: shard.ShardId!,
          ShardIteratorType: from,
        }),
      );
      if (ShardIterator) iterators.set(shard.ShardId!, ShardIterator);
    }
  }

  let polls = 0;
  async function poll() {
    if (++polls % SHARDS_EVERY_POLLS === 0 || shardClosed) await findShards('TRIM_HORIZON');
    shardClosed = false;
    let delivered = 0;
    for (const [shard, iterator] of iterators) {
      const { Records = [], NextShardIterator } = await streams.send(
        new GetRecordsCommand({ ShardIterator: iterator }),
      );
      if (NextShardIterator) iterators.set(shard, NextShardIterator);
      else {
        iterators.delete(shard);
        closed.add(shard);
        shardClosed = true;
      }
      for (const record of Records) await deliver(record);
      delivered += Records.length;
    }
    return delivered;
  }

  // Reading begins before this answers: nothing written after it is missed.
  await findShards('LATEST');
  const running = (async () => {
    let idle = IDLE_MS.first;
    while (!stopped) {
      try {
        idle = (await poll()) > 0 ? IDLE_MS.first : Math.min(idle * 2, IDLE_MS.most);
      } catch (error) {
        if (!stopped) options.onFailure(error);
        idle = IDLE_MS.most;
      }
      await new Promise((resolve) => setTimeout(resolve, idle));
    }
  })();
  return async () => {
    stopped = true;
    await running;
  };
}
