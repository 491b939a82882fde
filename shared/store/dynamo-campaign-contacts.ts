import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CampaignContact, CampaignContacts } from '../campaigns/campaign-store.ts';
import { queryPages } from './dynamo.ts';
import { contactKey } from './keys.ts';

/** A member's contact items, from their own partition. */
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
      // A holdout is not a contact: marketing never read the member for that campaign.
      FilterExpression: 'attribute_not_exists(heldOut)',
      ProjectionExpression: 'campaignId, channel, #at',
      ExpressionAttributeNames: { '#at': 'at' },
    })) {
      contacts.push(...((page.Items ?? []) as CampaignContact[]));
    }
    return contacts.sort((a, b) => a.at.localeCompare(b.at));
  }
}
