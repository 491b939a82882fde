import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { handler as auditVerifyJob } from '../../functions/jobs/audit-verify.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { aReceipt, aRegistration, ADMIN, CUSTOMER_SERVICE, POS } from '../support/fixtures.ts';

import { itemsMentioning, scanTable } from '../support/scan.ts';
import { setClock } from '../support/clock.ts';
import { membersWithHistory } from '../support/seed-members.ts';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, putAll, tableName } from '../../shared/store/dynamo.ts';
import { anonymousPurchasesKey } from '../../shared/store/keys.ts';
import { DynamoCampaignStore } from '../../shared/store/dynamo-campaign-store.ts';
import { DynamoMarketingSettings } from '../../shared/store/dynamo-marketing-settings.ts';
import { DynamoMemberStore } from '../../shared/store/dynamo-member-store.ts';
import { DynamoPurchaseStore } from '../../shared/store/dynamo-purchase-store.ts';
import { orderAndAnswerCard } from '../support/card-answers.ts';
import { createCampaign } from '../../shared/campaigns/campaigns.ts';
import { computeAudience, startAudience } from '../../shared/campaigns/compute-audience.ts';

let api: LocalApi;
beforeAll(async () => {
  setClock(NOW);
  api = await startTestApi();
});
afterAll(() => api.stop());

const register = async (overrides: Record<string, unknown> = {}) =>
  (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration(overrides) })).body;
const erase = (n: string) => call(api, 'DELETE', `/members/${n}?reason=member-request`, { as: ADMIN });
const post = (body: unknown) => call(api, 'POST', '/purchases', { as: POS, body });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Early in a month, when a receipt dated mid-month would still be in the future. */
const NOW = '2026-11-03T10:00:00+02:00';
/** This month and two before it. */
const MONTHS = ['2026-11-02T12:00:00+02:00', '2026-10-15T12:00:00+03:00', '2026-09-15T12:00:00+03:00'];

/** Sums of the anonymous purchase totals over all months. */
async function anonymousCents(): Promise<number> {
  const { Items = [] } = await createDocumentClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': anonymousPurchasesKey(MONTHS[0]!.slice(0, 7)).pk },
    }),
  );
  return Items.reduce(
    (sum, item) =>
      sum +
      Object.entries(item)
        .filter(([name]) => name.startsWith('group_'))
        .reduce((cents, [, value]) => cents + Number(value), 0),
    0,
  );
}

/** Five rounds of a race each; on two busy cores beside the other files they take longer than one test's default. */
const RACE_TIMEOUT = 120_000;
const RECEIPT_ROUNDS = 30;

describe('an erasure racing receipts', () => {
  it(
    'leaves only the tombstone whatever receipts were in flight, refuses later ones, and loses no cent',
    async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const n = (await register()).customerNumber as string;
        await post(aReceipt(n, { purchasedAt: MONTHS[1] }));
        const anonymousBefore = await anonymousCents();
        let counted = 0;
        let streaming = true;
        const stream = (async () => {
          // Rounds enough to span the erasure (it starts a few rounds in), few enough that a slow erasure on
          // a busy machine does not feed itself more receipts to race.
          for (let round = 0; streaming && round < RECEIPT_ROUNDS; round++) {
            const sent = MONTHS.map((purchasedAt, i) =>
              aReceipt(n, { purchasedAt, lines: [{ mainGroup: 'food', amountCents: 100 + i }] }),
            );
            const answers = await Promise.all(sent.map(post));
            answers.forEach((answer, i) => {
              if (answer.body?.result === 'counted') counted += sent[i]!.lines[0]!.amountCents;
              // Refused as no member's, or the table busy (503: nothing changed, the sum below holds it to that).
              else expect([422, 503]).toContain(answer.status);
            });
          }
        })();
        await pause(40 + attempt * 15);
        // A 503 is the register's "busy, send again" (the erasure resumes where it stopped), as a client would.
        let erased = await erase(n);
        for (let retry = 0; erased.status === 503 && retry < 3; retry++) erased = await erase(n);
        expect(erased.status).toBe(200);
        await pause(60);
        streaming = false;
        await stream;

        expect((await itemsMentioning(n)).map((item) => item.type)).toEqual(['erased']);
        // Every cent counted for the member went into the anonymous totals, none twice.
        expect((await anonymousCents()) - anonymousBefore).toBe(counted + 1250);
        for (const purchasedAt of MONTHS) {
          const late = await post(aReceipt(n, { purchasedAt }));
          expect(late.status).toBe(422);
          expect(late.body.type).toBe('https://moymore.fi/problems/unknown-member');
        }
        expect((await itemsMentioning(n)).map((item) => item.type)).toEqual(['erased']);
        expect((await erase(n)).body).toEqual(erased.body);
      }
    },
    RACE_TIMEOUT,
  );
});

