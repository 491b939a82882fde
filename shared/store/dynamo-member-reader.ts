import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Member } from '../members/member.ts';
import type { MemberReader } from '../members/member-store.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { getAll, transientAsBusy, withoutStorage } from './dynamo.ts';
import { memberKey } from './keys.ts';

export const memberOf = (item: Record<string, unknown>): Member => withoutStorage<Member>(item);
const isProfile = (item: Record<string, unknown> | undefined) => item?.type === ITEM_TYPES.member;

/** Profiles read by key: a class of its own so that a function that only reads members carries no more. */
export class DynamoMemberReader implements MemberReader {
  constructor(
    protected readonly db: DynamoDBDocumentClient,
    protected readonly table: string,
  ) {}

  async get(customerNumber: string): Promise<Member | undefined> {
    const { Item } = await transientAsBusy(() =>
      this.db.send(
        new GetCommand({ TableName: this.table, Key: memberKey(customerNumber), ConsistentRead: true }),
      ),
    );
    return isProfile(Item) ? memberOf(Item!) : undefined;
  }

  async getMany(customerNumbers: readonly string[]): Promise<Map<string, Member>> {
    const members = new Map<string, Member>();
    const items = await getAll(this.db, this.table, [...new Set(customerNumbers)].map(memberKey), true);
    for (const item of items.filter(isProfile)) {
      const member = memberOf(item);
      members.set(member.customerNumber, member);
    }
    return members;
  }
}
