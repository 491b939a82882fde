import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { freePort, LOCAL, localEnvironment, startServices } from '../infra/local/services.ts';
import { createCampaign } from '../shared/campaigns/campaigns.ts';
import { computeAudience, startAudience } from '../shared/campaigns/compute-audience.ts';
import { createDocumentClient } from '../shared/store/dynamo.ts';
import { DynamoCampaignStore } from '../shared/store/dynamo-campaign-store.ts';
import { DynamoMemberStore } from '../shared/store/dynamo-member-store.ts';
import { DynamoPurchaseStore } from '../shared/store/dynamo-purchase-store.ts';
import { createS3Client, ExchangeBucket } from '../shared/store/exchange-bucket.ts';
import { membersWithHistory } from '../test/support/seed-members.ts';
import { seedItems } from './seed.ts';
import { measured } from './measured.ts';

/**
 * An email campaign's audience computed as its job computes it, over `members` members of whom every
 * other has the consent: members considered per second, items read per member considered, peak
 * memory, and whether each contact is written once when the run dies halfway and is retried.
 */
export async function measureAudience(members: number) {
  const services = await startServices({ dynamoPort: await freePort(), s3Port: await freePort() });
  try {
    Object.assign(process.env, localEnvironment(services));
    await seedItems(createDocumentClient(new DynamoDBClient({})), membersWithHistory(members));
    let itemsRead = 0;
    let contactPuts = 0;
    const raw = new DynamoDBClient({});
    raw.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { TransactItems?: { Put?: { Item?: { type?: unknown } } }[] };
        // Contacts are put in transactions, each beside its member's check.
        for (const action of input.TransactItems ?? [])
          if (JSON.stringify(action.Put?.Item?.type ?? '').includes('contact')) contactPuts += 1;
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
    const campaigns = new DynamoCampaignStore(db, LOCAL.tableName);
    const deps = {
      campaigns,
      members: new DynamoMemberStore(db, LOCAL.tableName),
      purchases: new DynamoPurchaseStore(db, LOCAL.tableName),
      files: new ExchangeBucket(createS3Client(), LOCAL.bucketName),
    };
    const caller = { actor: 'bench', role: 'marketing', via: 'bench', requestId: 'bench' } as const;
    const { campaignId } = await createCampaign(
      caller,
      { name: 'Bench', channel: 'email', holdoutPercent: 0 },
      campaigns,
    );
    // Started as the route starts it; the work is then run here, as its job runs it.
    await startAudience(campaignId, caller, {
      campaigns,
      jobs: { request: async () => undefined },
      settings: { all: async () => [], add: async () => false },
    });
    // The first run dies halfway, after a page's contacts and before its progress; the retry goes on.
    const pages = Math.ceil(members / 2 / 100);
    let dies = true;
    const dying = Object.assign(Object.create(Object.getPrototypeOf(campaigns)), campaigns, {
      save: async (...args: Parameters<typeof campaigns.save>) => {
        if (dies && args[0].progress?.pages === Math.floor(pages / 2) + 1) {
          dies = false;
          throw new Error('the run died');
        }
        return campaigns.save(...args);
      },
    }) as typeof campaigns;
    itemsRead = 0;
    const { result, seconds, addedMb } = await measured(async () => {
      await computeAudience(campaignId, { ...deps, campaigns: dying }).catch(() => undefined);
      return computeAudience(campaignId, { ...deps, campaigns: dying });
    });
    const summary = result!;
    const readDuringRun = itemsRead;
    let contactItems = 0;
    for await (const page of campaigns.contacts(campaignId, 1000)) contactItems += page.length;
    return {
      members,
      considered: summary.considered,
      reached: summary.reached,
      seconds,
      consideredPerSecond: summary.considered / seconds,
      // Less the campaign itself, read once per run.
      itemsReadPerConsidered: (readDuringRun - 2) / summary.considered,
      contactItems,
      contactPuts,
      addedMb,
    };
  } finally {
    await services.stop();
  }
}

const ok = (pass: boolean) => (pass ? 'yes' : '**NO**');

export const audienceSection = (
  audience: Awaited<ReturnType<typeof measureAudience>>,
) => `## Campaign audience (DynamoDB Local)

${audience.members} members (${'`'}BENCH_AUDIENCE_MEMBERS${'`'} changes it), every other with the email consent, each
with three purchase months and an audit entry beside the profile. An email campaign's audience is
computed as its job computes it (page by page, the progress saved after each), and **the first run
is made to die halfway**, after a page's contacts were written and before its progress was saved; the
retry goes on from the last page saved. Every item DynamoDB returns is counted (Query Count, GetItem,
BatchGetItem responses).

| measure | figure | target | met |
| --- | ---: | --- | --- |
| members considered (consent index) / reached | ${audience.considered} / ${audience.reached} | | |
| time, both runs | ${audience.seconds.toFixed(1)} s | | |
| members considered per second | ${audience.consideredPerSecond.toFixed(0)} | | |
| items read per member considered (the page the retry redid is read twice: 100 members, 0.004 more at 50 000) | ${audience.itemsReadPerConsidered.toFixed(3)} | ≤ 2 + the redone page | ${ok(audience.itemsReadPerConsidered <= 2 + 200 / audience.considered + 1e-9)} |
| contact items after the retry / members reached | ${audience.contactItems} / ${audience.reached} | equal | ${ok(audience.contactItems === audience.reached)} |
| contact writes (the page redone writes its contacts again, onto themselves) | ${audience.contactPuts} | | |
| memory the run adds (peak RSS less RSS before, which holds the benchmark's seeded items) | ${audience.addedMb.toFixed(0)} MB | | |
`;
