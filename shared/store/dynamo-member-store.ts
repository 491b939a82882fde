import { ACCOUNT_NOTICE_JOB } from '../accounts/notices.ts';
import { accountNoticeItem } from './dynamo-account-notices.ts';
import { jobRequestItem } from './dynamo-job-requests.ts';
import { ITEM_TYPES, uniqueKeyType } from '../privacy/item-types.ts';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { config } from '../config.ts';
import type { Member } from '../members/member.ts';
import { isMarketingConsent, type ConsentEvent } from '../consents/purposes.ts';
import {
  audienceIndex,
  withdrawnIndex,
  auditPartition,
  consentKey,
  consentLogKey,
  consentLogRange,
  cardKey,
  legacyKey,
  cardOrderKey,
  accountKey,
  jobRequestKey,
  emailKey,
  memberKey,
  mobileKey,
  pendingCardOrderIndex,
  registrationReplayKey,
  erasureDueIndex,
  memberRefIndex,
  nameSearchIndex,
  workItemKey,
  PROFILE_SK,
  type ItemKey,
} from './keys.ts';
import type {
  MemberChange,
  MemberLookup,
  MemberStore,
  SaveOutcome,
  CardHolder,
} from '../members/member-store.ts';
import type { AuditEntry } from '../members/audit-entry.ts';
import { PROFILE_REF, profileStateQueues } from '../queues/work-queue.ts';
import { profileWorkItemRecord } from './dynamo-work-queue-store.ts';
import {
  conditionalWrite,
  queryPages,
  scanPages,
  transientAsBusy,
  withoutStorage,
  type Refused,
  type TransactItem,
} from './dynamo.ts';
import type { ChainedAuditEntry } from '../members/audit-chain.ts';
import { DynamoMemberReader, memberOf } from './dynamo-member-reader.ts';
import { chainedAuditPut, withChainedEntry } from './dynamo-audit.ts';
import { erasureDueOn } from '../privacy/erasure-due.ts';

/** What each transaction item guards, so a cancellation reason can be told back as an outcome. */
type Guard =
  'profile' | 'email' | 'mobile' | 'account' | 'card' | 'legacy' | 'replay' | 'audit' | 'work' | 'other';

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

/** Why the profile refused a save: another version, a member being erased, or a number already drawn. */
function profileRefused(change: MemberChange, old: Record<string, unknown> | undefined): SaveOutcome {
  if (!change.before) return { outcome: 'customer-number-taken' };
  return old?.type === ITEM_TYPES.member ? { outcome: 'stale' } : { outcome: 'gone' };
}

export class DynamoMemberStore extends DynamoMemberReader implements MemberStore {
  async find(lookup: MemberLookup): Promise<string | undefined> {
    const key =
      'email' in lookup
        ? emailKey(lookup.email)
        : 'mobile' in lookup
          ? mobileKey(lookup.mobile)
          : 'legacyNumber' in lookup
            ? legacyKey(lookup.legacyNumber)
            : 'account' in lookup
              ? accountKey(lookup.account)
              : cardKey(lookup.cardNumber);
    const { Item } = await transientAsBusy(() =>
      this.db.send(
        new GetCommand({ TableName: this.table, Key: key, ProjectionExpression: 'customerNumber' }),
      ),
    );
    return Item?.customerNumber as string | undefined;
  }

  /**
   * The entry as the next link of the member's chain. Readers of one member race for the chain's next
   * place (a conditional put); a loser links after the entry that took the place, which the refused
   * put answers with, so every reader gets its entry however many read at once.
   */
  async cardHolder(cardNumber: string): Promise<CardHolder | undefined> {
    const { Item } = await transientAsBusy(() =>
      this.db.send(
        new GetCommand({
          TableName: this.table,
          Key: cardKey(cardNumber),
          ProjectionExpression: 'customerNumber, blockedAt',
        }),
      ),
    );
    return Item
      ? {
          customerNumber: String(Item.customerNumber),
          ...(Item.blockedAt ? { blockedAt: String(Item.blockedAt) } : {}),
        }
      : undefined;
  }

