import { DeleteCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountNotice, AccountNotices } from '../accounts/notices.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { transientAsBusy, withoutStorage } from './dynamo.ts';
import { accountNoticeKey, memberRefIndex } from './keys.ts';

/** Kept until sent, and a day at most: the stream keeps its request a day too. */
const KEPT_SECONDS = 24 * 60 * 60;

/** A notice as its member's change puts it: found by its id, and by the member's erasure through its reference. */
export const accountNoticeItem = (customerNumber: string, notice: AccountNotice) => ({
  ...accountNoticeKey(notice.id),
  ...memberRefIndex(customerNumber, ITEM_TYPES.accountNotice),
  type: ITEM_TYPES.accountNotice,
  customerNumber,
  ...notice,
  expiresAt: Math.floor(Date.parse(notice.at) / 1000) + KEPT_SECONDS,
});

export class DynamoAccountNotices implements AccountNotices {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(id: string): Promise<AccountNotice | undefined> {
    const { Item } = await transientAsBusy(() =>
      this.db.send(
        new GetCommand({ TableName: this.table, Key: accountNoticeKey(id), ConsistentRead: true }),
      ),
    );
    if (!Item) return undefined;
    const { customerNumber: _member, ...notice } = withoutStorage<AccountNotice & { customerNumber: string }>(
      Item,
    );
    return notice;
  }

  async done(id: string): Promise<void> {
    await transientAsBusy(() =>
      this.db.send(new DeleteCommand({ TableName: this.table, Key: accountNoticeKey(id) })),
    );
  }
}
