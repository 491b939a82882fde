import { ACCOUNT_NOTICE_JOB } from '../accounts/notices.ts';
import { config } from '../config.ts';
import { isMarketingConsent } from '../consents/purposes.ts';
import type { ChainedAuditEntry } from '../members/audit-chain.ts';
import type { Member } from '../members/member.ts';
import type { MemberChange } from '../members/member-store.ts';
import { erasureDueOn } from '../privacy/erasure-due.ts';
import { ITEM_TYPES, uniqueKeyType } from '../privacy/item-types.ts';
import {
  PROFILE_REF,
  profileStateQueues,
  profileStateReason,
  type ProfileStateQueue,
} from '../queues/work-queue.ts';
import { accountNoticeItem } from './dynamo-account-notices.ts';
import { chainedAuditPut } from './dynamo-audit.ts';
import { jobRequestItem } from './dynamo-job-requests.ts';
import { profileWorkItemRecord } from './dynamo-work-queue-store.ts';
import type { TransactItem } from './dynamo.ts';
import {
  accountKey,
  audienceIndex,
  cardKey,
  cardOrderKey,
  consentKey,
  consentLogKey,
  emailKey,
  erasureDueIndex,
  jobRequestKey,
  legacyKey,
  memberKey,
  memberRefIndex,
  mobileKey,
  nameSearchIndex,
  pendingCardOrderIndex,
  postAudienceIndex,
  registrationReplayKey,
  withdrawnIndex,
  workItemKey,
  type ItemKey,
} from './keys.ts';

/** What each transaction item guards, so a cancellation reason can be told back as an outcome. */
export type Guard =
  'profile' | 'email' | 'mobile' | 'account' | 'card' | 'legacy' | 'replay' | 'audit' | 'work' | 'other';

/** One item of a member's change, and what its condition guards. */
interface Guarded {
  guard: Guard;
  item: TransactItem;
}
const other = (item: TransactItem): Guarded => ({ guard: 'other', item });

/**
 * What a profile derives for its indexes: the name search, and on GSI1 its erasure's due date when
 * one is due, else the post audience (which a member whose erasure is due leaves anyway).
 */
export function profileIndexes(member: Member) {
  const n = member.customerNumber;
  const due = erasureDueOn(member);
  return { ...(due ? erasureDueIndex(due, n) : postAudienceIndex(n)), ...nameSearchIndex(member) };
}

