import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { routes } from '../../shared/contract/routes.ts';
import { handler as runJobNow } from '../../functions/api/operations/run-job.ts';
import { insertRecord, jobRequestPattern } from '../../shared/store/dynamo-job-requests.ts';
import { jobRequestStore } from '../../shared/store/default-stores.ts';
import { dispatchJobRequests } from '../../shared/lambda/job-dispatch.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import type { JobRequest } from '../../shared/jobs/job-requests.ts';
import { apiEvent, lambdaContext } from '../support/events.ts';
import { matchesFilter } from '../../infra/local/table-stream.ts';

const dynamo = mockClient(DynamoDBDocumentClient);

const puts = () => dynamo.commandCalls(PutCommand).map((call) => call.args[0].input.Item!);

beforeAll(() => {
  process.env.TABLE_NAME = 'test-table';
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterAll(() => vi.restoreAllMocks());
beforeEach(() => {
  dynamo.reset();
  dynamo.on(PutCommand).resolves({});
  dynamo.on(GetCommand).resolves({});
});

/** "Run the card batch now": the route writes the request and answers at once. */
async function askedForByTheConsole() {
  const answer = await runJobNow(
    apiEvent(routes.runJobNow, { groups: ['processor'], pathParameters: { job: 'card-batch' } }),
    lambdaContext,
  );
  expect(answer.statusCode).toBe(202);
  expect(JSON.parse(answer.body!)).toMatchObject({ job: 'card-batch', requestId: expect.any(String) });
  const [item] = puts();
  expect(item).toMatchObject({
    type: 'job-request',
    job: 'card-batch',
    requestedBy: { role: 'processor', actor: 'test-subject' },
  });
  // Kept a day, as the stream keeps its records.
  expect(Number(item!.expiresAt) - Date.now() / 1000).toBeGreaterThan(23 * 3600);
  dynamo.resetHistory();
  dynamo.on(GetCommand, { Key: { pk: item!.pk, sk: item!.sk } }).resolves({ Item: item });
  return { item: item!, record: insertRecord({ pk: String(item!.pk), sk: String(item!.sk) }, '100') };
}

/** A record as a keys-only stream delivers it (the shape of AWS's own example). */
const streamRecord = (eventName: 'INSERT' | 'MODIFY' | 'REMOVE', pk: string): DynamoDBRecord => ({
  eventID: '7de3041dd709b024af6f29e4fa13d34c',
  eventName,
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'eu-north-1',
  dynamodb: {
    ApproximateCreationDateTime: 1479499740,
    Keys: { pk: { S: pk }, sk: { S: 'REQUEST' } },
    SequenceNumber: '13021600000000001596893679',
    SizeBytes: 112,
    StreamViewType: 'KEYS_ONLY',
  },
  eventSourceARN: 'arn:aws:dynamodb:eu-north-1:123456789012:table/t/stream/2016-11-16T20:42:48.104',
});

describe('a job asked for by a route', () => {
  it('reaches the job-requests function as a new item’s keys, and nothing else does', async () => {
    const { item, record } = await askedForByTheConsole();
    expect(matchesFilter(jobRequestPattern(), record)).toBe(true);
    expect(matchesFilter(jobRequestPattern(), streamRecord('INSERT', String(item.pk)))).toBe(true);
    expect(matchesFilter(jobRequestPattern(), streamRecord('REMOVE', String(item.pk)))).toBe(false);
    expect(matchesFilter(jobRequestPattern(), streamRecord('MODIFY', String(item.pk)))).toBe(false);
    expect(matchesFilter(jobRequestPattern(), streamRecord('INSERT', 'MEMBER#1234567897'))).toBe(false);
  });

  it('is read by its keys and handed to its job, unless no route would have asked for it', async () => {
    const { record } = await askedForByTheConsole();
    const started: JobRequest[] = [];
    const deps = {
      read: (r: DynamoDBRecord) => jobRequestStore().read(r),
      start: async (request: JobRequest) => void started.push(request),
    };
    expect(await dispatchJobRequests([record], deps)).toEqual({ batchItemFailures: [] });
    expect(started).toEqual([
      { job: 'card-batch', requestedBy: expect.objectContaining({ role: 'processor' }), once: true },
    ]);
    // A member's request (no route lets a member start the batch), a request gone and another item: nothing.
    const forged = insertRecord({ pk: 'JOBREQUEST#card-batch#forged', sk: 'REQUEST' });
    dynamo.on(GetCommand, { Key: { pk: 'JOBREQUEST#card-batch#forged', sk: 'REQUEST' } }).resolves({
      Item: {
        type: 'job-request',
        job: 'card-batch',
        requestedBy: { role: 'member', actor: 'x', requestId: 'y' },
      },
    });
    const gone = insertRecord({ pk: 'JOBREQUEST#card-batch#gone', sk: 'REQUEST' });
    expect(
      await dispatchJobRequests([forged, gone, streamRecord('INSERT', 'MEMBER#1234567897')], deps),
    ).toEqual({ batchItemFailures: [] });
    expect(started).toHaveLength(1);
  });

  it('gives the batch back from the request it could not start, and starts none after it', async () => {
    const { record } = await askedForByTheConsole();
    const later = { ...record, dynamodb: { ...record.dynamodb, SequenceNumber: '101' } };
    const start = vi.fn(async () => Promise.reject(new Error('throttled')));
    expect(
      await dispatchJobRequests([record, later], { read: (r) => jobRequestStore().read(r), start }),
    ).toEqual({
      batchItemFailures: [{ itemIdentifier: '100' }],
    });
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('asks for the next run of a job that ended short, and clears the way only when it is done', async () => {
    dynamo.on(DeleteCommand).resolves({});
    const requestedBy = { actor: 'p', role: 'processor', requestId: 'r-9' };
    const results = [{ done: false }, { done: true }];
    const entry = jobEntry({ job: 'address-refresh', name: 'refresh', run: async () => results.shift()! });
    const request = { jobRequest: { job: 'address-refresh', requestedBy, once: true } };
    await jobHandler(entry)(request);
    expect(puts()).toEqual([
      expect.objectContaining({ type: 'job-run', outcome: 'done', requestedBy }),
      expect.objectContaining({ type: 'job-request', job: 'address-refresh', requestedBy, once: true }),
    ]);
    expect(dynamo.commandCalls(DeleteCommand)).toHaveLength(0);

    dynamo.resetHistory();
    await jobHandler(entry)(request);
    expect(puts()).toEqual([expect.objectContaining({ type: 'job-run', outcome: 'done' })]);
    expect(dynamo.commandCalls(DeleteCommand)).toHaveLength(1);

    // A campaign's sending asks for its own next run: no second request is written for it.
    dynamo.resetHistory();
    const sending = jobEntry({ job: 'campaign-send', name: 'send', run: async () => ({ done: false }) });
    await jobHandler(sending)({ jobRequest: { job: 'campaign-send', requestedBy } });
    expect(puts()).toEqual([expect.objectContaining({ type: 'job-run' })]);
  });

  it('runs the job with its input, and the run record says who asked, or which input failed', async () => {
    const requestedBy = { actor: 'a', role: 'marketing', requestId: 'r-1' };
    const run = vi.fn(async (input: unknown) => ({ ran: input }));
    const entry = jobEntry({ job: 'campaign-audience', name: 'audience', run });
    await jobHandler(entry)({
      jobRequest: { job: 'campaign-audience', input: { campaignId: 'C-1' }, requestedBy },
    });
    expect(run).toHaveBeenCalledWith({ campaignId: 'C-1' }, undefined);
    expect(puts()).toEqual([
      expect.objectContaining({
        type: 'job-run',
        outcome: 'done',
        requestedBy,
        input: { campaignId: 'C-1' },
      }),
    ]);

    dynamo.resetHistory();
    const failing = jobEntry({
      job: 'campaign-audience',
      name: 'audience',
      run: async () => Promise.reject(new Error('x')),
    });
    await expect(
      jobHandler(failing)({
        jobRequest: { job: 'campaign-audience', input: { campaignId: 'C-2' }, requestedBy },
      }),
    ).rejects.toThrow();
    expect(puts()).toEqual([
      expect.objectContaining({
        outcome: 'failed',
        summary: { error: 'Error' },
        input: { campaignId: 'C-2' },
      }),
    ]);
    await expect(jobHandler(entry)({ jobRequest: { job: 'card-batch', requestedBy } })).rejects.toThrow(
      'a request for card-batch reached the campaign-audience job',
    );
  });
});
