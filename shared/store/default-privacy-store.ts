import { createDocumentClient, tableName } from './dynamo.ts';
import { DynamoMemberPrivacyStore } from './dynamo-member-privacy-store.ts';

let store: DynamoMemberPrivacyStore | undefined;

/**
 * The member store with export, erasure and retention, made on first use. A module of its own, as
 * default-bucket.ts is: only the privacy routes and jobs carry it.
 */
export function memberPrivacyStore(): DynamoMemberPrivacyStore {
  store ??= new DynamoMemberPrivacyStore(createDocumentClient(), tableName());
  return store;
}
