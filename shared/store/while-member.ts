import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inParallel } from '../concurrency.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { StoreBusy } from '../refusal.ts';
import { conditionalWrite, type TransactItem } from './dynamo.ts';
import { memberKey } from './keys.ts';

/** A transaction's check that the member is a member still (not being erased): nothing of theirs lands after. */
export const stillAMember = (table: string, customerNumber: string): TransactItem => ({
  ConditionCheck: {
    TableName: table,
    Key: memberKey(customerNumber),
    ConditionExpression: '#type = :member',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':member': ITEM_TYPES.member },
  },
});

/** 100 actions a transaction: each item and its member's check. */
const MEMBERS_PER_TRANSACTION = 50;
const CONTENDED_ATTEMPTS = 5;

export interface WhileMembers {
  /** The members whose items were written. */
  written: Set<string>;
  /** With `onlyNew`: the items that were there already, as stored. */
  existing: Record<string, unknown>[];
  /** The members whose erasure has begun: nothing of theirs was written. */
  gone: Set<string>;
}

/**
 * Puts items about members, each in the same transaction as a check that its member is still a
 * member: an erasure lists the member's items after it marks the profile, so an item written
 * unchecked after that would outlive the erasure. With `onlyNew`, an item already there is left as
 * it is (and answered). A transaction refused for some is sent again without them.
 */
export async function putWhileMembers(
  db: DynamoDBDocumentClient,
  table: string,
  items: readonly { customerNumber: string; item: Record<string, unknown> }[],
  { onlyNew = false } = {},
): Promise<WhileMembers> {
  const answer: WhileMembers = { written: new Set(), existing: [], gone: new Set() };
  const chunks = Array.from({ length: Math.ceil(items.length / MEMBERS_PER_TRANSACTION) }, (_, i) =>
    items.slice(i * MEMBERS_PER_TRANSACTION, (i + 1) * MEMBERS_PER_TRANSACTION),
  );
  await inParallel(chunks, 4, async (chunk) => {
    let pending = chunk;
    for (let contended = 0; pending.length > 0;) {
      const actions: TransactItem[] = pending.flatMap(({ customerNumber, item }) => [
        {
          Put: {
            TableName: table,
            Item: item,
            ...(onlyNew
              ? {
                  ConditionExpression: 'attribute_not_exists(pk)',
                  ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
                }
              : {}),
          },
        },
        stillAMember(table, customerNumber),
      ]);
      let refused;
      try {
        refused = await conditionalWrite(db, new TransactWriteCommand({ TransactItems: actions }));
      } catch (error) {
        // Another transaction on one of these profiles: nothing was written, so it may be sent again.
        if (!(error instanceof StoreBusy) || ++contended >= CONTENDED_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** contended * Math.random()));
        continue;
      }
      if (!refused) {
        for (const { customerNumber } of pending) answer.written.add(customerNumber);
        return;
      }
      pending = pending.filter(({ customerNumber }, i) => {
        const [put, member] = [refused[2 * i], refused[2 * i + 1]];
        if (member?.failed) answer.gone.add(customerNumber);
        else if (put?.failed) answer.existing.push(put.item ?? {});
        return !member?.failed && !put?.failed;
      });
    }
  });
  return answer;
}
