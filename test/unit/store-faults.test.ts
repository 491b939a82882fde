import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import {
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { routes } from '../../shared/contract/routes.ts';
import { handler as readHandler } from '../../functions/api/members/read.ts';
import { handler as correctHandler } from '../../functions/api/members/correct.ts';
import { handler as registerHandler } from '../../functions/api/members/register.ts';
import { StoreBusy } from '../../shared/refusal.ts';
import { createDocumentClient } from '../../shared/store/dynamo.ts';
import { DynamoMemberPrivacyStore } from '../../shared/store/dynamo-member-privacy-store.ts';
import { DynamoStatistics } from '../../shared/store/dynamo-statistics.ts';
import { apiEvent, lambdaContext } from '../support/events.ts';
import { aRegistration, aStoredProfileItem } from '../support/fixtures.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
const N = '1234567897';
const stored = aStoredProfileItem(N);

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
/** Cancelled on the profile, which DynamoDB answers with as it is now. */
const profileRefused = (now: Record<string, unknown>) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'ConditionalCheckFailed', Item: marshall(now) }, { Code: 'None' }],
  });

const read = () =>
  readHandler(apiEvent(routes.readMember, { pathParameters: { customerNumber: N } }), lambdaContext);
const correct = (body: unknown) =>
  correctHandler(
    apiEvent(routes.correctMember, {
      pathParameters: { customerNumber: N },
      headers: { 'if-match': '"3"' },
      body,
    }),
    lambdaContext,
  );

let output = '';
beforeAll(() => {
  process.env.TABLE_NAME = 'test-table';
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk) => {
      output += String(chunk);
      return true;
    });
  }
});
afterAll(() => vi.restoreAllMocks());
beforeEach(() => {
  dynamo.reset();
  dynamo.on(QueryCommand).resolves({ Items: [] }); // the member's audit chain is empty
  output = '';
});

describe('store faults become the right HTTP answer', () => {
  it('answers 503 with Retry-After when DynamoDB keeps throttling', async () => {
    dynamo
      .on(GetCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    const response = await read();
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('1');
    expect(JSON.parse(response.body!).type).toBe('https://moymore.fi/problems/temporarily-unavailable');
  });

  it('answers 503 on a network error, safe to resend', async () => {
    dynamo.on(GetCommand).rejects(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    expect((await read()).statusCode).toBe(503);
  });

  it('answers 412 when the version changed between read and write', async () => {
    dynamo.on(GetCommand).resolves({ Item: stored });
    dynamo.on(TransactWriteCommand).rejects(profileRefused({ ...stored, version: stored.version + 1 }));
    expect((await correct({ surname: 'Korhonen' })).statusCode).toBe(412);
  });

  it('answers 404 when the member began to be erased between read and write', async () => {
    dynamo.on(GetCommand).resolves({ Item: stored });
    dynamo.on(TransactWriteCommand).rejects(profileRefused({ ...stored, type: 'erasing' }));
    expect((await correct({ surname: 'Korhonen' })).statusCode).toBe(404);
  });

  it('answers 409 naming the email when its unique key is taken', async () => {
    dynamo.on(GetCommand).resolves({ Item: stored });
    // profile, delete of the old email key, put of the new one, audit
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'ConditionalCheckFailed', 'None'));
    const response = await correct({ email: 'taken@example.fi' });
    expect(response.statusCode).toBe(409);
    expect(JSON.parse(response.body!).errors).toEqual([
      { field: 'email', message: 'belongs to another member' },
    ]);
  });

  it('answers 503 when a transaction is cancelled by a conflict rather than a condition', async () => {
    dynamo.on(GetCommand).resolves({ Item: stored });
    dynamo.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None'));
    expect((await correct({ surname: 'Korhonen' })).statusCode).toBe(503);
  });

  it('answers 500, not a retry invitation, when a transaction is cancelled for an invalid item', async () => {
    dynamo.on(GetCommand).resolves({ Item: stored });
    dynamo.on(TransactWriteCommand).rejects(cancelled('ValidationError', 'None'));
    expect((await correct({ surname: 'Korhonen' })).statusCode).toBe(500);
  });

  it('answers 500 without detail and logs no message or personal data for an unexpected failure', async () => {
    dynamo.on(TransactWriteCommand).rejects(
      Object.assign(new Error('One or more parameter values were invalid: EMAIL#secret.person@example.fi'), {
        name: 'ValidationException',
      }),
    );
    const response = await registerHandler(
      apiEvent(routes.registerMember, { body: aRegistration({ email: 'secret.person@example.fi' }) }),
      lambdaContext,
    );
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toContain('test-table');
    expect(output).toContain('ValidationException');
    expect(output).not.toContain('secret');
    expect(output).not.toContain('Äijälä');
  });

  it('writes the audit entry before handing out a read', async () => {
    dynamo.on(GetCommand).resolves({ Item: stored });
    dynamo
      .on(PutCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    const response = await read();
    expect(response.statusCode).toBe(503);
    expect(response.body).not.toContain('Virtanen');
  });
});

describe('a scan’s faults are the store’s own, as every other call’s', () => {
  const privacy = new DynamoMemberPrivacyStore(createDocumentClient(), 'test-table');
  const scans = {
    'every member': () => privacy.everyMember(),
    'every audited member': () => privacy.auditedMembers(),
    'every record of the statistics': () =>
      new DynamoStatistics(createDocumentClient(), 'test-table').everyRecord(0, 1),
  };

  it.each(Object.entries(scans))('%s: StoreBusy when DynamoDB keeps throttling', async (_, scan) => {
    dynamo
      .on(ScanCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    await expect(async () => {
      for await (const _page of scan());
    }).rejects.toThrow(StoreBusy);
  });

  it.each(Object.entries(scans))('%s: an unexpected failure goes up as it is', async (_, scan) => {
    dynamo.on(ScanCommand).rejects(Object.assign(new Error('invalid'), { name: 'ValidationException' }));
    await expect(async () => {
      for await (const _page of scan());
    }).rejects.toThrow('invalid');
  });
});
