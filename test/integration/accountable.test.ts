import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { LocalApi } from '../../infra/local/register.ts';
import { objectEventDispatcher } from '../../infra/local/object-events.ts';
import { handler as cardBatchJob } from '../../functions/jobs/card-batch.ts';
import { handler as addressRefreshJob } from '../../functions/jobs/address-refresh.ts';
import { READ_ACTIONS } from '../../shared/members/audit-entry.ts';
import { helsinkiDate } from '../../shared/time/helsinki.ts';
import { bucketName, createS3Client } from '../../shared/store/exchange-bucket.ts';
import { anUpdate, putInbound, updateFile } from '../support/address-files.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { ADMIN, aRegistration, CUSTOMER_SERVICE } from '../support/fixtures.ts';

let api: LocalApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const dispatch = objectEventDispatcher((error) => {
  throw error;
});

describe('every change accountable', () => {
  it('writes an audit entry with every change of a member, by people, jobs and partners’ files alike', async () => {
    const member = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() }))
      .body;
    const n = member.customerNumber as string;
    const path = `/members/${n}`;
    await call(api, 'PUT', `${path}/consents/marketing.email`, {
      as: CUSTOMER_SERVICE,
      body: { granted: true, source: 'phone', noticeVersion: '2026.1' },
    });
    await call(api, 'PATCH', path, {
      as: CUSTOMER_SERVICE,
      headers: { 'if-match': '*' },
      body: { postOffice: 'Espoo' },
    });
    await call(api, 'PUT', `${path}/card`, { as: CUSTOMER_SERVICE, body: { type: 'CASH_CARD' } });
    // The card batch claims the order; the manufacturer's answer moves the card on.
    const batch = (await cardBatchJob()).batches.find((b) => b.records > 0)!;
    const rows = await (
      await createS3Client().send(new GetObjectCommand({ Bucket: bucketName(), Key: batch.key }))
    ).Body!.transformToString('utf8');
    const sequence = rows
      .split('\n')
      .find((row) => row.includes(n))!
      .split(';')[1];
    const ackKey = `card-orders/inbound/accountable-${n}.csv`;
    await createS3Client().send(
      new PutObjectCommand({
        Bucket: bucketName(),
        Key: ackKey,
        Body: `batchId;sequence;customerNumber;status;cardNumber;reason;at\n${batch.batchId};${sequence};${n};RETURNED;;Osoite tuntematon;2026-11-22T08:00:00Z\n`,
      }),
    );
    await dispatch({
      Records: [
        { eventName: 'ObjectCreated:Put', s3: { bucket: { name: bucketName() }, object: { key: ackKey } } },
      ],
    });
    // The population register moves the member.
    await putInbound(
      'ACCOUNTABLE_20261124_001.dat',
      updateFile([anUpdate(n, { streetAddress: 'Uusi katu 1', moveDate: helsinkiDate(new Date()) })]),
    );
    await addressRefreshJob();
    await call(api, 'PUT', `${path}/restriction`, { as: ADMIN, body: { restricted: true } });
    // The member links the account they signed up with, by its verified email.
    await call(api, 'POST', '/account/link', {
      as: { role: 'member', subject: `accountable-${n}`, email: member.email },
      body: { by: 'email' },
    });

    const now = (await call(api, 'GET', path, { as: ADMIN })).body;
    const trail = (await call(api, 'GET', `${path}/audit`, { as: ADMIN })).body.entries as {
      action: string;
      actor: string;
      role: string;
      via: string;
    }[];
    const changes = trail.filter((entry) => !(READ_ACTIONS as readonly string[]).includes(entry.action));
    // Each version of the member was made by one change, and each change is in the trail.
    expect(changes).toHaveLength(now.version);
    expect(changes.map((c) => [c.action, c.role === 'system' ? c.actor : c.role])).toEqual([
      ['register', 'customer-service'],
      ['consent', 'customer-service'],
      ['correct', 'customer-service'],
      ['choose-card', 'customer-service'],
      ['card-batch', 'card-batch'],
      ['card-answer', 'card-manufacturer'],
      ['address-refresh', 'population-register'],
      ['restrict', 'admin'],
      ['link-account', 'member'],
    ]);
    expect(changes.find((c) => c.action === 'card-answer')!.via).toContain(`batch ${batch.batchId}`);
    expect(changes.find((c) => c.action === 'address-refresh')!.via).toMatch(/line \d+/);
  });
});
