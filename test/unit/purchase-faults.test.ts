import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, ThrottlingException } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { routes } from '../../infra/routes.ts';
import { handler as countHandler } from '../../functions/api/purchases/count.ts';
import { handler as batchHandler } from '../../functions/api/purchases/count-batch.ts';
import { receiptTag } from '../../shared/purchases/receipt.ts';
import { apiEvent, lambdaContext } from '../support/events.ts';
import { aReceipt, aStoredProfileItem } from '../support/fixtures.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
const N = '1234567897';
const receipt = aReceipt(N, { lines: [{ mainGroup: 'food', amountCents: 500 }] });
const count = (body: unknown = receipt) =>
  countHandler(apiEvent(routes.countReceipt, { groups: ['pos'], body }), lambdaContext);
const refused = (old?: Record<string, unknown>) =>
  new ConditionalCheckFailedException({
    message: 'The conditional request failed',
    $metadata: {},
    ...(old ? { Item: marshall(old) } : {}),
  });

beforeAll(() => {
  process.env.TABLE_NAME = 'test-table';
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterAll(() => vi.restoreAllMocks());
beforeEach(() => dynamo.reset());

describe('counting under faults', () => {
  it('writes a receipt with exactly one conditional UpdateItem when the month exists', async () => {
    dynamo.on(UpdateCommand).resolves({ Attributes: { group_food: 2500, receipts: 4 } });
    const answer = await count();
    expect(answer.statusCode).toBe(201);
    expect(JSON.parse(answer.body!)).toMatchObject({
      result: 'counted',
      groups: { food: 2500 },
      receipts: 4,
    });
    expect(dynamo.calls()).toHaveLength(1);
    const input = dynamo.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(input.ConditionExpression).toBe('attribute_exists(pk) AND NOT contains(#tags, :tag)');
    expect(input.UpdateExpression).toMatch(/^ADD #receipts :one, #tags :tags, #g0 :d0 SET/);
  });

  it('answers a receipt already in the month’s set as a duplicate from the refused write alone', async () => {
    dynamo.on(UpdateCommand).rejects(
      refused({
        group_food: 500,
        receipts: 1,
        receiptTags: new Set([receiptTag(receipt.storeId, receipt.receiptId)]),
      }),
    );
    const answer = await count();
    expect(answer.statusCode).toBe(201);
    expect(JSON.parse(answer.body!)).toMatchObject({
      result: 'duplicate',
      groups: { food: 500 },
      receipts: 1,
    });
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(0);
  });

  it('reads the member only for the month’s first receipt, then creates the month', async () => {
    dynamo
      .on(UpdateCommand)
      .rejectsOnce(refused())
      .resolves({ Attributes: { group_food: 500, receipts: 1 } });
    dynamo.on(GetCommand).resolves({ Item: aStoredProfileItem(N) });
    const answer = await count();
    expect(answer.statusCode).toBe(201);
    const updates = dynamo.commandCalls(UpdateCommand).map((c) => c.args[0].input.ConditionExpression);
    expect(updates).toEqual([
      'attribute_exists(pk) AND NOT contains(#tags, :tag)',
      'NOT contains(#tags, :tag)',
    ]);
  });

  it('answers 503 with Retry-After when DynamoDB keeps throttling, and 503 on a network error', async () => {
    dynamo.on(UpdateCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }));
    const throttled = await count();
    expect(throttled.statusCode).toBe(503);
    expect(throttled.headers?.['retry-after']).toBe('1');
    dynamo.on(UpdateCommand).rejects(Object.assign(new Error('read ETIMEDOUT'), { code: 'ETIMEDOUT' }));
    expect((await count()).statusCode).toBe(503);
  });

  it('marks only the throttled receipt of a batch for retry', async () => {
    const ok = aReceipt(N);
    const unlucky = aReceipt(N);
    dynamo.on(UpdateCommand).callsFake((input: { ExpressionAttributeValues: Record<string, unknown> }) => {
      if (input.ExpressionAttributeValues[':tag'] === receiptTag(unlucky.storeId, unlucky.receiptId)) {
        throw new ThrottlingException({ message: 'slow down', $metadata: {} });
      }
      return { Attributes: { group_food: 1250, receipts: 1 } };
    });
    const answer = await batchHandler(
      apiEvent(routes.countReceipts, { groups: ['pos'], body: { receipts: [ok, unlucky] } }),
      lambdaContext,
    );
    const body = JSON.parse(answer.body!);
    expect(body.results.map((r: { result: string }) => r.result)).toEqual(['counted', 'retry']);
    expect(body.results[1].problem.type).toBe('https://moymore.fi/problems/temporarily-unavailable');
  });
});
