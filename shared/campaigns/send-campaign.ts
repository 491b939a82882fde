import type { Caller } from '../auth/caller.ts';
import { config } from '../config.ts';
import { inParallel, pacer } from '../concurrency.ts';
import { requestedBy, type JobRequests } from '../jobs/job-requests.ts';
import { MessageNotSent, type Mailer, type Texter } from '../mail/mailer.ts';
import type { MemberReader } from '../members/member-store.ts';
import { invalid, Refusal } from '../refusal.ts';
import { exclusion } from './audience-rules.ts';
import { campaignFooting, type Campaign, type CampaignStore, type Delivery } from './campaign-store.ts';
import { campaignIs, getCampaign, saveChange, saveIfUnchanged, startCampaignJob } from './campaigns.ts';
import { campaignView } from './campaign-view.ts';
import { messageFor, namesBenefit, type MessageBenefit } from './message.ts';
import type { MemberStatements } from '../benefits/read-benefits.ts';
import { lastClosedMonth } from '../time/month-close.ts';
import { linkExpiry, type UnsubscribeLinks } from './unsubscribe.ts';
import { marketingFooting, type MarketingSettingsStore } from './marketing-settings.ts';

/** The sending job's name in the contract (shared/contract/jobs.ts), which its function runs under. */
export const SEND_JOB = 'campaign-send';
/** Contacts a page: one BatchGetItem of their profiles, then the progress saved. */
const SEND_PAGE = 100;
const SENDS_IN_FLIGHT = 8;
/** A text message's body: with a first name and the STOP line under it, four segments of plain (GSM 7-bit) text. */
const TEXT_BODY_MAX = 400;
/** Time a run keeps to save its page and ask for the next run. */
const SAFETY_MS = 60_000;

/** Longer than Lambda retries a run (two retries within an hour of 15-minute runs): no run will save it again. */
const STALLED_MS = 2 * 3600 * 1000;
const isStalled = (savedAt: string, now: Date) => now.getTime() - Date.parse(savedAt) > STALLED_MS;

const sendRun = (campaignId: string, by: Delivery['requestedBy']) => ({
  job: SEND_JOB,
  input: { campaignId },
  requestedBy: by,
});

/**
 * Starts sending a computed email or text-message campaign outside the request: the campaign is `sending` from now
 * on, its delivery counting toward the members it reached. Sending again changes nothing: the
 * campaign is no longer computed, and each message is claimed once.
 */
export async function startSending(
  campaignId: string,
  caller: Caller,
  deps: { campaigns: CampaignStore; jobs: Pick<JobRequests, 'request'> },
  now = new Date(),
) {
  const campaign = await getCampaign(campaignId, deps.campaigns);
  // Its runs ended (Lambda gave up retrying, the account was paused): asked again, it goes on from its last page.
  if (campaign.status === 'sending' && campaign.delivery && isStalled(campaign.delivery.savedAt, now)) {
    const restarted = await saveChange(deps.campaigns, campaign, {
      ...campaign,
      delivery: { ...campaign.delivery, savedAt: now.toISOString() },
    });
    await deps.jobs.request(sendRun(campaignId, requestedBy(caller)!));
    return campaignView(restarted);
  }
  if (campaign.status === 'sending' || campaign.status === 'sent') return campaignView(campaign);
  campaignIs(campaign, 'computed');
  if (campaign.channel === 'post')
    throw new Refusal(
      'campaign-state',
      'The register does not send post campaigns',
      'A post campaign’s file goes to the mailing house.',
    );
  if (!campaign.content) throw invalid([{ field: 'content', message: 'is needed to send the campaign' }]);
  if (campaign.channel === 'sms') {
    const tooLong = Object.entries(campaign.content).filter(
      ([, message]) => message && message.body.length > TEXT_BODY_MAX,
    );
    if (tooLong.length > 0)
      throw invalid(
        tooLong.map(([language]) => ({
          field: `content.${language}.body`,
          message: `must be at most ${TEXT_BODY_MAX} characters in a text message`,
        })),
      );
  }
  const by = requestedBy(caller)!;
  const delivery: Delivery = {
    startedAt: now.toISOString(),
    requestedBy: by,
    savedAt: now.toISOString(),
    total: campaign.summary?.reached ?? 0,
    sent: 0,
    skipped: {},
    claimedBefore: 0,
    pages: 0,
  };
  return startCampaignJob(deps.campaigns, campaign, { ...campaign, status: 'sending', delivery }, () =>
    deps.jobs.request(sendRun(campaignId, by)),
  );
}

export interface SendDeps {
  campaigns: CampaignStore;
  members: MemberReader;
  mailer: Mailer;
  texter: Texter;
  links: UnsubscribeLinks;
  /** Read only when the content names the tier or the benefit. */
  statements: Pick<MemberStatements, 'ofMonth'>;
  jobs: Pick<JobRequests, 'request'>;
  /** The marketing settings now: an exception turned off since the audience was computed counts. */
  settings: MarketingSettingsStore;
  /** Where the links in messages reach the register's API. */
  publicApiUrl: string;
  /** The SES account's sending rate, when the deployment says it; else the configured default. */
  sendsPerSecond?: number;
  /** The text messages' origination number's rate (messages per second), when the deployment says it. */
  textsPerSecond?: number;
}

