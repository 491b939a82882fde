import { createDocumentClient, tableName } from './dynamo.ts';
import { DynamoMemberStore } from './dynamo-member-store.ts';
import type { MemberStore } from './member-store.ts';

let members: MemberStore | undefined;

/** The store a Lambda uses, made on first use and kept for warm invocations. */
export function memberStore(): MemberStore {
  members ??= new DynamoMemberStore(createDocumentClient(), tableName());
  return members;
}
