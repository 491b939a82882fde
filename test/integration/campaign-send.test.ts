import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { sendCampaign, startSending } from '../../shared/campaigns/send-campaign.ts';
import { MessageNotSent, type Mail, type Mailer } from '../../shared/mail/mailer.ts';
import { campaignStore, mailer } from '../../shared/store/default-stores.ts';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, tableName } from '../../shared/store/dynamo.ts';
import { statementKey } from '../../shared/store/keys.ts';
import { computeAndWait, localSendDeps } from '../support/campaigns.ts';
import { setClock, TEST_DAY } from '../support/clock.ts';
import { ADMIN, aRegistration, CUSTOMER_SERVICE } from '../support/fixtures.ts';
import { call, startTestApi, until } from '../support/local-api.ts';
import { mailTo, sentMail, type SentMail } from '../support/mailbox.ts';
import { handler as marketingEvents } from '../../functions/jobs/marketing-events.ts';

let api: LocalApi;
const MARKETING = { role: 'marketing' } as const;
const MARKETING_CALLER = { actor: 'm-1', role: 'marketing', via: 'test', requestId: 'r-1' } as const;
const CONTENT = {
  fi: {
    subject: 'Hei {{firstName}}, joulu tulee',
    body: 'Hei {{firstName}}!\nJoulun tarjoukset ovat täällä.',
  },
  sv: {
    subject: 'Hej {{ firstName }}, julen kommer',
    body: 'Hej {{firstName}}!\nJulens erbjudanden är här.',
  },
};

/** A first name of its own for each member of a test: its merge field shows whose message it is. */
const firstName = (i: number) => `Liisa${'abcdefghijklmnop'[i]}`;

/** Members who allowed marketing email, each in their language. */
async function consenting(languages: readonly string[]) {
  const members: { customerNumber: string; email: string; language: string }[] = [];
  for (const language of languages) {
    const registration = aRegistration({ language, firstNames: `${firstName(members.length)} Maria` });
    const registered = await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: registration });
    expect(registered.status).toBe(201);
    const n = registered.body.customerNumber as string;
    await call(api, 'PUT', `/members/${n}/consents/marketing.email`, {
      as: CUSTOMER_SERVICE,
      body: { granted: true, source: 'store', noticeVersion: '2026.1' },
    });
    members.push({ customerNumber: n, email: registration.email, language });
  }
  return members;
}

async function computedCampaign(criteria: object, content: object | null = CONTENT) {
  const { campaignId } = (
    await call(api, 'POST', '/campaigns', {
      as: MARKETING,
      body: {
        name: `Joulu ${Date.now()}`,
        channel: 'email',
        criteria,
        holdoutPercent: 0,
        ...(content ? { content } : {}),
      },
    })
  ).body;
  expect((await computeAndWait(api, campaignId)).status).toBe('computed');
  return campaignId as string;
}

const campaign = async (campaignId: string) =>
  (await call(api, 'GET', `/campaigns/${campaignId}`, { as: MARKETING })).body;
const sentTo = async (address: string) =>
  (await sentMail()).filter((mail) => mail.destination.to.includes(address));
const header = (mail: SentMail, name: string) => mail.headers?.find((h) => h.name === name)?.value;
const linkOf = (mail: SentMail) => header(mail, 'List-Unsubscribe')!.slice(1, -1);
const consentOf = async (n: string) =>
  (
    (await call(api, 'GET', `/members/${n}/consents`, { as: CUSTOMER_SERVICE })).body.consents as {
      purpose: string;
      granted: boolean;
      source: string;
    }[]
  ).find((c) => c.purpose === 'marketing.email');
const historyOf = async (n: string) =>
  (
    (await call(api, 'GET', `/members/${n}/consents/history`, { as: CUSTOMER_SERVICE })).body.events as {
      purpose: string;
    }[]
  ).filter((e) => e.purpose === 'marketing.email');
