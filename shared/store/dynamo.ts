import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  paginateQuery,
  paginateScan,
  type QueryCommandInput,
  type QueryCommandOutput,
  type ScanCommandInput,
  type ScanCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { inParallel } from '../concurrency.ts';
import { invalid, StoreBusy } from '../refusal.ts';
import { isTransient } from './transient.ts';
import { TABLE_INDEXES, TABLE_SCHEMA } from './table.ts';

/**
 * The document client every store uses. The SDK's standard retry mode already retries throttling,
 * 5xx and network errors with jittered exponential backoff; the short timeouts keep a till waiting
 * at most a few seconds before it hears 503 and may resend.
 */
export function createDocumentClient(
  client = new DynamoDBClient({
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 },
  }),
) {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}

/** Runs a store call, a transient failure (nothing changed) as StoreBusy. */
export async function transientAsBusy<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isTransient(error)) throw new StoreBusy();
    throw error;
  }
}

/** One item of a TransactWriteItems. */
export type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

const CONTENTION = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);

/** Why a conditional write was refused: for each item (one for a single write), whether its condition failed, and the item as stored when asked for. */
export type Refused = readonly { failed: boolean; item?: Record<string, unknown> }[];

/**
 * Sends a conditional write, of one item or a transaction: undefined when written, what refused it
 * when a condition failed. A transaction cancelled only by a conflicting one or by throttling, and
 * any transient fault, changed nothing: StoreBusy, safe to send again.
 */
export async function conditionalWrite(
  db: DynamoDBDocumentClient,
  command: PutCommand | UpdateCommand | DeleteCommand | TransactWriteCommand,
): Promise<Refused | undefined> {
  try {
    // The client's send is overloaded per command; each of these answers the same way here.
    await transientAsBusy(() => db.send(command as PutCommand));
    return undefined;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      return [{ failed: true, ...(error.Item ? { item: unmarshall(error.Item) } : {}) }];
    }
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = (error.CancellationReasons ?? []).map((reason) => ({
      failed: reason.Code === 'ConditionalCheckFailed',
      ...(reason.Item ? { item: unmarshall(reason.Item) } : {}),
    }));
    if (reasons.some((reason) => reason.failed)) return reasons;
    if ((error.CancellationReasons ?? []).some((r) => r.Code !== undefined && CONTENTION.has(r.Code))) {
      throw new StoreBusy();
    }
    throw error;
  }
}

/** What only storage needs: the keys, every index's keys, the item type, the TTL. */
const { partitionKey, sortKey, timeToLive } = TABLE_SCHEMA;
const STORAGE_ATTRIBUTES = new Set<string>([
  partitionKey,
  sortKey,
  timeToLive,
  'type',
  ...TABLE_INDEXES.flatMap((index) => [index.partitionKey, index.sortKey]),
]);

/** An item without what only storage needs: what the domain sees. */
export function withoutStorage<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !STORAGE_ATTRIBUTES.has(name))) as T;
}

/** Every page a paginator gives, transient faults as StoreBusy. */
async function* pagesAsBusy<T>(pages: AsyncIterable<T>): AsyncIterable<T> {
  try {
    yield* pages;
  } catch (error) {
    if (isTransient(error)) throw new StoreBusy();
    throw error;
  }
}

/** Every page of a query, transient faults as StoreBusy. */
export const queryPages = (
  db: DynamoDBDocumentClient,
  input: QueryCommandInput,
): AsyncIterable<QueryCommandOutput> =>
  pagesAsBusy(paginateQuery({ client: db, ...(input.Limit ? { pageSize: input.Limit } : {}) }, input));

/** Every page of a scan, transient faults as StoreBusy. */
export const scanPages = (
  db: DynamoDBDocumentClient,
  input: ScanCommandInput,
): AsyncIterable<ScanCommandOutput> =>
  pagesAsBusy(paginateScan({ client: db, ...(input.Limit ? { pageSize: input.Limit } : {}) }, input));

/** DynamoDB answers at most 100 keys per BatchGetItem. */
const BATCH_GET_LIMIT = 100;

