import { SEND_JOB, sendCampaign } from '../../shared/campaigns/send-campaign.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import {
  campaignStore,
  jobRequests,
  mailer,
  marketingSettingsStore,
  memberReader,
  memberStatements,
  texter,
  unsubscribeLinks,
} from '../../shared/store/default-stores.ts';

/** Started by `POST /campaigns/{id}/send` (its request, handed on from the table's stream): the messages, where time is not limited to 29 s. */
export const entry = jobEntry({
  job: SEND_JOB,
  name: 'campaign sent',
  run: async (event: { campaignId: string }, context) => {
    const delivery = await sendCampaign(
      event.campaignId,
      {
        campaigns: campaignStore(),
        members: memberReader(),
        mailer: mailer(),
        texter: texter(),
        links: unsubscribeLinks(),
        statements: memberStatements(),
        jobs: jobRequests(),
        settings: marketingSettingsStore(),
        publicApiUrl: publicApiUrl(),
        ...(Number(process.env.MAIL_SENDS_PER_SECOND) > 0
          ? { sendsPerSecond: Number(process.env.MAIL_SENDS_PER_SECOND) }
          : {}),
        ...(Number(process.env.SMS_SENDS_PER_SECOND) > 0
          ? { textsPerSecond: Number(process.env.SMS_SENDS_PER_SECOND) }
          : {}),
      },
      context ? { timeLeft: () => context.getRemainingTimeInMillis() } : {},
    );
    // Figures only: how many were sent and skipped, or that another run had it.
    return delivery
      ? {
          done: delivery.done,
          sent: delivery.sent,
          claimedBefore: delivery.claimedBefore,
          skipped: delivery.skipped,
        }
      : { skipped: 'not-sending-or-taken-over' };
  },
});

function publicApiUrl(): string {
  const url = process.env.PUBLIC_API_URL;
  if (!url) throw new Error('PUBLIC_API_URL is not set');
  return url;
}

export const handler = jobHandler(entry);
