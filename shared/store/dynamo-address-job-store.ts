import { ITEM_TYPES } from '../privacy/item-types.ts';
import {
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { WorkItem } from '../queues/work-queue.ts';
import { stillAMember } from './while-member.ts';
import { workItemRecord } from './dynamo-work-queue-store.ts';
import { config, epochSecondsAfterMonths } from '../config.ts';
import type { AddressFileState, AddressJobStore, NotedLine } from '../addresses/address-job-store.ts';
import { conditionalWrite, putAll, queryPages, transientAsBusy, withoutStorage } from './dynamo.ts';
import {
  addressFileIdKey,
  addressFileKey,
  addressFilesRange,
  addressLineKey,
  addressLinesRange,
  memberRefIndex,
} from './keys.ts';

const kindOf = (line: NotedLine) => (line.outcome === 'rejected' ? 'rejected' : 'review');

export class DynamoAddressJobStore implements AddressJobStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async fileState(key: string): Promise<AddressFileState | undefined> {
    const { Item } = await transientAsBusy(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: addressFileKey(key), ConsistentRead: true })),
    );
    return Item && withoutStorage<AddressFileState>(Item);
  }

  async saveFileState(state: AddressFileState): Promise<void> {
    await transientAsBusy(() =>
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...addressFileKey(state.key), type: ITEM_TYPES.addressFile, ...state },
        }),
      ),
    );
  }

  async claimFileId(fileId: string, key: string): Promise<string> {
    const refused = await conditionalWrite(
      this.db,
      new PutCommand({
        TableName: this.table,
        Item: { ...addressFileIdKey(fileId), type: ITEM_TYPES.addressFileId, key },
        ConditionExpression: 'attribute_not_exists(pk) OR #key = :key',
        ExpressionAttributeNames: { '#key': 'key' },
        ExpressionAttributeValues: { ':key': key },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return refused ? String(refused[0]!.item!.key) : key;
  }

  async noteLines(key: string, lines: readonly NotedLine[], at: string): Promise<void> {
    // Kept as long as the report that lists them.
    const expiresAt = epochSecondsAfterMonths(new Date(), config.retention.reportMonths);
    await putAll(
      this.db,
      this.table,
      lines.map((line) => ({
        ...addressLineKey(key, kindOf(line), line.line),
        ...(line.customerNumber
          ? memberRefIndex(line.customerNumber, `address-line#${key}#${line.line}`)
          : {}),
        type: ITEM_TYPES.addressLine,
        ...line,
        expiresAt,
      })),
    );
    for (const line of lines) {
      if (kindOf(line) !== 'review' || !line.customerNumber) continue;
      const item: WorkItem = {
        queue: 'address-review',
        customerNumber: line.customerNumber,
        since: at,
        ref: `${key}#${line.line}`,
        reason: line.reason,
        ...(line.proposed ? { proposed: line.proposed } : {}),
      };
      // A member being erased, or never a member (no match), gets no item: nothing of theirs lands.
      await conditionalWrite(
        this.db,
        new TransactWriteCommand({
          TransactItems: [
            stillAMember(this.table, line.customerNumber),
            { Put: { TableName: this.table, Item: workItemRecord(item) } },
          ],
        }),
      );
    }
  }

  async files(): Promise<AddressFileState[]> {
    const range = addressFilesRange();
    const files: AddressFileState[] = [];
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': range.pk, ':prefix': range.skPrefix },
    })) {
      files.push(...(page.Items ?? []).map((item) => withoutStorage<AddressFileState>(item)));
    }
    return files;
  }

  async *notedLines(key: string, kind: 'review' | 'rejected'): AsyncIterable<NotedLine> {
    const range = addressLinesRange(key, kind);
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': range.pk, ':prefix': range.skPrefix },
    })) {
      for (const item of page.Items ?? []) yield withoutStorage<NotedLine>(item);
    }
  }
}