const oneClick = (url: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

describe('sending an email campaign', () => {
  it('sends each member one message in their language with a one-click unsubscribe, and sending again sends nobody twice', async () => {
    const members = await consenting(['fi', 'sv', 'en', 'fi', 'sv', 'fi']);
    const campaignId = await computedCampaign({ postalCodePrefix: '00100' }, null);
    // No content yet: refused, naming the field; content may be given once computed.
    const refused = await call(api, 'POST', `/campaigns/${campaignId}/send`, { as: MARKETING });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'content', message: 'is needed to send the campaign' }]);
    const edited = await call(api, 'PATCH', `/campaigns/${campaignId}`, {
      as: MARKETING,
      body: { content: CONTENT },
    });
    expect(edited.status).toBe(200);

    // Withdrawn after the audience was computed: checked again when sent, so never sent.
    const withdrawn = members.pop()!;
    await call(api, 'PUT', `/members/${withdrawn.customerNumber}/consents/marketing.email`, {
      as: CUSTOMER_SERVICE,
      body: { granted: false, source: 'phone', noticeVersion: '2026.1' },
    });

    const started = await call(api, 'POST', `/campaigns/${campaignId}/send`, { as: MARKETING });
    expect(started.status).toBe(202);
    expect(started.body.status).toBe('sending');
    const sent = await until(async () => {
      const now = await campaign(campaignId);
      return now.status === 'sent' && now;
    }, 'the campaign sent');
    expect(sent.delivery).toMatchObject({ sent: expect.any(Number), claimedBefore: '< 5' });

    for (const [i, member] of members.entries()) {
      const [mail, ...more] = await mailTo(member.email);
      expect(more).toEqual([]);
      const language = member.language === 'sv' ? 'sv' : 'fi';
      expect(mail!.subject).toBe(
        language === 'sv' ? `Hej ${firstName(i)}, julen kommer` : `Hei ${firstName(i)}, joulu tulee`,
      );
      expect(mail!.body.html).toBeUndefined();
      expect(header(mail!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      const link = linkOf(mail!);
      expect(link).toMatch(new RegExp(`^${api.url}/api/unsubscribe/[\\w-]+(\\.[\\w-]*){4}$`));
      // The same link said in the body, and the customer number in neither.
      expect(mail!.body.text).toContain(link);
      expect(link).not.toContain(member.customerNumber);
    }

    // Sending again: answered with the campaign as it is, and nobody gets a second message.
    const again = await call(api, 'POST', `/campaigns/${campaignId}/send`, { as: MARKETING });
    expect([again.status, again.body.status]).toEqual([202, 'sent']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const member of members) expect(await sentTo(member.email)).toHaveLength(1);
    expect(await sentTo(withdrawn.email)).toEqual([]);
  });

  it('withdraws exactly the linked member’s consent by one click; a GET, a forged, an expired and a reused link change nothing', async () => {
    const members = await consenting(['fi', 'fi', 'fi', 'fi', 'fi']);
    const campaignId = await computedCampaign({ postalCodePrefix: '00100', language: 'fi' });
    await call(api, 'POST', `/campaigns/${campaignId}/send`, { as: MARKETING });
    const [first, second] = members;
    const link = linkOf((await mailTo(first!.email))[0]!);

    // A GET (a mail scanner following the link) shows the confirmation and changes nothing.
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<form method="post">');
    expect(await consentOf(first!.customerNumber)).toMatchObject({ granted: true });

    // Forged: another token, or this one altered.
    const [base, token] = [link.slice(0, link.lastIndexOf('/') + 1), link.slice(link.lastIndexOf('/') + 1)];
    const altered = token.slice(0, -3) + (token.slice(-3) === 'AAA' ? 'BBB' : 'AAA');
    expect((await oneClick(base + altered)).status).toBe(400);
    expect((await fetch(base + altered)).status).toBe(400);
    const notAToken = await oneClick(`${base}a.b.c.d.e`);
    expect(notAToken.status).toBe(400);
    // Not the one-click body: refused, nothing changed.
    const wrongBody = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=All',
    });
    expect(wrongBody.status).toBe(400);
    expect(await consentOf(first!.customerNumber)).toMatchObject({ granted: true });

    const done = await oneClick(link);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('unsubscribed');
    expect(await consentOf(first!.customerNumber)).toMatchObject({
      granted: false,
      source: 'unsubscribe-link',
    });
    expect(await consentOf(second!.customerNumber)).toMatchObject({ granted: true });
    const history = await historyOf(first!.customerNumber);
    // Reused: the same answer, and no second change in the history.
    expect((await oneClick(link)).status).toBe(200);
    expect(await historyOf(first!.customerNumber)).toEqual(history);
    const audit = (await call(api, 'GET', `/members/${first!.customerNumber}/audit`, { as: ADMIN })).body
      .entries as { action: string; actor: string }[];
    expect(audit.filter((e) => e.action === 'consent').at(-1)).toMatchObject({
      actor: `unsubscribe-link:${campaignId}`,
    });
    // Granted again later: the old message's link does not undo the newer answer.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await call(api, 'PUT', `/members/${first!.customerNumber}/consents/marketing.email`, {
      as: CUSTOMER_SERVICE,
      body: { granted: true, source: 'phone', noticeVersion: '2026.1' },
    });
    expect((await oneClick(link)).status).toBe(200);
    expect(await consentOf(first!.customerNumber)).toMatchObject({ granted: true, source: 'phone' });
    await call(api, 'PUT', `/members/${first!.customerNumber}/consents/marketing.email`, {
      as: CUSTOMER_SERVICE,
      body: { granted: false, source: 'phone', noticeVersion: '2026.1' },
    });

    // As RFC 8058 asks a mail client to post it: multipart/form-data.
    const third = members[2]!;
    const multipart = new FormData();
    multipart.set('List-Unsubscribe', 'One-Click');
    const posted = await fetch(linkOf((await mailTo(third.email))[0]!), { method: 'POST', body: multipart });
    expect(posted.status).toBe(200);
    expect(await consentOf(third.customerNumber)).toMatchObject({
      granted: false,
      source: 'unsubscribe-link',
    });

    // Expired: 90 days on, the link is refused with 410 and changes nothing.
    const secondLink = linkOf((await mailTo(second!.email))[0]!);
    setClock(new Date(Date.parse(TEST_DAY) + 91 * 24 * 3600 * 1000));
    try {
      expect((await oneClick(secondLink)).status).toBe(410);
      expect((await fetch(secondLink)).status).toBe(410);
    } finally {
      setClock(TEST_DAY);
    }
    expect(await consentOf(second!.customerNumber)).toMatchObject({ granted: true });

    // An audience computed after the click leaves the member out.
    const next = await computedCampaign({ postalCodePrefix: '00100', language: 'fi' });
    const audience = (await call(api, 'GET', `/campaigns/${next}/audience`, { as: MARKETING })).body
      .audience as { customerNumber: string }[];
    expect(audience.map((row) => row.customerNumber)).not.toContain(first!.customerNumber);
    expect(audience.map((row) => row.customerNumber)).toContain(second!.customerNumber);
  });

  it('resumes after a crash halfway without sending anyone twice', async () => {
    const members = await consenting(Array.from({ length: 12 }, () => 'en'));
    const campaignId = await computedCampaign({ postalCodePrefix: '00100', language: 'en' });
    const jobs = { request: async () => undefined };
    await startSending(campaignId, MARKETING_CALLER, { campaigns: campaignStore(), jobs });
    const deps = (mail: Mailer) => localSendDeps(api, { mailer: mail, jobs });
    // The mail service refuses the fifth message (its rate): the run fails, as a Lambda would, after four went.
    let accepted = 0;
    const failingFifth: Mailer = {
      send: async (mail: Mail) => {
        if (accepted === 4) throw new MessageNotSent(false);
        accepted += 1;
        await mailer().send(mail);
      },
    };
    await expect(sendCampaign(campaignId, deps(failingFifth))).rejects.toBeInstanceOf(MessageNotSent);
    // The retried run goes on and finishes: every member has exactly one message.
    const finished = await sendCampaign(campaignId, deps(mailer()));
    expect(finished).toMatchObject({ done: true });
    expect((await campaign(campaignId)).status).toBe('sent');
    for (const member of members) expect(await sentTo(member.email)).toHaveLength(1);
    // A third run, or one racing it, finds nothing to send.
    expect(await sendCampaign(campaignId, deps(mailer()))).toBeUndefined();
    for (const member of members) expect(await sentTo(member.email)).toHaveLength(1);
  });

  it('hears a hard bounce and a complaint: the email undeliverable on customer service’s queue, the consent withdrawn', async () => {
    const members = await consenting(['fi', 'fi', 'fi', 'fi', 'fi', 'fi', 'fi']);
    const campaignId = await computedCampaign({ postalCodePrefix: '00100', language: 'fi' });
    await call(api, 'POST', `/campaigns/${campaignId}/send`, { as: MARKETING });
    const [bounced, complained, corrected] = members;
    for (const member of members) await mailTo(member.email);
    // What EventBridge delivers from the configuration set: the message's tags name campaign and member.
    const sesEvent = (member: (typeof members)[number], detail: object) => ({
      source: 'aws.ses',
      'detail-type': 'SES event',
      detail: {
        mail: {
          messageId: `m-${member.customerNumber}`,
          destination: [member.email],
          tags: { campaign: [campaignId], member: [member.customerNumber] },
        },
        ...detail,
      },
    });
    const bounce = (member: (typeof members)[number]) =>
      sesEvent(member, {
        eventType: 'Bounce',
        bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: member.email }] },
      });
    // The address corrected after the message went: its bounce is not the member's email now.
    await call(api, 'PATCH', `/members/${corrected!.customerNumber}`, {
      as: CUSTOMER_SERVICE,
      headers: { 'if-match': '*' },
      body: { email: `new.${corrected!.email}` },
    });
    const outcome = await marketingEvents([
      bounce(bounced!),
      bounce(bounced!),
      sesEvent(complained!, {
        eventType: 'Complaint',
        complaint: { complainedRecipients: [{ emailAddress: complained!.email }] },
      }),
      bounce(corrected!),
      sesEvent(bounced!, { eventType: 'Delivery' }),
      sesEvent(bounced!, {
        eventType: 'Bounce',
        bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: bounced!.email }] },
      }),
    ]);
    expect(outcome).toEqual({
      undeliverable: 1,
      unchanged: 2,
      'consent-withdrawn': 1,
      delivered: 1,
      ignored: 1,
    });
    expect(await marketingEvents({ source: 'aws.ses', detail: {} })).toEqual({ notAnEvent: 1 });

    const read = async (n: string) =>
      (await call(api, 'GET', `/members/${n}`, { as: CUSTOMER_SERVICE })).body;
    expect((await read(bounced!.customerNumber)).flags.emailUndeliverable).toBe(true);
    expect((await read(corrected!.customerNumber)).flags.emailUndeliverable).toBeUndefined();
    expect(await consentOf(complained!.customerNumber)).toMatchObject({
      granted: false,
      source: 'complaint',
    });
    const queue = (await call(api, 'GET', '/work-queues/email-undeliverable', { as: CUSTOMER_SERVICE })).body
      .items as { customerNumber: string }[];
    expect(queue.map((item) => item.customerNumber)).toEqual([bounced!.customerNumber]);

    // An audience computed after leaves both out; correcting the email takes the member off the queue.
    const next = await computedCampaign({ postalCodePrefix: '00100', language: 'fi' });
    const audience = (await call(api, 'GET', `/campaigns/${next}/audience`, { as: MARKETING })).body
      .audience as { customerNumber: string }[];
    expect(audience.map((row) => row.customerNumber)).not.toContain(bounced!.customerNumber);
    expect(audience.map((row) => row.customerNumber)).not.toContain(complained!.customerNumber);
    const fixed = await call(api, 'PATCH', `/members/${bounced!.customerNumber}`, {
      as: CUSTOMER_SERVICE,
      headers: { 'if-match': '*' },
      body: { email: `fixed.${bounced!.email}` },
    });
    expect(fixed.body.flags.emailUndeliverable).toBe(false);
    const after = (await call(api, 'GET', '/work-queues/email-undeliverable', { as: CUSTOMER_SERVICE })).body
      .items as { customerNumber: string }[];
    expect(after).toEqual([]);
  });

  it('fills the tier and the benefit from the member’s statement of the month that closed last', async () => {
    const members = await consenting(['fi', 'fi', 'fi', 'fi', 'sv']);
    // October closed on 3 November: its statement, as the benefits job writes it.
    await createDocumentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...statementKey(members[0]!.customerNumber, '2026-10'),
          type: 'statement',
          customerNumber: members[0]!.customerNumber,
          month: '2026-10',
          tierPercent: 2,
          benefitCents: 1234,
        },
      }),
    );
    const campaignId = await computedCampaign(
      { postalCodePrefix: '00100' },
      {
        fi: { subject: 'Etusi', body: 'Lokakuun etusi {{benefit}}, porras {{tier}}.' },
        sv: { subject: 'Din förmån', body: 'Oktobers förmån {{ benefit }}, nivå {{tier}}.' },
      },
    );
    await call(api, 'POST', `/campaigns/${campaignId}/send`, { as: MARKETING });
    expect((await mailTo(members[0]!.email))[0]!.body.text).toMatch(/Lokakuun etusi 12,34\s€, porras 2\s%\./);
    // No statement: nothing earned, said so.
    expect((await mailTo(members[1]!.email))[0]!.body.text).toMatch(/Lokakuun etusi 0,00\s€, porras 0\s%\./);
    expect((await mailTo(members[4]!.email))[0]!.body.text).toMatch(/Oktobers förmån 0,00\s€, nivå 0\s%\./);
  });
});