describe('an erasure racing changes of the member', () => {
  it(
    'either completes or changes nothing: never a half-erased member, never a 500',
    async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const registration = aRegistration();
        const n = (await register(registration)).customerNumber as string;
        const path = `/members/${n}`;
        const answers: { status: number }[] = [];
        let erasing = true;
        /** Keeps changing the member, each change on the version just read, until the erasure answers. */
        const changer = async (change: (i: number) => Promise<{ status: number }>) => {
          for (let i = 0; erasing && i < 100; i++) answers.push(await change(i));
        };
        const patch = async (i: number) => {
          const current = await call(api, 'GET', path, { as: CUSTOMER_SERVICE });
          if (current.status !== 200) return current;
          return call(api, 'PATCH', path, {
            as: CUSTOMER_SERVICE,
            headers: { 'if-match': current.headers.get('etag')! },
            body: {
              email: `moved.${attempt}.${i}.${Date.now()}@example.fi`,
              mobile: `050 ${1_000_000 + i}${attempt}`,
            },
          });
        };
        const card = (i: number) =>
          call(api, 'PUT', `${path}/card`, {
            as: CUSTOMER_SERVICE,
            body: { type: i % 2 ? 'CASH_CARD' : 'MASTERCARD' },
          });
        const consent = (i: number) =>
          call(api, 'PUT', `${path}/consents/marketing.sms`, {
            as: CUSTOMER_SERVICE,
            body: { granted: i % 2 === 0, source: 'phone', noticeVersion: '2026.1' },
          });
        const changing = Promise.all([changer(patch), changer(card), changer(consent)]);
        await pause(30 + attempt * 10);
        let erased = await erase(n);
        erasing = false;
        await changing;
        for (const answer of [erased, ...answers]) expect(answer.status).toBeLessThan(500);
        expect([200, 409]).toContain(erased.status);
        // An erasure that could not begin changed nothing; asked again, it completes.
        if (erased.status !== 200) erased = await erase(n);
        expect(erased.status).toBe(200);

        const emails = (await scanTable())
          .filter((item) => item.type === 'unique-email' && item.customerNumber === n)
          .map((item) => item.pk);
        expect(emails).toEqual([]);
        expect((await itemsMentioning(n, registration.email)).map((item) => item.type)).toEqual(['erased']);
        const again = await register({ email: registration.email, mobile: registration.mobile });
        const found = await call(api, 'GET', `/members?email=${encodeURIComponent(registration.email)}`, {
          as: CUSTOMER_SERVICE,
        });
        expect(found.body.members.map((m: { customerNumber: string }) => m.customerNumber)).toEqual([
          again.customerNumber,
        ]);
      }
    },
    RACE_TIMEOUT,
  );
});