/** The link a message carries: the unsubscribe route of the API, with the sealed token. */
export const unsubscribeUrl = (publicApiUrl: string, token: string) =>
  `${publicApiUrl.replace(/\/$/, '')}/unsubscribe/${token}`;

/**
 * The work itself (email or text messages alike): the campaign's contacts a page at a time from where the delivery says; each
 * member checked again (a ban, a withdrawn consent, an unsubscribe or an erasure since the audience
 * was computed keeps them out), the message claimed on the contact before it goes (so that no run
 * sends it twice) and sent at the configured rate; the delivery saved after each page on the version
 * read, so that a run another got ahead of stops. Near its time, a run asks for the next and ends.
 */
export async function sendCampaign(
  campaignId: string,
  deps: SendDeps,
  options: { now?: () => Date; timeLeft?: () => number } = {},
) {
  const now = options.now ?? (() => new Date());
  const timeLeft = options.timeLeft ?? (() => Infinity);
  let campaign = await getCampaign(campaignId, deps.campaigns);
  const { content, channel } = campaign;
  if (campaign.status !== 'sending' || !campaign.delivery || !content || channel === 'post') return undefined;
  let saved: Delivery = campaign.delivery;
  // The stricter of the footing it was computed on and the one in force: consent, once either needs it.
  const inForce = (await marketingFooting(deps.settings))[channel];
  const footing = inForce === 'consent' ? 'consent' : campaignFooting(campaign);
  const pace = pacer(
    channel === 'email'
      ? (deps.sendsPerSecond ?? config.marketing.sendsPerSecond)
      : (deps.textsPerSecond ?? config.marketing.textsPerSecond),
  );
  for await (const page of deps.campaigns.contacts(campaignId, SEND_PAGE, saved.after)) {
    if (timeLeft() < SAFETY_MS) {
      await deps.jobs.request(sendRun(campaignId, saved.requestedBy));
      return { ...saved, done: false };
    }
    const delivery: Delivery = structuredClone(saved);
    const members = await deps.members.getMany(page);
    const statements = namesBenefit(content)
      ? await deps.statements.ofMonth(page, lastClosedMonth(now()))
      : new Map<string, MessageBenefit>();
    let failure: { error: unknown } | undefined;
    const deliver = async (customerNumber: string) => {
      const member = members.get(customerNumber);
      const reason = member ? exclusion(member, channel, footing) : 'leaving';
      const address = channel === 'email' ? member?.email : member?.mobile;
      if (reason || !member || !address) {
        const why = reason ?? (channel === 'email' ? 'no-email' : 'no-mobile');
        delivery.skipped[why] = (delivery.skipped[why] ?? 0) + 1;
        return;
      }
      // Sealed and paced before the claim: a run that fails or stops before the send has claimed nothing.
      const sentAt = now();
      const tags = { campaign: campaignId, member: customerNumber };
      const benefit = statements.get(customerNumber);
      let send: () => Promise<void>;
      if (channel === 'email') {
        const url = unsubscribeUrl(
          deps.publicApiUrl,
          await deps.links.sign(
            { customerNumber, campaignId, channel: 'email', issuedAt: sentAt },
            linkExpiry(sentAt),
          ),
        );
        const message = messageFor(content, member, { channel, unsubscribeUrl: url }, benefit);
        send = () =>
          deps.mailer.send({
            to: address,
            subject: message.subject,
            text: message.text,
            headers: {
              'List-Unsubscribe': `<${url}>`,
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            },
            tags,
          });
      } else {
        const { text } = messageFor(content, member, { channel }, benefit);
        send = () => deps.texter.send({ to: address, text, tags });
      }
      await pace();
      if (!(await deps.campaigns.claimMessage(campaignId, customerNumber, sentAt.toISOString()))) {
        delivery.claimedBefore += 1;
        return;
      }
      try {
        await send();
      } catch (error) {
        // Refused before the service took it: released, so that a later run sends it; refused for
        // good (the address, a number that replied STOP), counted and passed over. Any other failure
        // (a timeout, the service's own error) may have sent it: it stays claimed, never sent twice.
        if (!(error instanceof MessageNotSent)) throw error;
        if (error.forGood) {
          delivery.skipped.rejected = (delivery.skipped.rejected ?? 0) + 1;
          return;
        }
        await deps.campaigns.releaseMessage(campaignId, customerNumber);
        throw error;
      }
      delivery.sent += 1;
    };
    // After a failure no message is begun, and those under way end before the run fails (none left claimed in flight).
    await inParallel(page, SENDS_IN_FLIGHT, async (customerNumber) => {
      if (failure) return;
      await deliver(customerNumber).catch((error: unknown) => {
        failure ??= { error };
      });
    });
    if (failure) throw failure.error;
    saved = { ...delivery, pages: delivery.pages + 1, after: page.at(-1)!, savedAt: now().toISOString() };
    const next = await saveIfUnchanged(deps.campaigns, campaign, { ...campaign, delivery: saved });
    if (!next) return undefined;
    campaign = next;
  }
  const { after: _after, ...delivery } = saved;
  const finished: Delivery = { ...delivery, finishedAt: now().toISOString() };
  const sent: Campaign = { ...campaign, status: 'sent', delivery: finished };
  return (await saveIfUnchanged(deps.campaigns, campaign, sent)) ? { ...finished, done: true } : undefined;
}
