import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ConsentEvent } from '../consents/purposes.ts';
import type { ChainedAuditEntry } from '../members/audit-chain.ts';
import type { AuditEntry } from '../members/audit-entry.ts';
import type { Member } from '../members/member.ts';
import type {
  CardHolder,
  MemberChange,
  MemberLookup,
  MemberStore,
  SaveOutcome,
} from '../members/member-store.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { profileStateQueues } from '../queues/work-queue.ts';
import { chainedAuditPut, withChainedEntry } from './dynamo-audit.ts';
import { DynamoMemberReader, memberOf } from './dynamo-member-reader.ts';
import { profileWorkItemRecord } from './dynamo-work-queue-store.ts';
import { conditionalWrite, queryPages, scanPages, transientAsBusy, withoutStorage } from './dynamo.ts';
import {
  accountKey,
  auditPartition,
  cardKey,
  consentLogRange,
  emailKey,
  legacyKey,
  memberKey,
  mobileKey,
  PROFILE_SK,
  type ItemKey,
} from './keys.ts';
import { memberChangeItems, profileIndexes } from './member-change-items.ts';
import { saveRefusal } from './member-save-refusal.ts';

/** Members' profiles and all that a change of one writes with it, through one transaction a change. */
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

  /**
   * The entry as the next link of the member's chain. Readers of one member race for the chain's next
   * place (a conditional put); a loser links after the entry that took the place, which the refused
   * put answers with, so every reader gets its entry however many read at once.
   */
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

  async reindex(member: Member, dryRun = false): Promise<boolean> {
    const n = member.customerNumber;
    const index = profileIndexes(member);
    if (dryRun) return this.wouldReindex(member, index);
    const names = Object.keys(index);
    // Only a member still a member at the version read (a change since derived its own indexes, an
    // erasure falling due among them), and only where the index differs: a second run writes nothing.
    const refused = await conditionalWrite(
      this.db,
      new UpdateCommand({
        TableName: this.table,
        Key: memberKey(n),
        UpdateExpression: `SET ${names.map((name) => `${name} = :${name}`).join(', ')}`,
        ConditionExpression: `#type = :member AND #version = :version AND NOT (${names.map((name) => `${name} = :${name}`).join(' AND ')})`,
        ExpressionAttributeNames: { '#type': 'type', '#version': 'version' },
        ExpressionAttributeValues: {
          ':member': ITEM_TYPES.member,
          ':version': member.version,
          ...Object.fromEntries(Object.entries(index).map(([name, value]) => [`:${name}`, value])),
        },
      }),
    );
    // A work item missing, or one whose reason is not the member's now (made before reasons were kept).
    const missing = await Promise.all(
      profileStateQueues(member).map(async (queue) => {
        const item = profileWorkItemRecord(member, queue);
        return !(await conditionalWrite(
          this.db,
          new PutCommand({
            TableName: this.table,
            Item: item,
            ...(item.reason === undefined
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression:
                    'attribute_not_exists(pk) OR attribute_not_exists(#reason) OR #reason <> :reason',
                  ExpressionAttributeNames: { '#reason': 'reason' },
                  ExpressionAttributeValues: { ':reason': item.reason },
                }),
          }),
        ));
      }),
    );
    const changed = !refused || missing.some(Boolean);
    return changed;
  }

  /** What reindex would write: the profile's index attributes differ, or a work item is missing or has another reason. */
  private async wouldReindex(member: Member, index: Record<string, string>): Promise<boolean> {
    const stored = await this.storedAttributes(memberKey(member.customerNumber), Object.keys(index));
    if (stored?.type !== ITEM_TYPES.member) return false;
    if (Object.entries(index).some(([name, value]) => stored[name] !== value)) return true;
    const items = profileStateQueues(member).map((queue) => profileWorkItemRecord(member, queue));
    const found = await Promise.all(items.map(({ pk, sk }) => this.storedAttributes({ pk, sk }, ['reason'])));
    return found.some((item, i) => !item || item.reason !== items[i]!.reason);
  }

  private async storedAttributes(key: ItemKey, names: readonly string[]) {
    const { Item } = await transientAsBusy(() =>
      this.db.send(
        new GetCommand({
          TableName: this.table,
          Key: key,
          ProjectionExpression: ['#type', ...names.map((_, i) => `#n${i}`)].join(', '),
          ExpressionAttributeNames: {
            '#type': 'type',
            ...Object.fromEntries(names.map((name, i) => [`#n${i}`, name])),
          },
        }),
      ),
    );
    return Item;
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
        const { items, guards } = await memberChangeItems(this.table, change, head);
        // The profile alone needs no transaction: one conditional put, at half a transaction's capacity.
        const refused = await conditionalWrite(
          this.db,
          items.length === 1 && items[0]!.Put
            ? new PutCommand(items[0]!.Put)
            : new TransactWriteCommand({ TransactItems: items }),
        );
        const outcome = refused
          ? await saveRefusal(change, guards, refused, {
              db: this.db,
              table: this.table,
              find: (lookup) => this.find(lookup),
            })
          : { outcome: 'saved' as const };
        return outcome === 'audit-raced'
          ? { raced: true as const }
          : { raced: false as const, value: outcome };
      },
      // A new member's chain starts empty.
      change.before ? 'existing' : 'new',
    );
  }
}
