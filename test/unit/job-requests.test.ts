import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { routes } from '../../shared/contract/routes.ts';
import { handler as runCardBatchNow } from '../../functions/api/operations/run-card-batch.ts';
import { insertRecord, jobRequestPattern } from '../../shared/store/dynamo-job-requests.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { apiEvent, lambdaContext } from '../support/events.ts';

const dynamo = mockClient(DynamoDBDocumentClient);

/** How Lambda's event filtering matches a record: every key of the pattern, a value among its list. */
const matches = (pattern: unknown, value: unknown): boolean =>
  Array.isArray(pattern)
    ? pattern.includes(value)
    : typeof value === 'object' &&
      value !== null &&
      Object.entries(pattern as object).every(([key, inner]) =>
        matches(inner, (value as Record<string, unknown>)[key]),
      );

const puts = () => dynamo.commandCalls(PutCommand).map((call) => call.args[0].input.Item!);

beforeAll(() => {
  process.env.TABLE_NAME = 'test-table';
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterAll(() => vi.restoreAllMocks());
beforeEach(() => {
  dynamo.reset();
  dynamo.on(PutCommand).resolves({});
});

/** "Run the card batch now": the route writes the request and answers; the job runs from the stream. */
async function askedForByTheConsole() {
  const answer = await runCardBatchNow(
    apiEvent(routes.runCardBatchNow, { groups: ['processor'] }),
    lambdaContext,
  );
  expect(answer.statusCode).toBe(202);
  expect(JSON.parse(answer.body!)).toMatchObject({ job: 'card-batch' });
  const [request] = puts();
  expect(request).toMatchObject({
    type: 'job-request',
    job: 'card-batch',
    requestedBy: { role: 'processor', actor: 'test-subject' },
  });
  // Kept a day, as the stream keeps its records.
  expect(Number(request!.expiresAt) - Date.now() / 1000).toBeGreaterThan(23 * 3600);
  dynamo.resetHistory();
  return request!;
}

describe('a job asked for by a route', () => {
  it('reaches that job’s function only, as the stream delivers the new item', async () => {
    const record = insertRecord(await askedForByTheConsole());
    expect(matches(jobRequestPattern('card-batch'), record)).toBe(true);
    expect(matches(jobRequestPattern('campaign-audience'), record)).toBe(false);
    expect(matches(jobRequestPattern('card-batch'), { ...record, eventName: 'REMOVE' })).toBe(false);
    const other = insertRecord({ pk: 'JOBRUNS#card-batch', sk: 'x', type: 'job-run', job: 'card-batch' });
    expect(matches(jobRequestPattern('card-batch'), other)).toBe(false);
  });

  it('runs with its input, and its run record says who asked', async () => {
    const record = insertRecord({ ...(await askedForByTheConsole()), input: { campaignId: 'C-1' } });
    const run = vi.fn(async (input: unknown) => ({ ran: input }));
    await jobHandler(jobEntry({ job: 'card-batch', name: 'card batch', run }))({ Records: [record] });
    expect(run).toHaveBeenCalledWith({ campaignId: 'C-1' }, undefined);
    expect(puts()).toEqual([
      expect.objectContaining({
        type: 'job-run',
        job: 'card-batch',
        outcome: 'done',
        requestedBy: expect.objectContaining({ role: 'processor' }),
      }),
    ]);
  });

  it('fails the batch when the run fails, so that Lambda retries it; other records run nothing', async () => {
    const record = insertRecord(await askedForByTheConsole());
    const failing = jobHandler(
      jobEntry({
        job: 'card-batch',
        name: 'card batch',
        run: async () => Promise.reject(new Error('the run died')),
      }),
    );
    await expect(failing({ Records: [record] })).rejects.toThrow('the run died');
    const run = vi.fn(async () => ({}));
    await jobHandler(jobEntry({ job: 'campaign-audience', name: 'audience', run }))({
      Records: [record, { ...record, eventName: 'REMOVE' }],
    });
    expect(run).not.toHaveBeenCalled();
  });
});
