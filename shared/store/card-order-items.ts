import { CARD_NOT_RECEIVED } from '../members/member.ts';
import type { AckEffect, StoredCardOrder } from '../cards/card-store.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { PROFILE_REF } from '../queues/work-queue.ts';
import { workItemRecord } from './dynamo-work-queue-store.ts';
import type { TransactItem } from './dynamo.ts';
import { cardKey, cardOrderKey, memberKey, memberRefIndex, workItemKey } from './keys.ts';
import { stillAMember } from './while-member.ts';

/** The profile follows its current order: only while the member has not ordered another card since, nor is being erased. */
export const profileCardUpdate = (
  table: string,
  order: StoredCardOrder,
  set: string,
  values: Record<string, unknown>,
  names: Record<string, string> = {},
): TransactItem => ({
  Update: {
    TableName: table,
    Key: memberKey(order.customerNumber),
    UpdateExpression: `SET ${set}, #version = #version + :one, updatedAt = :at`,
    ConditionExpression: 'card.orderedAt = :orderedAt AND #type = :member',
    ExpressionAttributeNames: { '#version': 'version', '#type': 'type', ...names },
    ExpressionAttributeValues: {
      ':one': 1,
      ':orderedAt': order.orderedAt,
      ':member': ITEM_TYPES.member,
      ...values,
    },
  },
});

/**
 * What one acknowledgement line writes, in one transaction with its audit entry: the order's new
 * status (once per line), then the member's card and the work queues that follow it, or a check that
 * the member is a member still, and the cards the tills resolve. The order comes first and the member
 * second, so that a refusal tells which of them refused.
 */
export function ackItems(table: string, effect: AckEffect): TransactItem[] {
  const { order, at } = effect;
  const items: TransactItem[] = [
    {
      Update: {
        TableName: table,
        Key: cardOrderKey(order.customerNumber, order.orderedAt),
        // Answered: off the overdue queue.
        UpdateExpression: `SET #status = :status, #statusAt = :at${effect.cardNumber ? ', cardNumber = :cardNumber' : ''}${effect.reason ? ', reason = :reason' : ''} REMOVE gsi2pk, gsi2sk ADD appliedAcks :keys`,
        ConditionExpression: 'attribute_exists(pk) AND NOT contains(appliedAcks, :key)',
        ExpressionAttributeNames: { '#status': 'status', '#statusAt': `${effect.status.toLowerCase()}At` },
        ExpressionAttributeValues: {
          ':status': effect.status,
          ':at': at,
          ':key': effect.lineKey,
          ':keys': new Set([effect.lineKey]),
          ...(effect.cardNumber ? { ':cardNumber': effect.cardNumber } : {}),
          ...(effect.reason ? { ':reason': effect.reason } : {}),
        },
      },
    },
  ];
  if (effect.updatesProfile) {
    const set = ['card.#status = :status'];
    const values: Record<string, unknown> = { ':status': effect.status, ':at': at };
    if (effect.cardNumber) {
      set.push('card.cardNumber = :cardNumber');
      values[':cardNumber'] = effect.cardNumber;
    }
    if (effect.addressDoubtful) {
      set.push('flags.addressDoubtful = :true');
      values[':true'] = true;
    }
    items.push(profileCardUpdate(table, order, set.join(', '), values, { '#status': 'status' }));
    // The work queues that mirror the card's status and the address flag follow the answer.
    const n = order.customerNumber;
    const returned = CARD_NOT_RECEIVED.has(effect.status);
    items.push(
      returned
        ? {
            Put: {
              TableName: table,
              Item: workItemRecord({
                queue: 'card-returned',
                customerNumber: n,
                since: at,
                ref: PROFILE_REF,
                reason: effect.status,
              }),
            },
          }
        : { Delete: { TableName: table, Key: workItemKey(n, 'card-returned', PROFILE_REF) } },
    );
    if (effect.addressDoubtful)
      items.push({
        Put: {
          TableName: table,
          Item: workItemRecord({
            queue: 'address-doubtful',
            customerNumber: n,
            since: at,
            ref: PROFILE_REF,
          }),
        },
      });
  } else {
    // Nothing lands for a member being erased: a card linked now would outlive the erasure.
    items.push(stillAMember(table, order.customerNumber));
  }
  if (effect.linkCard) {
    items.push({
      Put: {
        TableName: table,
        Item: {
          ...cardKey(effect.linkCard),
          ...memberRefIndex(order.customerNumber, 'card'),
          type: ITEM_TYPES.card,
          customerNumber: order.customerNumber,
          cardType: order.cardType,
          since: at,
        },
      },
    });
  }
  if (effect.unlinkCard && effect.unlinkCard !== effect.linkCard) {
    items.push({ Delete: { TableName: table, Key: cardKey(effect.unlinkCard) } });
  }
  return items;
}
