import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BenefitRules } from '../benefits/rules.ts';
import type { BenefitRulesStore } from '../benefits/rules-store.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { conditionalWrite, queryPages, withoutStorage } from './dynamo.ts';
import { benefitRulesKey } from './keys.ts';

/** The benefit rules, each version an item of its own partition, never changed once saved. */
export class DynamoBenefitRules implements BenefitRulesStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async all(): Promise<BenefitRules[]> {
    const rules: BenefitRules[] = [];
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': benefitRulesKey('').pk },
      ConsistentRead: true,
    }))
      rules.push(...(page.Items ?? []).map((item) => withoutStorage<BenefitRules>(item)));
    return rules.sort(
      (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.setAt.localeCompare(b.setAt),
    );
  }

  async add(rules: BenefitRules): Promise<boolean> {
    const refused = await conditionalWrite(
      this.db,
      new PutCommand({
        TableName: this.table,
        Item: { ...benefitRulesKey(rules.rulesId), type: ITEM_TYPES.benefitRules, ...rules },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return !refused;
  }
}
