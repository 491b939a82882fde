import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import {
  ConditionalCheckFailedException,
  ThrottlingException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { routes } from '../../shared/contract/routes.ts';
import { handler as countHandler } from '../../functions/api/purchases/count.ts';
import { handler as batchHandler } from '../../functions/api/purchases/count-batch.ts';
import { receiptTag } from '../../shared/purchases/receipt.ts';
import { apiEvent, lambdaContext } from '../support/events.ts';
import { aReceipt } from '../support/fixtures.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
const N = '1234567897';
const receipt = aReceipt(N, { lines: [{ mainGroup: 'food', amountCents: 500 }] });
const count = (body: unknown = receipt) =>
  countHandler(apiEvent(routes.countReceipt, { groups: ['pos'], body }), lambdaContext);
/** A cancelled transaction, each item's reason as DynamoDB gives it (the old item marshalled). */
const cancelled = (reasons: { Code?: string; Item?: Record<string, unknown> }[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: reasons.map(({ Code, Item }) => ({
      Code: Code ?? 'None',
      ...(Item ? { Item: marshall(Item) } : {}),
    })),
  });

beforeAll(() => {
  process.env.TABLE_NAME = 'test-table';
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterAll(() => vi.restoreAllMocks());
beforeEach(() => dynamo.reset());

/** A single write refused by its condition, with the item as it was. */
const refused = (item?: Record<string, unknown>) =>
  new ConditionalCheckFailedException({
    message: 'The conditional request failed',
    $metadata: {},
    ...(item ? { Item: marshall(item) } : {}),
  });

describe('counting under faults', () => {
  it('writes a receipt as two single writes when the month exists, its identity first, and no transaction', async () => {
    dynamo.on(PutCommand).resolves({});
    dynamo.on(UpdateCommand).resolves({});
    const answer = await count();
    expect(answer.statusCode).toBe(201);
    expect(JSON.parse(answer.body!)).toEqual({
      result: 'counted',
      storeId: receipt.storeId,
      receiptId: receipt.receiptId,
      month: '2026-10',
    });
    expect(dynamo.calls().map((call) => call.args[0].constructor.name)).toEqual([
      'PutCommand',
      'UpdateCommand',
    ]);
    const identity = dynamo.commandCalls(PutCommand)[0]!.args[0].input;
    expect(identity.ConditionExpression).toBe(
      'attribute_not_exists(pk) OR (customerNumber = :n AND #month = :m)',
    );
    const month = dynamo.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(month.ConditionExpression).toBe('attribute_exists(pk) AND NOT contains(#tags, :tag)');
    // October closed on 3 November: its statement is made, so the month is marked for a late change.
    expect(month.UpdateExpression).toMatch(
      /^ADD #receipts :one, #tags :tags, lateChanges :one, #g0 :d0 SET .*#l0 = :l0, #l1 = :l1$/,
    );
  });

  it('answers a receipt its month has counted already as a duplicate, and leaves its identity', async () => {
    dynamo.on(PutCommand).resolves({});
    dynamo
      .on(UpdateCommand)
      .rejects(refused({ receiptTags: new Set([receiptTag(receipt.storeId, receipt.receiptId)]) }));
    const answer = await count();
    expect(answer.statusCode).toBe(201);
    expect(JSON.parse(answer.body!)).toMatchObject({ result: 'duplicate', month: '2026-10' });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('refuses a receipt id counted for another member or month with 409, naming neither, and writes no month', async () => {
    const other = '2345678916';
    for (const first of [
      { customerNumber: other, month: '2026-10' },
      { customerNumber: N, month: '2026-09' },
    ]) {
      dynamo.reset();
      dynamo.on(PutCommand).rejects(refused(first));
      const answer = await count();
      expect(answer.statusCode).toBe(409);
      expect(JSON.parse(answer.body!).type).toBe('https://moymore.fi/problems/receipt-id-taken');
      expect(answer.body).not.toContain(other);
      expect(answer.body).not.toContain(N);
      expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(0);
    }
  });

  it('creates the month with its first receipt in one transaction, only while the member is one', async () => {
    dynamo.on(PutCommand).resolves({});
    dynamo.on(UpdateCommand).rejects(refused());
    dynamo.on(TransactWriteCommand).resolves({});
    const answer = await count();
    expect(answer.statusCode).toBe(201);
    // No read of the member: the transaction's condition is the check.
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(0);
    const [items] = dynamo.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems!);
    expect(items![0]!.Put!.ConditionExpression).toBe(
      'attribute_not_exists(pk) OR (customerNumber = :n AND #month = :m)',
    );
    expect(items![1]!.Update!.ConditionExpression).toBe('NOT contains(#tags, :tag)');
    expect(items![2]!.ConditionCheck!.ConditionExpression).toBe('#type = :member');
  });

  it('refuses a receipt of a member who is not one, and takes its identity back unless its month holds it', async () => {
    dynamo.on(PutCommand).resolves({});
    dynamo.on(UpdateCommand).rejects(refused());
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled([{}, {}, { Code: 'ConditionalCheckFailed' }]))
      .resolves({});
    const answer = await count();
    expect(answer.statusCode).toBe(422);
    expect(JSON.parse(answer.body!).type).toBe('https://moymore.fi/problems/unknown-member');
    const release = dynamo.commandCalls(TransactWriteCommand)[1]!.args[0].input.TransactItems!;
    expect(release[0]!.Delete!.ConditionExpression).toBe('customerNumber = :n AND #month = :m');
    expect(release[1]!.ConditionCheck!.ConditionExpression).toBe(
      'attribute_not_exists(pk) OR NOT contains(#tags, :tag)',
    );
  });

  it('answers 503 with Retry-After when DynamoDB keeps throttling or a transaction conflicts, and 503 on a network error', async () => {
    dynamo.on(PutCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }));
    const throttled = await count();
    expect(throttled.statusCode).toBe(503);
    expect(throttled.headers?.['retry-after']).toBe('1');
    dynamo.reset();
    dynamo.on(PutCommand).resolves({});
    dynamo.on(UpdateCommand).rejects(refused());
    dynamo.on(TransactWriteCommand).rejects(cancelled([{ Code: 'TransactionConflict' }, { Code: 'None' }]));
    expect((await count()).statusCode).toBe(503);
    dynamo.reset();
    dynamo.on(PutCommand).rejects(Object.assign(new Error('read ETIMEDOUT'), { code: 'ETIMEDOUT' }));
    expect((await count()).statusCode).toBe(503);
  });

  it('marks only the throttled receipt of a batch for retry', async () => {
    const ok = aReceipt(N);
    const unlucky = aReceipt(N);
    const unluckyTag = receiptTag(unlucky.storeId, unlucky.receiptId);
    dynamo.on(PutCommand).resolves({});
    dynamo.on(UpdateCommand).callsFake((input: UpdateCommandInput) => {
      if (input.ExpressionAttributeValues![':tag'] === unluckyTag) {
        throw new ThrottlingException({ message: 'slow down', $metadata: {} });
      }
      return {};
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
