import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccessChange, AccessLog } from '../accounts/staff.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { config, epochSecondsAfterMonths } from '../config.ts';
import { queryPages, transientAsBusy, withoutStorage } from './dynamo.ts';
import { accessChangeKey, STAFF_ACCESS_PARTITION, STAFF_ACCESS_PREFIX, staffSignInKey } from './keys.ts';

/** Kept as long as the audit trail (the catalogue says so). */
const keptUntil = (at: string) => epochSecondsAfterMonths(new Date(at), config.retention.auditMonths);

/** The register's own record of staff access: changes, put once each, and last sign-ins. */
export class DynamoAccessLog implements AccessLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async record(change: AccessChange): Promise<void> {
    await transientAsBusy(() =>
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...accessChangeKey(change.at, change.requestId),
            type: ITEM_TYPES.accessChange,
            ...change,
            expiresAt: keptUntil(change.at),
          },
        }),
      ),
    );
  }

  async changes(): Promise<AccessChange[]> {
    return (await this.items(STAFF_ACCESS_PREFIX.change)).map((item) => withoutStorage<AccessChange>(item));
  }

  async lastSignIns(): Promise<Map<string, string>> {
    const items = await this.items(STAFF_ACCESS_PREFIX.signIn);
    return new Map(items.map((item) => [String(item.username), String(item.at)]));
  }

  async signedIn(username: string, at: string): Promise<void> {
    await transientAsBusy(() =>
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...staffSignInKey(username),
            type: ITEM_TYPES.staffSignIn,
            username,
            at,
            expiresAt: keptUntil(at),
          },
        }),
      ),
    );
  }

  private async items(prefix: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    const pages = queryPages(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': STAFF_ACCESS_PARTITION, ':prefix': prefix },
    });
    for await (const page of pages) items.push(...(page.Items ?? []));
    return items;
  }
}