  async audit(entry: AuditEntry): Promise<void> {
    const written = await withChainedEntry(this.db, this.table, entry.customerNumber, async (head) => {
      const put = await chainedAuditPut(this.table, entry, head);
      const refused = await conditionalWrite(
        this.db,
        new PutCommand({ ...put, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
      );
      return refused ? { raced: true, taken: refused[0]?.item } : { raced: false, value: put.Item };
    });
    await this.takeBackIfErasing(entry.customerNumber, written);
  }

  /** An erasure that began while the entry was on its way may have missed it: the entry goes then. */
  private async takeBackIfErasing(customerNumber: string, written: ItemKey): Promise<void> {
    if (await this.get(customerNumber)) return;
    const key = { pk: written.pk, sk: written.sk };
    await transientAsBusy(() => this.db.send(new DeleteCommand({ TableName: this.table, Key: key })));
  }

  async consentHistory(customerNumber: string): Promise<ConsentEvent[]> {
    const range = consentLogRange(customerNumber);
    return this.all<ConsentEvent>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': range.pk, ':prefix': range.skPrefix },
    });
  }

  async auditTrail(customerNumber: string): Promise<ChainedAuditEntry[]> {
    return this.all<ChainedAuditEntry>({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': auditPartition(customerNumber) },
    });
  }

