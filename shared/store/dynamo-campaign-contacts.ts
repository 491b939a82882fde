import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CampaignContact, CampaignContacts } from '../campaigns/campaign-store.ts';
import { queryPages } from './dynamo.ts';
import { contactKey } from './keys.ts';

/** A member's contact items (a campaign's holdout among them, marked), from their own partition. */
export class DynamoCampaignContacts implements CampaignContacts {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async contactsOf(customerNumber: string): Promise<CampaignContact[]> {
    const { pk, sk } = contactKey(customerNumber, '');
    const contacts: CampaignContact[] = [];
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :contact)',
      ExpressionAttributeValues: { ':pk': pk, ':contact': sk },
      ProjectionExpression: 'campaignId, channel, #at, heldOut',
      ExpressionAttributeNames: { '#at': 'at' },
    })) {
      contacts.push(...((page.Items ?? []) as CampaignContact[]));
    }
    return contacts.sort((a, b) => a.at.localeCompare(b.at));
  }
}
