import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { handler as addressRefreshJob } from '../../functions/jobs/address-refresh.ts';
import { handler as cardBatchJob } from '../../functions/jobs/card-batch.ts';
import { JOB_NAMES } from '../../shared/contract/jobs.ts';
import { putInbound } from '../support/address-files.ts';
import { aRegistration, CUSTOMER_SERVICE } from '../support/fixtures.ts';
import { call, startTestApi, until } from '../support/local-api.ts';

let api: LocalApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const PROCESSOR = { role: 'processor' } as const;
type Run = {
  job: string;
  outcome: string;
  requestedBy?: { role: string };
  summary?: Record<string, unknown>;
};
const runsOf = async (job: string): Promise<Run[]> => {
  const view = await call(api, 'GET', '/job-runs', { as: PROCESSOR });
  expect(view.status).toBe(200);
  return view.body.jobs.find((j: { job: string }) => j.job === job).runs;
};

describe('the processor’s view', () => {
  it('lists every job, with its runs newest first, and who started a run from the console', async () => {
    const registered = await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() });
    await call(api, 'PUT', `/members/${registered.body.customerNumber}/card`, {
      as: CUSTOMER_SERVICE,
      body: { type: 'CASH_CARD' },
    });
    await cardBatchJob();
    const now = await call(api, 'POST', '/job-runs/card-batch', { as: PROCESSOR });
    expect(now.status).toBe(202);
    expect(now.headers.get('location')).toBe('/job-runs');
    expect(now.body).toMatchObject({ job: 'card-batch', requestedAt: expect.any(String) });
    // The run starts outside the request (the table's stream in AWS; in this process locally).
    await until(async () => (await runsOf('card-batch')).length === 2);

    const view = await call(api, 'GET', '/job-runs', { as: PROCESSOR });
    expect(view.body.jobs.map((j: { job: string }) => j.job)).toEqual([...JOB_NAMES]);
    const [newest, scheduled] = await runsOf('card-batch');
    expect(newest).toMatchObject({ outcome: 'done', requestedBy: { role: 'processor' } });
    expect(scheduled).toMatchObject({ outcome: 'done' });
    expect(scheduled!.requestedBy).toBeUndefined();
    // Counts and file keys, never a member's data.
    expect(JSON.stringify(view.body)).not.toContain(registered.body.customerNumber);
    expect(JSON.stringify(view.body)).not.toContain(registered.body.surname);
  });

  it('shows an address file the register did not apply, by its name', async () => {
    const name = `broken-<b>${Date.now()}</b>.dat`;
    await putInbound(name, Buffer.from('not an address update file\r\n', 'latin1'));
    await addressRefreshJob();
    const view = await call(api, 'GET', '/job-runs', { as: PROCESSOR });
    const file = view.body.unappliedFiles.find((f: { file: string }) => f.file.endsWith(name));
    expect(file).toMatchObject({ status: 'rejected' });
    expect(file.reason).toBeTruthy();
    expect((await runsOf('address-refresh'))[0]).toMatchObject({ outcome: 'done' });
  });

  it('is for the processor and admins', async () => {
    expect((await call(api, 'GET', '/job-runs', { as: CUSTOMER_SERVICE })).status).toBe(403);
    expect((await call(api, 'POST', '/job-runs/card-batch', { as: CUSTOMER_SERVICE })).status).toBe(403);
  });
});
