import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config, epochSecondsAfterMonths } from '../config.ts';
import { linkAfter, type ChainedAuditEntry } from '../members/audit-chain.ts';
import type { AuditEntry } from '../members/audit-entry.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { StoreBusy } from '../refusal.ts';
import { conditionalWrite, transientAsBusy, type Refused, type TransactItem } from './dynamo.ts';
import { auditKey, auditPartition } from './keys.ts';

/**
 * A write that lost the race for the chain's next place tries again, after a short random pause
 * that grows with each attempt, so that dozens of writers of one member's chain all get through.
 */
const CHAIN_ATTEMPTS = 40;
const chainPause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 5 * attempt)));

/** The newest entry of the member's chain, if any. */
export async function auditHead(
  db: DynamoDBDocumentClient,
  table: string,
  customerNumber: string,
): Promise<ChainedAuditEntry | undefined> {
  const { Items } = await transientAsBusy(() =>
    db.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditPartition(customerNumber) },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    ),
  );
  return Items?.[0] as ChainedAuditEntry | undefined;
}

/** A put of the entry linked after the head: it lands only if nobody took that place first. */
export async function chainedAuditPut(table: string, entry: AuditEntry, head: ChainedAuditEntry | undefined) {
  const link = await linkAfter(entry, head);
  return {
    TableName: table,
    Item: {
      ...auditKey(entry.customerNumber, link.seq),
      type: ITEM_TYPES.audit,
      ...link,
      expiresAt: epochSecondsAfterMonths(new Date(entry.at), config.retention.auditMonths),
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

type ChainedAttempt<T> = { raced: false; value: T } | { raced: true; taken?: Record<string, unknown> };

/**
 * Runs a write that carries an audit entry until it lands: `attempt` sends it with the entry linked
 * after the head it is given; while only the entry's place was taken (`raced`), it tries again after
 * the entry that took it (or a fresh head). A new member's chain is known to be empty: no query first.
 */
export async function withChainedEntry<T>(
  db: DynamoDBDocumentClient,
  table: string,
  customerNumber: string,
  attempt: (head: ChainedAuditEntry | undefined) => Promise<ChainedAttempt<T>>,
  chain: 'existing' | 'new' = 'existing',
): Promise<T> {
  let head = chain === 'new' ? undefined : await auditHead(db, table, customerNumber);
  for (let n = 1; ; n++) {
    const outcome = await attempt(head);
    if (!outcome.raced) return outcome.value;
    if (n === CHAIN_ATTEMPTS) throw new StoreBusy();
    head = (outcome.taken as ChainedAuditEntry | undefined) ?? (await auditHead(db, table, customerNumber));
    await chainPause(n);
  }
}

/**
 * The items in one transaction with the member's audit entry as the chain's next link: what refused
 * them, if anything did but the entry's place (taken meanwhile: linked again after it).
 */
export function writeWithAuditEntry(
  db: DynamoDBDocumentClient,
  table: string,
  audit: AuditEntry,
  items: readonly TransactItem[],
): Promise<Refused | undefined> {
  return withChainedEntry<Refused | undefined>(db, table, audit.customerNumber, async (head) => {
    const entry = await chainedAuditPut(table, audit, head);
    const refused = await conditionalWrite(
      db,
      new TransactWriteCommand({
        TransactItems: [...items, { Put: { ...entry, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } }],
      }),
    );
    const onlyTheEntry = refused && refused.slice(0, items.length).every((reason) => !reason.failed);
    return onlyTheEntry
      ? { raced: true, taken: refused[items.length]?.item }
      : { raced: false, value: refused };
  });
}
