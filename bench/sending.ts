import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { freePort, localEnvironment, startServices } from '../infra/local/services.ts';
import type { Campaign } from '../shared/campaigns/campaign-store.ts';
import { createDocumentClient } from '../shared/store/dynamo.ts';
import { DynamoCampaignStore } from '../shared/store/dynamo-campaign-store.ts';
import { campaignContactsIndex, contactKey, memberKey } from '../shared/store/keys.ts';
import { aStoredMember } from '../test/support/fixtures.ts';
import { distinctCustomerNumbers } from '../test/support/seed-members.ts';
import type { Phase } from './request-meter.ts';
import { seedItems } from './seed.ts';

const run = promisify(execFile);
const CAMPAIGN_ID = 'C-0000000bench';
const address = (i: number) => `bench.${i}@example.fi`;

/** Members who allowed marketing email, each already a contact of the computed campaign, as its audience job leaves them. */
function audience(count: number) {
  const at = '2026-11-27T10:00:00.000Z';
  return distinctCustomerNumbers(count).flatMap((n, i) => [
    {
      ...memberKey(n),
      type: 'member',
      ...aStoredMember(n),
      email: address(i),
      consents: {
        'marketing.email': {
          purpose: 'marketing.email',
          granted: true,
          source: 'web',
          noticeVersion: '2026.1',
          at,
          actor: 'bench',
        },
      },
    },
    {
      ...contactKey(n, CAMPAIGN_ID),
      ...campaignContactsIndex(CAMPAIGN_ID, n),
      type: 'contact',
      campaignId: CAMPAIGN_ID,
      channel: 'email',
      at,
    },
  ]);
}

const sending = (members: number): Campaign => ({
  campaignId: CAMPAIGN_ID,
  name: 'Bench',
  channel: 'email',
  purpose: 'marketing.email',
  criteria: {},
  content: { fi: { subject: 'Hei {{firstName}}', body: 'Hei {{firstName}}!\nJoulu tulee.' } },
  status: 'sending',
  createdAt: '2026-11-27T09:00:00.000Z',
  createdBy: 'bench',
  summary: {
    computedAt: '2026-11-27T09:30:00.000Z',
    considered: members,
    reached: members,
    notMatching: 0,
    excluded: {},
  },
  delivery: {
    startedAt: '2026-11-27T10:00:00.000Z',
    requestedBy: { actor: 'bench', role: 'marketing', requestId: 'bench' },
    savedAt: '2026-11-27T10:00:00.000Z',
    total: members,
    sent: 0,
    skipped: {},
    claimedBefore: 0,
    pages: 0,
  },
  version: 1,
});

/**
 * A computed email campaign of `members` sent to the local SES: a first run killed halfway (exit,
 * with sends in flight), then a run that goes on to the end; the messages counted per recipient.
 */
export async function measureSending(members: number, rate: number) {
  const services = await startServices({
    dynamoPort: await freePort(),
    s3Port: await freePort(),
    sesPort: await freePort(),
  });
  try {
    const env = {
      ...process.env,
      ...localEnvironment(services),
      PUBLIC_API_URL: 'http://localhost:3000/api',
      MAIL_SENDS_PER_SECOND: String(rate),
      BENCH_SENDING_CAMPAIGN: CAMPAIGN_ID,
    };
    Object.assign(process.env, env);
    const db = createDocumentClient(new DynamoDBClient({}));
    await seedItems(db, audience(members));
    await new DynamoCampaignStore(db, process.env.TABLE_NAME!).create(sending(members));
    const child = (extra: Record<string, string> = {}) =>
      run(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('sending-run.ts', import.meta.url))], {
        env: { ...env, ...extra },
        maxBuffer: 16 * 2 ** 20,
      });
    const crashAt = Math.floor(members / 2);
    const crashed = await child({ BENCH_SENDING_CRASH_AFTER: String(crashAt) }).then(
      () => 0,
      (error: { code?: number }) => error.code ?? -1,
    );
    if (crashed !== 3) throw new Error(`the first run did not crash as planned (${crashed})`);
    const resumed = JSON.parse((await child()).stdout.trim().split('\n').pop()!) as Phase & {
      result: { sent: number; claimedBefore: number; done: boolean };
      sentBefore: number;
    };
    const store = (await (await fetch(`${services.sesEndpoint}/store`)).json()) as {
      emails: { destination: { to: string[] } }[];
    };
    const perRecipient = new Map<string, number>();
    for (const mail of store.emails)
      for (const to of mail.destination.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    const messages = store.emails.length;
    return { members, rate, crashAt, resumed, messages, recipients: perRecipient.size };
  } finally {
    await services.stop();
  }
}

const ok = (pass: boolean) => (pass ? 'yes' : '**NO**');

export function sendingSection(figures: Awaited<ReturnType<typeof measureSending>>) {
  const { members, rate, crashAt, resumed, messages, recipients } = figures;
  // The delivery counts what every run sent: the second run's own is what it added.
  const sent = resumed.result.sent - resumed.sentBefore;
  const requests = Object.values(resumed.requests).reduce((a, b) => a + b, 0);
  const pace = sent / resumed.seconds;
  const byCommand = Object.entries(resumed.requests)
    .map(([command, n]) => `${command.replace('Command', '')} ${n}`)
    .join(', ');
  return `## Sending an email campaign (DynamoDB Local and aws-ses-v2-local)

A computed email campaign of ${members} members (\`BENCH_SENDING_MEMBERS\` changes it) sent to the local SES at a
configured rate of ${rate} messages a second (\`BENCH_SENDING_RATE\`; in AWS the account's sending rate, context
\`sesSendingRate\`). A first run is killed (the process exits) once ${crashAt} messages went, with others in flight;
a second run goes on from the last page saved to the end, in a process of its own with every DynamoDB request
counted. Then every message SES was asked to send is counted per recipient.

| measure | figure | target | met |
| --- | ---: | --- | --- |
| messages sent by the second run | ${sent} in ${resumed.seconds.toFixed(1)} s (${pace.toFixed(0)}/s) | the configured ${rate}/s, not more | ${ok(pace <= rate * 1.02)} (${(pace / rate).toFixed(2)} × the rate) |
| DynamoDB requests per message (second run) | ${(requests / Math.max(sent, 1)).toFixed(3)} (${byCommand}) | ≤ 2 | ${ok(requests / Math.max(sent, 1) <= 2)} |
| peak RSS, second run | ${resumed.rssPeakMb.toFixed(0)} MB | | |
| messages to the same member twice, after the crash | ${messages - recipients} | 0 | ${ok(messages === recipients)} |
| members who got no message (claimed by the killed run, its SES call never answered) | ${members - recipients} (the second run counted ${resumed.result.claimedBefore} claimed before it) | | |

Each message costs one conditional write (its claim on the contact) and, per page of 100, one
BatchGetItem of the profiles, one Query of the contacts and one save of the delivery. A run killed
between a claim and SES's answer leaves those members without a message rather than risk a second:
at most the messages in flight (8) at the moment of the crash.
`;
}
