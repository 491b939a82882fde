import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { LOCAL } from '../../infra/local/services.ts';
import { handler as marketingEvents } from '../../functions/jobs/marketing-events.ts';
import { sendCampaign, startSending } from '../../shared/campaigns/send-campaign.ts';
import { MessageNotSent, type Texter } from '../../shared/mail/mailer.ts';
import { normalisePhone } from '../../shared/members/phone.ts';
import { campaignStore, texter } from '../../shared/store/default-stores.ts';
import { computeAndWait, localSendDeps } from '../support/campaigns.ts';
import { ADMIN, aRegistration, CUSTOMER_SERVICE } from '../support/fixtures.ts';
import { call, startTestApi, until } from '../support/local-api.ts';
import { sentTexts } from '../support/mailbox.ts';

let api: LocalApi;
const MARKETING = { role: 'marketing' } as const;
const MARKETING_CALLER = { actor: 'm-1', role: 'marketing', via: 'test', requestId: 'r-1' } as const;
const CONTENT = {
  fi: { subject: 'Joulu', body: 'Hei {{firstName}}! Joulun tarjoukset kaupoissa nyt.' },
  sv: { subject: 'Jul', body: 'Hej {{firstName}}! Julens erbjudanden i butikerna nu.' },
};

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

/** Members who allowed marketing by text message, each in their language and in a postal area of the test's own. */
async function consenting(languages: readonly string[], postalCode: string) {
  const members: { customerNumber: string; mobile: string; language: string }[] = [];
  for (const language of languages) {
    const registration = aRegistration({
      language,
      postalCode,
      firstNames: `Liisa${'abcdefgh'[members.length]}`,
    });
    const registered = await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: registration });
    expect(registered.status).toBe(201);
    const n = registered.body.customerNumber as string;
    await call(api, 'PUT', `/members/${n}/consents/marketing.sms`, {
      as: CUSTOMER_SERVICE,
      body: { granted: true, source: 'store', noticeVersion: '2026.1' },
    });
    members.push({ customerNumber: n, mobile: normalisePhone(registration.mobile)!, language });
  }
  return members;
}

async function computedTextCampaign(postalCodePrefix: string) {
  const created = await call(api, 'POST', '/campaigns', {
    as: MARKETING,
    body: {
      name: `Joulu tekstiviesti ${Date.now()}`,
      channel: 'sms',
      criteria: { postalCodePrefix },
      holdoutPercent: 0,
      content: CONTENT,
    },
  });
  expect(created.status).toBe(201);
  expect((await computeAndWait(api, created.body.campaignId)).status).toBe('computed');
  return created.body.campaignId as string;
}

const campaign = async (campaignId: string) =>
  (await call(api, 'GET', `/campaigns/${campaignId}`, { as: MARKETING })).body;
const textsTo = async (mobile: string) => (await sentTexts()).filter((text) => text.to === mobile);
const smsConsent = async (n: string) =>
  (
    (await call(api, 'GET', `/members/${n}/consents`, { as: CUSTOMER_SERVICE })).body.consents as {
      purpose: string;
      granted: boolean;
      source: string;
    }[]
  ).find((c) => c.purpose === 'marketing.sms');
/** A reply to the register's number, as End User Messaging's two-way channel publishes it to SNS. */
const reply = (from: string, body: string, id: string) => ({
  Records: [
    {
      EventSource: 'aws:sns',
      Sns: {
        Message: JSON.stringify({
          originationNumber: from,
          destinationNumber: LOCAL.smsOrigination,
          messageKeyword: 'KEYWORD_STOP',
          messageBody: body,
          inboundMessageId: id,
        }),
      },
    },
  ],
});

