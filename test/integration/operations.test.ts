import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { handler as addressRefreshJob } from '../../functions/jobs/address-refresh.ts';
import { handler as cardBatchJob } from '../../functions/jobs/card-batch.ts';
import { JOB_NAMES, ON_DEMAND_JOBS } from '../../shared/contract/jobs.ts';
import { putInbound } from '../support/address-files.ts';
import { aRegistration, CUSTOMER_SERVICE } from '../support/fixtures.ts';
import { call, startTestApi, until } from '../support/local-api.ts';
import { jobRequestStore } from '../../shared/store/default-stores.ts';

let api: LocalApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const PROCESSOR = { role: 'processor' } as const;
type Run = {
  job: string;
  outcome: string;
  requestedBy?: { role: string; requestId: string };
  summary?: Record<string, unknown>;
  input?: Record<string, unknown>;
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

  it('runs every job the register has on demand, with its inputs, and records who asked', async () => {
    for (const job of ON_DEMAND_JOBS) {
      const before = (await runsOf(job)).length;
      const asked = await call(api, 'POST', `/job-runs/${job}`, { as: PROCESSOR });
      expect(asked.status, job).toBe(202);
      await until(async () => (await runsOf(job)).length > before, job);
      const [newest] = await runsOf(job);
      expect(newest, job).toMatchObject({
        outcome: 'done',
        requestedBy: { role: 'processor', requestId: asked.body.requestId },
      });
    }
    const dry = await call(api, 'POST', '/job-runs/reindex?dryRun=true', { as: PROCESSOR });
    expect(dry.status).toBe(202);
    await until(async () =>
      (await runsOf('reindex')).some((run) => run.requestedBy?.requestId === dry.body.requestId),
    );
    const [dryRun] = await runsOf('reindex');
    expect(dryRun).toMatchObject({ input: { dryRun: true }, summary: { summary: { dryRun: true } } });
  });

  it('refuses an input the job does not take, and a job that is not the processor’s to run', async () => {
    const refused = await call(api, 'POST', '/job-runs/statistics?dryRun=true', { as: PROCESSOR });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { field: 'dryRun', message: 'is not an input of the statistics job' },
    ]);
    const notOnDemand = await call(api, 'POST', '/job-runs/campaign-send', { as: PROCESSOR });
    expect(notOnDemand.status).toBe(400);
    expect(notOnDemand.body.errors).toEqual([expect.objectContaining({ field: 'job' })]);
  });

  it('is for the processor and admins', async () => {
    expect((await call(api, 'GET', '/job-runs', { as: CUSTOMER_SERVICE })).status).toBe(403);
    expect((await call(api, 'POST', '/job-runs/card-batch', { as: CUSTOMER_SERVICE })).status).toBe(403);
  });
});

describe('“Run the card batch now” pressed again and again', () => {
  it('asks for one run while one is pending, and never hides the night’s run', async () => {
    await cardBatchJob(); // the night's run
    let answers: { status: number; body: { requestId: string; alreadyPending: boolean } }[] = [];
    for (let burst = 0; burst < 6; burst++)
      answers = answers.concat(
        await Promise.all(
          Array.from({ length: 50 }, () => call(api, 'POST', '/job-runs/card-batch', { as: PROCESSOR })),
        ),
      );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));
    const asked = new Set(answers.filter((a) => !a.body.alreadyPending).map((a) => a.body.requestId));
    // Every press that asked for nothing answered with a request that did.
    expect(new Set(answers.map((a) => a.body.requestId))).toEqual(asked);
    expect(asked.size).toBeLessThan(30);
    // Each request asked for one run, and the night's run is still in the view.
    await until(async () => {
      const runs = await runsOf('card-batch');
      return (
        runs.filter((run) => run.requestedBy && asked.has(run.requestedBy.requestId)).length ===
        Math.min(asked.size, 5)
      );
    });
    const runs = await runsOf('card-batch');
    expect(runs.filter((run) => !run.requestedBy).length).toBeGreaterThan(0);
  });
});

describe('a pending request no run ended', () => {
  it('is answered for seven hours, then taken over by the next press', async () => {
    const store = jobRequestStore();
    const by = (requestId: string) => ({ actor: 'p', role: 'processor', requestId });
    const at = new Date('2026-11-27T12:00:00Z');
    // A job of its own name: no run of it ends here.
    expect((await store.writeOnce('stuck-job', by('first'), at)).written).toBe(true);
    const soon = await store.writeOnce('stuck-job', by('second'), new Date(at.getTime() + 3600_000));
    expect([soon.written, soon.pending.requestedBy.requestId]).toEqual([false, 'first']);
    const later = await store.writeOnce('stuck-job', by('third'), new Date(at.getTime() + 8 * 3600_000));
    expect([later.written, later.pending.requestedBy.requestId]).toEqual([true, 'third']);
    await store.finished('stuck-job', 'first'); // a late end of the lapsed one clears nothing
    expect(
      (await store.writeOnce('stuck-job', by('fourth'), new Date(at.getTime() + 9 * 3600_000))).written,
    ).toBe(false);
  });
});