/** Many items by key, 100 a request, a few requests at once; what DynamoDB leaves unprocessed is asked again after a pause. */
export async function getAll(
  db: DynamoDBDocumentClient,
  table: string,
  keys: readonly { pk: string; sk: string }[],
  consistent: boolean,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  const batches = Array.from({ length: Math.ceil(keys.length / BATCH_GET_LIMIT) }, (_, i) =>
    keys.slice(i * BATCH_GET_LIMIT, (i + 1) * BATCH_GET_LIMIT),
  );
  await inParallel(batches, 4, async (batch) => {
    let pending: Record<string, unknown>[] | undefined = batch.map((key) => ({ ...key }));
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      if (attempt > 8) throw new StoreBusy();
      const asked: Record<string, unknown>[] = pending;
      const answer: BatchGetCommandOutput = await transientAsBusy(() =>
        db.send(
          new BatchGetCommand({ RequestItems: { [table]: { Keys: asked, ConsistentRead: consistent } } }),
        ),
      );
      items.push(...(answer.Responses?.[table] ?? []));
      pending = answer.UnprocessedKeys?.[table]?.Keys;
    }
  });
  return items;
}

/** DynamoDB takes at most 25 items per BatchWriteItem. */
const BATCH_WRITE_LIMIT = 25;

/** Puts many items, 25 a request, a few requests at once; what DynamoDB leaves unprocessed is sent again after a pause. */
export const putAll = (
  db: DynamoDBDocumentClient,
  table: string,
  items: readonly Record<string, unknown>[],
  inFlight = 4,
) =>
  writeAll(
    db,
    table,
    items.map((Item) => ({ PutRequest: { Item } })),
    inFlight,
  );

/** Deletes many items by key, as putAll puts them. */
export const deleteAll = (
  db: DynamoDBDocumentClient,
  table: string,
  keys: readonly { pk: string; sk: string }[],
) =>
  writeAll(
    db,
    table,
    keys.map((Key) => ({ DeleteRequest: { Key } })),
    4,
  );

async function writeAll(
  db: DynamoDBDocumentClient,
  table: string,
  requests: readonly Record<string, unknown>[],
  inFlight: number,
): Promise<void> {
  const chunks = Array.from({ length: Math.ceil(requests.length / BATCH_WRITE_LIMIT) }, (_, i) =>
    requests.slice(i * BATCH_WRITE_LIMIT, (i + 1) * BATCH_WRITE_LIMIT),
  );
  await inParallel(chunks, inFlight, async (chunk) => {
    let pending: readonly Record<string, unknown>[] | undefined = chunk;
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const asked = pending;
      const answer = await transientAsBusy(() =>
        db.send(new BatchWriteCommand({ RequestItems: { [table]: asked as never } })),
      );
      pending = answer.UnprocessedItems?.[table] as Record<string, unknown>[] | undefined;
    }
  });
}

/**
 * A page's end as the client's `cursor`: the query's LastEvaluatedKey, opaque to the client. One given
 * back must be such a key of the same query (the table's keys, the index's partition, a sort key
 * inside the range), so a forged or borrowed one is a 400, never a 500 nor another query's page.
 */
export const encodeCursor = (key: Record<string, unknown>) =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor(
  cursor: string,
  query: { partition: [attribute: string, value: string]; sortKey: [attribute: string, prefix: string] },
): Record<string, string> {
  const [pkName, pkValue] = query.partition;
  const [skName, skPrefix] = query.sortKey;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const names = Object.keys(key).sort();
    const expected = [...new Set(['pk', 'sk', pkName, skName])].sort();
    if (
      names.join() === expected.join() &&
      Object.values(key).every((value) => typeof value === 'string') &&
      key[pkName] === pkValue &&
      String(key[skName]).startsWith(skPrefix)
    )
      return key as Record<string, string>;
  } catch {
    // fall through to the refusal
  }
  throw invalid([{ field: 'cursor', message: 'is not a cursor this search gave' }]);
}