describe('sending a text-message campaign', () => {
  it('sends each member one text in their language with the STOP reply said, and sending again sends nobody twice', async () => {
    const members = await consenting(['fi', 'sv', 'fi', 'en', 'fi', 'fi'], '33100');
    const campaignId = await computedTextCampaign('33100');
    // Longer than a text message carries: refused, naming the field, until shortened.
    const patch = (content: object) =>
      call(api, 'PATCH', `/campaigns/${campaignId}`, { as: MARKETING, body: { content } });
    expect((await patch({ ...CONTENT, sv: { subject: 'Jul', body: 'Hej! '.repeat(81) } })).status).toBe(200);
    const refused = await call(api, 'POST', `/campaigns/${campaignId}/send`, { as: MARKETING });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { field: 'content.sv.body', message: 'must be at most 400 characters in a text message' },
    ]);
    expect((await patch(CONTENT)).status).toBe(200);
    const started = await call(api, 'POST', `/campaigns/${campaignId}/send`, { as: MARKETING });
    expect(started.status).toBe(202);
    await until(async () => {
      const now = await campaign(campaignId);
      return now.status === 'sent' && now;
    }, 'the text campaign sent');
    for (const member of members) {
      const [text, ...more] = await textsTo(member.mobile);
      expect(more).toEqual([]);
      expect(text).toMatchObject({
        from: LOCAL.smsOrigination,
        messageType: 'PROMOTIONAL',
        context: { campaign: campaignId, member: member.customerNumber },
      });
      expect(text!.body).toBe(
        member.language === 'sv'
          ? 'Hej Liisab! Julens erbjudanden i butikerna nu.\nAvbeställ marknadsföring per sms: svara SLUTA eller STOP'
          : `Hei Liisa${'abcdef'[members.indexOf(member)]}! Joulun tarjoukset kaupoissa nyt.\nPeru tekstiviestimarkkinointi: vastaa LOPETA tai STOP`,
      );
    }
    expect((await call(api, 'POST', `/campaigns/${campaignId}/send`, { as: MARKETING })).status).toBe(202);
    for (const member of members) expect(await textsTo(member.mobile)).toHaveLength(1);
  });

  it('resumes after a crash halfway without texting anyone twice', async () => {
    const members = await consenting(['fi', 'fi', 'fi', 'fi', 'fi', 'fi'], '33200');
    const campaignId = await computedTextCampaign('33200');
    const jobs = { request: async () => undefined };
    await startSending(campaignId, MARKETING_CALLER, { campaigns: campaignStore(), jobs });
    const deps = (texts: Texter) => localSendDeps(api, { texter: texts, jobs });
    // The service refuses the fourth (its rate): the run fails, as a Lambda would, after three went.
    let accepted = 0;
    const failingFourth: Texter = {
      send: async (text) => {
        if (accepted === 3) throw new MessageNotSent(false);
        accepted += 1;
        await texter().send(text);
      },
    };
    await expect(sendCampaign(campaignId, deps(failingFourth))).rejects.toBeInstanceOf(MessageNotSent);
    expect(await sendCampaign(campaignId, deps(texter()))).toMatchObject({ done: true });
    expect(await sendCampaign(campaignId, deps(texter()))).toBeUndefined();
    for (const member of members) expect(await textsTo(member.mobile)).toHaveLength(1);
  });

  it('hears a STOP reply: the text consent withdrawn with its history, audited, and the member out of later audiences', async () => {
    const [stopping, staying, punctuated, serviceWord] = await consenting(
      ['fi', 'fi', 'fi', 'fi', 'fi', 'fi', 'fi', 'fi'],
      '33300',
    );
    // The number written as the service writes it (E.164), the keyword in any case, words after it allowed.
    const outcome = await marketingEvents(reply(stopping!.mobile, ' lopeta kiitos', 'in-1'));
    expect(outcome).toEqual({ 'consent-withdrawn': 1 });
    expect(await marketingEvents(reply(stopping!.mobile, 'STOP', 'in-2'))).toEqual({ unchanged: 1 });
    expect(await marketingEvents(reply(staying!.mobile, 'Kiitos, hyvä tarjous', 'in-3'))).toEqual({
      ignored: 1,
    });
    expect(await marketingEvents(reply('+358401111111', 'STOP', 'in-4'))).toEqual({ unchanged: 1 });
    // Punctuation after the word, and the service's own opt-out words, withdraw it too (the service has opted the number out).
    expect(await marketingEvents(reply(punctuated!.mobile, 'Lopeta.', 'in-5'))).toEqual({
      'consent-withdrawn': 1,
    });
    expect(await marketingEvents(reply(serviceWord!.mobile, 'unsubscribe!', 'in-6'))).toEqual({
      'consent-withdrawn': 1,
    });
    expect(await marketingEvents({ Records: [{ Sns: { Message: 'not json' } }] })).toEqual({ notAReply: 1 });

    expect(await smsConsent(stopping!.customerNumber)).toMatchObject({
      granted: false,
      source: 'text-reply',
    });
    expect(await smsConsent(staying!.customerNumber)).toMatchObject({ granted: true });
    const history = (
      await call(api, 'GET', `/members/${stopping!.customerNumber}/consents/history`, {
        as: CUSTOMER_SERVICE,
      })
    ).body.events as { purpose: string; granted: boolean; previously: boolean | null }[];
    expect(
      history.filter((e) => e.purpose === 'marketing.sms').map((e) => [e.previously, e.granted]),
    ).toEqual(
      expect.arrayContaining([
        [null, true],
        [true, false],
      ]),
    );
    const trail = (await call(api, 'GET', `/members/${stopping!.customerNumber}/audit`, { as: ADMIN })).body
      .entries as { action: string; via: string; fields: string[] }[];
    expect(trail).toContainEqual(
      expect.objectContaining({ action: 'text-reply', via: 'sms:in-1', fields: ['marketing.sms'] }),
    );

    const later = await computedTextCampaign('33300');
    const audience = (await call(api, 'GET', `/campaigns/${later}/audience`, { as: MARKETING })).body
      .audience as { customerNumber: string }[];
    expect(audience.map((row) => row.customerNumber)).not.toContain(stopping!.customerNumber);
    expect(audience.map((row) => row.customerNumber)).toContain(staying!.customerNumber);
  });
});