/** The profile, with its indexes; a new member's number must be free, a known one still at the version read. */
function profile(table: string, { before, after }: MemberChange): Guarded {
  const n = after.customerNumber;
  return {
    guard: 'profile',
    item: {
      Put: {
        TableName: table,
        Item: {
          ...memberKey(n),
          ...profileIndexes(after),
          type: ITEM_TYPES.member,
          ...after,
        },
        // A member being erased takes no change: its erasure must not be undone by one that raced it.
        ...(before
          ? {
              ConditionExpression: '#version = :expected AND #type = :member',
              ExpressionAttributeNames: { '#version': 'version', '#type': 'type' },
              ExpressionAttributeValues: { ':expected': before.version, ':member': ITEM_TYPES.member },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    },
  };
}

/** An email, mobile or account that changed: the old value's key goes, the new one's is claimed. */
function uniqueKey(
  table: string,
  { before, after }: MemberChange,
  field: 'email' | 'mobile' | 'account',
  keyOf: (value: string) => ItemKey,
): Guarded[] {
  const n = after.customerNumber;
  const [was, now] = [before?.[field], after[field]];
  if (was === now) return [];
  return [
    ...(was
      ? [
          other({
            Delete: {
              TableName: table,
              Key: keyOf(was),
              ConditionExpression: 'customerNumber = :n',
              ExpressionAttributeValues: { ':n': n },
            },
          }),
        ]
      : []),
    ...(now
      ? [
          {
            guard: field,
            item: {
              Put: {
                TableName: table,
                Item: {
                  ...keyOf(now),
                  ...memberRefIndex(n, uniqueKeyType(field)),
                  type: uniqueKeyType(field),
                  customerNumber: n,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          },
        ]
      : []),
  ];
}

/** A queue that mirrors the member's state gains or loses the member with the change itself. */
function workItems(table: string, { before, after, resolveWork }: MemberChange): Guarded[] {
  const n = after.customerNumber;
  const was = new Set(before ? profileStateQueues(before) : []);
  const now = new Set(profileStateQueues(after));
  // An item whose reason changed (an order waiting for an address now waits for a name) is put again.
  const reasonChanged = (queue: ProfileStateQueue) =>
    profileStateReason(before!, queue) !== profileStateReason(after, queue);
  return [
    ...[...now]
      .filter((queue) => !was.has(queue) || reasonChanged(queue))
      .map((queue) => other({ Put: { TableName: table, Item: profileWorkItemRecord(after, queue) } })),
    ...[...was]
      .filter((queue) => !now.has(queue))
      .map((queue) => other({ Delete: { TableName: table, Key: workItemKey(n, queue, PROFILE_REF) } })),
    ...(resolveWork
      ? [
          {
            guard: 'work' as const,
            item: {
              Delete: {
                TableName: table,
                Key: workItemKey(n, resolveWork.queue, resolveWork.ref),
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
          },
        ]
      : []),
  ];
}

/** A card reported lost, and the card orders the change cancels or places. */
function cardItems(
  table: string,
  { after, blockCard, cancelCardOrder, placeCardOrder }: MemberChange,
): Guarded[] {
  const n = after.customerNumber;
  const items: TransactItem[] = [];
  if (blockCard) {
    items.push({
      Update: {
        TableName: table,
        Key: cardKey(blockCard),
        UpdateExpression: 'SET blockedAt = :at',
        ConditionExpression: 'customerNumber = :n',
        ExpressionAttributeValues: { ':at': after.updatedAt, ':n': n },
      },
    });
  }
  if (cancelCardOrder) {
    items.push({
      Update: {
        TableName: table,
        Key: cardOrderKey(n, cancelCardOrder),
        UpdateExpression: 'SET #status = :cancelled, cancelledAt = :at REMOVE gsi1pk, gsi1sk',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':cancelled': 'CANCELLED', ':at': after.updatedAt },
      },
    });
  }
  if (placeCardOrder) {
    items.push({
      Put: {
        TableName: table,
        Item: {
          ...cardOrderKey(n, placeCardOrder.orderedAt),
          ...pendingCardOrderIndex(placeCardOrder.orderedAt, n),
          type: ITEM_TYPES.cardOrder,
          status: 'PENDING',
          ...placeCardOrder,
        },
      },
    });
  }
  return items.map(other);
}

/** Each consent change: the purpose's current item replaced, and an event appended to its history. */
function consentItems(table: string, { after, consentEvents = [] }: MemberChange): Guarded[] {
  const n = after.customerNumber;
  return consentEvents.flatMap((event) => {
    const { previously: _previously, ...consent } = event;
    const marketing = isMarketingConsent(event.purpose);
    return [
      other({
        Put: {
          TableName: table,
          Item: {
            ...consentKey(n, event.purpose),
            ...(marketing ? (event.granted ? audienceIndex : withdrawnIndex)(event.purpose, n) : {}),
            type: ITEM_TYPES.consent,
            ...consent,
          },
        },
      }),
      other({
        Put: {
          TableName: table,
          Item: { ...consentLogKey(n, event.at, event.purpose), type: ITEM_TYPES.consentEvent, ...event },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      }),
    ];
  });
}

/** A moved-in member's earlier number and produced card: each names one member only. */
function claims(table: string, { after, legacyNumber, linkCard }: MemberChange): Guarded[] {
  const n = after.customerNumber;
  const claim = (guard: Guard, key: ItemKey, what: string, type: string, extra: Record<string, unknown>) => ({
    guard,
    item: {
      Put: {
        TableName: table,
        Item: { ...key, ...memberRefIndex(n, what), type, customerNumber: n, ...extra },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  });
  return [
    ...(legacyNumber
      ? [claim('legacy', legacyKey(legacyNumber), 'legacy-number', ITEM_TYPES.legacyNumber, {})]
      : []),
    ...(linkCard
      ? [
          claim('card', cardKey(linkCard), 'card', ITEM_TYPES.card, {
            cardType: after.card.type,
            since: after.updatedAt,
          }),
        ]
      : []),
  ];
}

/** Each notice and the request for its sending go with the change, or not at all. */
function noticeItems(table: string, { after, notices = [], audit }: MemberChange): Guarded[] {
  const requestedBy = audit
    ? { requestedBy: { actor: audit.actor, role: audit.role, requestId: audit.requestId } }
    : {};
  return notices.flatMap((notice) => [
    other({ Put: { TableName: table, Item: accountNoticeItem(after.customerNumber, notice) } }),
    other({
      Put: {
        TableName: table,
        Item: jobRequestItem(
          jobRequestKey(ACCOUNT_NOTICE_JOB, notice.id),
          { job: ACCOUNT_NOTICE_JOB, input: { notice: notice.id }, ...requestedBy },
          new Date(notice.at),
        ),
      },
    }),
  ]);
}

/** A registration's key, so that the same registration sent again answers with the member it made. */
function replayItem(table: string, { after, replay }: MemberChange): Guarded[] {
  if (!replay) return [];
  return [
    {
      guard: 'replay',
      item: {
        Put: {
          TableName: table,
          Item: {
            ...registrationReplayKey(replay.actor, replay.key),
            ...memberRefIndex(after.customerNumber, 'registration-replay'),
            type: ITEM_TYPES.registrationReplay,
            customerNumber: after.customerNumber,
            fingerprint: replay.fingerprint,
            expiresAt: Math.floor(Date.parse(after.updatedAt) / 1000) + config.idempotencyHours * 3600,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
  ];
}

/**
 * The items of one member's change, in one transaction: the profile, its unique keys, the work
 * queues and card orders it moves, consents, claims, notices, the registration's key, and the audit
 * entry linked after the chain's head. Each is told with what its condition guards.
 */
export async function memberChangeItems(
  table: string,
  change: MemberChange,
  head: ChainedAuditEntry | undefined,
): Promise<{ items: TransactItem[]; guards: Guard[] }> {
  const guarded: Guarded[] = [
    profile(table, change),
    ...uniqueKey(table, change, 'email', emailKey),
    ...uniqueKey(table, change, 'mobile', mobileKey),
    ...uniqueKey(table, change, 'account', accountKey),
    ...workItems(table, change),
    ...cardItems(table, change),
    ...consentItems(table, change),
    ...claims(table, change),
    ...noticeItems(table, change),
    ...replayItem(table, change),
    ...(change.audit
      ? [{ guard: 'audit' as const, item: { Put: await chainedAuditPut(table, change.audit, head) } }]
      : []),
  ];
  return { items: guarded.map(({ item }) => item), guards: guarded.map(({ guard }) => guard) };
}