describe('many staff reading one member at once', () => {
  it('answers every reader and audits each read once, in a chain that verifies', async () => {
    const member = await register();
    const n = member.customerNumber as string;
    const reads = await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const path = [
          `/members/${n}`,
          `/members/${n}/consents`,
          `/members/${n}/export`,
          `/members?email=${encodeURIComponent(member.email)}`,
        ][i % 4]!;
        return call(api, 'GET', path, { as: CUSTOMER_SERVICE });
      }),
    );
    expect(reads.map((r) => r.status)).toEqual(Array(30).fill(200));
    const trail = await call(api, 'GET', `/members/${n}/audit`, { as: ADMIN });
    // The registration, the 30 reads, and this read of the trail itself.
    expect(trail.body.entries).toHaveLength(32);
    expect(trail.body.entries.map((e: { seq: number }) => e.seq)).toEqual(
      Array.from({ length: 32 }, (_, i) => i + 1),
    );
    const verified = await auditVerifyJob();
    expect(verified.faults).toEqual([]);
  });
});

describe('an erasure racing an audience', () => {
  it(
    'leaves only the tombstone of members erased after their page was read and before it was recorded',
    async () => {
      const seeded = membersWithHistory(300, 1);
      await putAll(createDocumentClient(), tableName(), seeded);
      const db = createDocumentClient();
      const campaigns = new DynamoCampaignStore(db, tableName());
      const caller = { actor: 'race', role: 'marketing', via: 'test', requestId: 'race' } as const;
      const { campaignId } = await createCampaign(
        caller,
        { name: 'Race', channel: 'email', holdoutPercent: 0 },
        campaigns,
      );
      await startAudience(campaignId, caller, {
        campaigns,
        jobs: { request: async () => undefined },
        settings: new DynamoMarketingSettings(db, tableName()),
      });
      const erased: string[] = [];
      // Between reading each page's members and recording whom it reached, three of them are erased.
      const racing = Object.assign(Object.create(Object.getPrototypeOf(campaigns)), campaigns, {
        recordContacts: async (...args: Parameters<typeof campaigns.recordContacts>) => {
          const victims = args[1].slice(0, 3);
          if (victims.length === 0) return campaigns.recordContacts(...args);
          const answers = await Promise.all(victims.map(erase));
          expect(answers.map((answer) => answer.status)).toEqual(victims.map(() => 200));
          erased.push(...victims);
          return campaigns.recordContacts(...args);
        },
      }) as typeof campaigns;
      const summary = await computeAudience(campaignId, {
        campaigns: racing,
        members: new DynamoMemberStore(db, tableName()),
        purchases: new DynamoPurchaseStore(db, tableName()),
        files: { upload: async () => undefined } as never,
      });
      expect(erased).toHaveLength(9);
      const left = (await scanTable()).filter((item) => erased.some((n) => JSON.stringify(item).includes(n)));
      expect(left.map((item) => item.type)).toEqual(erased.map(() => 'erased'));
      // Whom the summary says it reached is whom it recorded: a member erased meanwhile is neither.
      let contacts = 0;
      for await (const page of campaigns.contacts(campaignId, 1000)) contacts += page.length;
      expect([summary!.reached, contacts]).toEqual([291, 291]);
    },
    RACE_TIMEOUT,
  );
});

describe('the same request sent many times at once, without If-Match', () => {
  it('reports a lost card once: the others answer as a repeated report does, none 412', async () => {
    const n = (await register()).customerNumber as string;
    await orderAndAnswerCard(api, n, 'PRODUCED', { cardNumber: '9246000012345678' });
    const reports = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(api, 'POST', `/members/${n}/card/lost`, { as: CUSTOMER_SERVICE }),
      ),
    );
    expect(reports.map((r) => r.status)).toEqual(reports.map(() => 200));
    expect(new Set(reports.map((r) => r.headers.get('etag'))).size).toBe(1);
    const orders = (await itemsMentioning(n)).filter(
      (item) => item.type === 'card-order' && item.status === 'PENDING',
    );
    expect(orders).toHaveLength(1);
    const trail = (await call(api, 'GET', `/members/${n}/audit`, { as: ADMIN })).body.entries as {
      action: string;
    }[];
    expect(trail.filter((e) => e.action === 'choose-card')).toHaveLength(2);
  });
});