  async *everyMember(): AsyncIterable<Member[]> {
    const pages = scanPages(this.db, {
      TableName: this.table,
      FilterExpression: 'sk = :profile AND #type = :member',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':profile': PROFILE_SK, ':member': ITEM_TYPES.member },
    });
    for await (const page of pages) {
      if (page.Items?.length) yield page.Items.map(memberOf);
    }
  }

  async reindex(member: Member): Promise<boolean> {
    const n = member.customerNumber;
    const index = nameSearchIndex(member);
    const names = Object.keys(index);
    // Only a member still a member, and only where the index differs: a second run writes nothing.
    const refused = await conditionalWrite(
      this.db,
      new UpdateCommand({
        TableName: this.table,
        Key: memberKey(n),
        UpdateExpression: `SET ${names.map((name) => `${name} = :${name}`).join(', ')}`,
        ConditionExpression: `#type = :member AND NOT (${names.map((name) => `${name} = :${name}`).join(' AND ')})`,
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':member': ITEM_TYPES.member,
          ...Object.fromEntries(Object.entries(index).map(([name, value]) => [`:${name}`, value])),
        },
      }),
    );
    const missing = await Promise.all(
      profileStateQueues(member).map(
        async (queue) =>
          !(await conditionalWrite(
            this.db,
            new PutCommand({
              TableName: this.table,
              Item: profileWorkItemRecord(member, queue),
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          )),
      ),
    );
    const changed = !refused || missing.some(Boolean);
    return changed;
  }

  /** Every item a key condition selects, in sort-key order, as the domain sees them. */
  private async all<T>(
    query: Pick<QueryCommandInput, 'KeyConditionExpression' | 'ExpressionAttributeValues'>,
  ): Promise<T[]> {
    const items: T[] = [];
    for await (const page of queryPages(this.db, { TableName: this.table, ...query })) {
      items.push(...(page.Items ?? []).map((item) => withoutStorage<T>(item)));
    }
    return items;
  }

  async save(change: MemberChange): Promise<SaveOutcome> {
    const n = change.after.customerNumber;
    return withChainedEntry<SaveOutcome>(
      this.db,
      this.table,
      n,
      async (head) => {
        const { items, guards } = await this.transaction(change, head);
        // The profile alone needs no transaction: one conditional put, at half a transaction's capacity.
        const refused = await conditionalWrite(
          this.db,
          items.length === 1 && items[0]!.Put
            ? new PutCommand(items[0]!.Put)
            : new TransactWriteCommand({ TransactItems: items }),
        );
        const outcome = refused
          ? await this.outcomeOfRefusal(change, guards, refused)
          : { outcome: 'saved' as const };
        return outcome === 'audit-raced'
          ? { raced: true as const }
          : { raced: false as const, value: outcome };
      },
      // A new member's chain starts empty.
      change.before ? 'existing' : 'new',
    );
  }

  private async transaction(change: MemberChange, head: ChainedAuditEntry | undefined) {
    const { before, after } = change;
    const items: TransactItem[] = [];
    const guards: Guard[] = [];
    const add = (guard: Guard, item: TransactItem) => {
      items.push(item);
      guards.push(guard);
    };
    const Table = this.table;
    const n = after.customerNumber;

    add('profile', {
      Put: {
        TableName: Table,
        Item: {
          ...memberKey(n),
          ...(erasureDueOn(after) ? erasureDueIndex(erasureDueOn(after)!, n) : {}),
          ...nameSearchIndex(after),
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
    });
    const unique = (field: 'email' | 'mobile' | 'account', keyOf: (value: string) => ItemKey) => {
      const was = before?.[field];
      const now = after[field];
      if (was === now) return;
      if (was) {
        add('other', {
          Delete: {
            TableName: Table,
            Key: keyOf(was),
            ConditionExpression: 'customerNumber = :n',
            ExpressionAttributeValues: { ':n': n },
          },
        });
      }
      if (now) {
        add(field, {
          Put: {
            TableName: Table,
            Item: {
              ...keyOf(now),
              ...memberRefIndex(n, uniqueKeyType(field)),
              type: uniqueKeyType(field),
              customerNumber: n,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        });
      }
    };
    unique('email', emailKey);
    unique('mobile', mobileKey);
    unique('account', accountKey);

    // A queue that mirrors the member's state gains or loses the member with the change itself.
    const was = new Set(before ? profileStateQueues(before) : []);
    const now = new Set(profileStateQueues(after));
    for (const queue of now)
      if (!was.has(queue))
        add('other', { Put: { TableName: Table, Item: profileWorkItemRecord(after, queue) } });
    for (const queue of was)
      if (!now.has(queue))
        add('other', { Delete: { TableName: Table, Key: workItemKey(n, queue, PROFILE_REF) } });
    if (change.resolveWork) {
      add('work', {
        Delete: {
          TableName: Table,
          Key: workItemKey(n, change.resolveWork.queue, change.resolveWork.ref),
          ConditionExpression: 'attribute_exists(pk)',
        },
      });
    }

    if (change.blockCard) {
      add('other', {
        Update: {
          TableName: Table,
          Key: cardKey(change.blockCard),
          UpdateExpression: 'SET blockedAt = :at',
          ConditionExpression: 'customerNumber = :n',
          ExpressionAttributeValues: { ':at': after.updatedAt, ':n': n },
        },
      });
    }
    if (change.cancelCardOrder) {
      add('other', {
        Update: {
          TableName: Table,
          Key: cardOrderKey(n, change.cancelCardOrder),
          UpdateExpression: 'SET #status = :cancelled, cancelledAt = :at REMOVE gsi1pk, gsi1sk',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'CANCELLED', ':at': after.updatedAt },
        },
      });
    }
    if (change.placeCardOrder) {
      const order = change.placeCardOrder;
      add('other', {
        Put: {
          TableName: Table,
          Item: {
            ...cardOrderKey(n, order.orderedAt),
            ...pendingCardOrderIndex(order.orderedAt, n),
            type: ITEM_TYPES.cardOrder,
            status: 'PENDING',
            ...order,
          },
        },
      });
    }
    for (const event of change.consentEvents ?? []) {
      const { previously: _previously, ...consent } = event;
      const marketing = isMarketingConsent(event.purpose);
      add('other', {
        Put: {
          TableName: Table,
          Item: {
            ...consentKey(n, event.purpose),
            ...(marketing ? (event.granted ? audienceIndex : withdrawnIndex)(event.purpose, n) : {}),
            type: ITEM_TYPES.consent,
            ...consent,
          },
        },
      });
      add('other', {
        Put: {
          TableName: Table,
          Item: { ...consentLogKey(n, event.at, event.purpose), type: ITEM_TYPES.consentEvent, ...event },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    // A moved-in member's earlier number and produced card: each names one member only.
    const claim = (guard: Guard, key: ItemKey, what: string, type: string, extra: Record<string, unknown>) =>
      add(guard, {
        Put: {
          TableName: Table,
          Item: { ...key, ...memberRefIndex(n, what), type, customerNumber: n, ...extra },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    if (change.legacyNumber) {
      claim('legacy', legacyKey(change.legacyNumber), 'legacy-number', ITEM_TYPES.legacyNumber, {});
    }
    if (change.linkCard) {
      claim('card', cardKey(change.linkCard), 'card', ITEM_TYPES.card, {
        cardType: after.card.type,
        since: after.updatedAt,
      });
    }
    // Each notice and the request for its sending go with the change, or not at all.
    for (const notice of change.notices ?? []) {
      add('other', { Put: { TableName: Table, Item: accountNoticeItem(n, notice) } });
      add('other', {
        Put: {
          TableName: Table,
          Item: jobRequestItem(
            jobRequestKey(ACCOUNT_NOTICE_JOB, notice.id),
            {
              job: ACCOUNT_NOTICE_JOB,
              input: { notice: notice.id },
              ...(change.audit
                ? {
                    requestedBy: {
                      actor: change.audit.actor,
                      role: change.audit.role,
                      requestId: change.audit.requestId,
                    },
                  }
                : {}),
            },
            new Date(notice.at),
          ),
        },
      });
    }
    if (change.replay) {
      add('replay', {
        Put: {
          TableName: Table,
          Item: {
            ...registrationReplayKey(change.replay.actor, change.replay.key),
            ...memberRefIndex(n, 'registration-replay'),
            type: ITEM_TYPES.registrationReplay,
            customerNumber: n,
            fingerprint: change.replay.fingerprint,
            expiresAt: Math.floor(Date.parse(after.updatedAt) / 1000) + config.idempotencyHours * 3600,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    if (change.audit) {
      add('audit', { Put: await chainedAuditPut(Table, change.audit, head) });
    }
    return { items, guards };
  }

  private async outcomeOfRefusal(
    change: MemberChange,
    guards: Guard[],
    refused: Refused,
  ): Promise<SaveOutcome | 'audit-raced'> {
    const failed = refused.flatMap((reason, i) => (reason.failed ? [guards[i]] : []));
    // The replay key is checked first: a repeated registration also collides on its own email.
    if (failed.includes('replay') && change.replay) {
      const { Item } = await transientAsBusy(() =>
        this.db.send(
          new GetCommand({
            TableName: this.table,
            Key: registrationReplayKey(change.replay!.actor, change.replay!.key),
            ConsistentRead: true,
          }),
        ),
      );
      if (Item) {
        return {
          outcome: 'replayed',
          customerNumber: Item.customerNumber as string,
          fingerprint: String(Item.fingerprint ?? ''),
        };
      }
    }
    if (failed.includes('profile')) return profileRefused(change, refused[guards.indexOf('profile')]?.item);
    if (failed.includes('legacy')) {
      return {
        outcome: 'already-imported',
        customerNumber: (await this.find({ legacyNumber: change.legacyNumber! }))!,
      };
    }
    if (failed.includes('email')) return { outcome: 'duplicate', field: 'email' };
    if (failed.includes('mobile')) return { outcome: 'duplicate', field: 'mobile' };
    if (failed.includes('account')) return { outcome: 'account-taken' };
    if (failed.includes('card')) return { outcome: 'duplicate', field: 'card' };
    if (failed.includes('work')) return { outcome: 'work-gone' };
    if (failed.includes('audit')) return 'audit-raced';
    throw new Error(`member save refused by ${failed.join(', ')}`);
  }
}
