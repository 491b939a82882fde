import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LinkAttemptRule, LinkAttempts } from '../accounts/link-attempts.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { conditionalWrite, deleteAll } from './dynamo.ts';
import { linkAttemptsKey } from './keys.ts';

/**
 * One counter item per account or card, counted by conditional updates: the count starts afresh when
 * the last attempt is older than the lock, goes up by one while attempts are left, and is refused once
 * they are used, answering when the lock ends (`expiresAt`, also the item's TTL).
 */
export class DynamoLinkAttempts implements LinkAttempts {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async begin(counted: readonly string[], rule: LinkAttemptRule, now: Date): Promise<{ lockedUntil?: Date }> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const until = nowSeconds + Math.ceil(rule.lockMs / 1000);
    // Each counted thing on its own item, all at once: the lock ends when the last of them ends.
    const ends = await Promise.all(
      counted.map(async (what) => {
        const update = (expression: string, condition: string, values: Record<string, number>) =>
          conditionalWrite(
            this.db,
            new UpdateCommand({
              TableName: this.table,
              Key: linkAttemptsKey(what),
              UpdateExpression: `SET #type = :type, expiresAt = :until, ${expression}`,
              ConditionExpression: condition,
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: {
                ':type': ITEM_TYPES.linkAttempts,
                ':one': 1,
                ':until': until,
                ...values,
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
          );
        // The first attempt, or the first after the count lapsed (TTL deletes late): the count starts at one.
        const counting = await update(
          'attempts = :one',
          'attribute_not_exists(attempts) OR expiresAt < :now',
          {
            ':now': nowSeconds,
          },
        );
        if (!counting) return undefined;
        const refused = await update('attempts = attempts + :one', 'attempts < :max', {
          ':max': rule.attempts,
        });
        return refused ? Number(refused[0]?.item?.expiresAt ?? until) : undefined;
      }),
    );
    const locked = ends.filter((end): end is number => end !== undefined);
    const lockedUntil = locked.length ? Math.max(...locked) : undefined;
    return lockedUntil === undefined ? {} : { lockedUntil: new Date(lockedUntil * 1000) };
  }

  async forget(counted: readonly string[]): Promise<void> {
    await deleteAll(this.db, this.table, counted.map(linkAttemptsKey));
  }
}
