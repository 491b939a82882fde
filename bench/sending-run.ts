import { sendCampaign } from '../shared/campaigns/send-campaign.ts';
import type { Mailer } from '../shared/mail/mailer.ts';
import { DynamoCampaignStore } from '../shared/store/dynamo-campaign-store.ts';
import { DynamoMarketingSettings } from '../shared/store/dynamo-marketing-settings.ts';
import { DynamoMemberReader } from '../shared/store/dynamo-member-reader.ts';
import { DynamoMemberStatements } from '../shared/store/dynamo-member-statements.ts';
import { JoseUnsubscribeLinks } from '../shared/store/jose-unsubscribe-links.ts';
import { SesMailer } from '../shared/store/ses-mailer.ts';
import { meteredStore } from './request-meter.ts';

/**
 * A campaign's sending in a process of its own, with every DynamoDB request counted. With
 * BENCH_SENDING_CRASH_AFTER it dies (exit 3) once that many messages went, other sends in flight:
 * a crash, not a refusal. Prints the figures as JSON; the environment points it at the local stack.
 */
const { db, measuredPhase } = meteredStore();
const table = process.env.TABLE_NAME!;
const crashAfter = Number(process.env.BENCH_SENDING_CRASH_AFTER ?? 0);
const ses = new SesMailer();
let sent = 0;
const mailer: Mailer = {
  async send(mail) {
    await ses.send(mail);
    if (++sent === crashAfter) process.exit(3);
  },
};
const campaigns = new DynamoCampaignStore(db, table);
const sentBefore = (await campaigns.get(process.env.BENCH_SENDING_CAMPAIGN!))?.delivery?.sent ?? 0;
const delivered = await measuredPhase(() =>
  sendCampaign(process.env.BENCH_SENDING_CAMPAIGN!, {
    campaigns,
    members: new DynamoMemberReader(db, table),
    mailer,
    texter: { send: () => Promise.reject(new Error('the benchmark sends email only')) },
    links: new JoseUnsubscribeLinks(),
    statements: new DynamoMemberStatements(db, table),
    jobs: { request: async () => undefined },
    settings: new DynamoMarketingSettings(db, table),
    publicApiUrl: process.env.PUBLIC_API_URL!,
    sendsPerSecond: Number(process.env.MAIL_SENDS_PER_SECOND),
  }),
);
console.log(JSON.stringify({ ...delivered, sentBefore }));
// Keep-alive sockets of the SDK clients would hold the process open.
process.exit(0);
