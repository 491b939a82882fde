import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { freePort, LOCAL, localEnvironment, startServices } from '../infra/local/services.ts';
import { computeAudience, createCampaign } from '../shared/campaigns/audience.ts';
import { createDocumentClient } from '../shared/store/dynamo.ts';
import { DynamoCampaignStore } from '../shared/store/dynamo-campaign-store.ts';
import { DynamoMemberStore } from '../shared/store/dynamo-member-store.ts';
import { DynamoPurchaseStore } from '../shared/store/dynamo-purchase-store.ts';
import { createS3Client, ExchangeBucket } from '../shared/store/exchange-bucket.ts';
import { audienceIndex, auditKey, consentKey, memberKey, purchaseMonthKey } from '../shared/store/keys.ts';
import { aStoredMember } from '../test/support/fixtures.ts';
import { distinctCustomerNumbers, seedItems } from './seed.ts';

/**
 * Members of whom every other has the email consent, each with purchase months and audit entries
 * beside the profile, so that reading what cannot be in an audience would show in the item count.
 */
function membersWithHistory(count: number) {
  const consent = {
    purpose: 'marketing.email',
    granted: true,
    source: 'web',
    noticeVersion: '2026.1',
    at: '2026-01-01T00:00:00Z',
    actor: 'bench',
  };
  return distinctCustomerNumbers(count).flatMap((n, i) => {
    const consents = i % 2 === 0 ? { 'marketing.email': consent } : {};
    return [
      { ...memberKey(n), type: 'member', ...aStoredMember(n), consents },
      ...(i % 2 === 0
        ? [
            {
              ...consentKey(n, 'marketing.email'),
              ...audienceIndex('marketing.email', n),
              type: 'consent',
              ...consent,
            },
          ]
        : []),
      ...['2026-08', '2026-09', '2026-10'].map((month) => ({
        ...purchaseMonthKey(n, month),
        type: 'purchases',
        group_food: 1000,
        receipts: 1,
      })),
      { ...auditKey(n, 1), type: 'audit', action: 'read', at: '2026-11-01T00:00:00Z', actor: 'bench' },
    ];
  });
}

/** Audience of an email campaign over 20 000 members: members considered per second, peak memory, items read per member. */
export async function measureAudience(members: number) {
  const services = await startServices({ dynamoPort: await freePort(), s3Port: await freePort() });
  try {
    Object.assign(process.env, localEnvironment(services));
    await seedItems(createDocumentClient(new DynamoDBClient({})), membersWithHistory(members));
    let itemsRead = 0;
    const raw = new DynamoDBClient({});
    raw.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const output = result.output as {
          Count?: number;
          Item?: unknown;
          Responses?: Record<string, unknown[]>;
        };
        itemsRead += (output.Count ?? 0) + (output.Item ? 1 : 0);
        itemsRead += Object.values(output.Responses ?? {}).reduce((sum, items) => sum + items.length, 0);
        return result;
      },
      { step: 'initialize', name: 'benchItemCounter' },
    );
    const db = createDocumentClient(raw);
    const deps = {
      campaigns: new DynamoCampaignStore(db, LOCAL.tableName),
      members: new DynamoMemberStore(db, LOCAL.tableName),
      purchases: new DynamoPurchaseStore(db, LOCAL.tableName),
      bucket: new ExchangeBucket(createS3Client(), LOCAL.bucketName),
    };
    const caller = { actor: 'bench', role: 'marketing', via: 'bench', requestId: 'bench' } as const;
    const { campaignId } = await createCampaign(caller, { name: 'Bench', channel: 'email' }, deps.campaigns);
    itemsRead = 0;
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    const start = performance.now();
    const summary = await computeAudience(campaignId, deps);
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    return {
      members,
      considered: summary.considered,
      reached: summary.reached,
      consideredPerSecond: summary.considered / seconds,
      itemsReadPerConsidered: (itemsRead - 1) / summary.considered, // less the campaign itself
      rssBeforeMb: rssBefore / 2 ** 20,
      rssPeakMb: rssPeak / 2 ** 20,
    };
  } finally {
    await services.stop();
  }
}
