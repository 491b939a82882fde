import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { routes } from '../shared/contract/routes.ts';
import { apiHandler } from '../shared/http/api-handler.ts';
import { aStoredProfileItem } from '../test/support/fixtures.ts';

const N = '1234567897';
const ITEM = aStoredProfileItem(N);

const event = {
  version: '2.0',
  routeKey: 'GET /members/{customerNumber}',
  rawPath: `/members/${N}`,
  rawQueryString: '',
  headers: { authorization: 'Bearer x' },
  pathParameters: { customerNumber: N },
  isBase64Encoded: false,
  requestContext: {
    requestId: 'bench',
    routeKey: 'GET /members/{customerNumber}',
    authorizer: { jwt: { claims: { sub: 'bench', 'cognito:groups': '[customer-service]' }, scopes: [] } },
  },
} as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
const context = { awsRequestId: 'bench' } as Context;

type Handler = (e: APIGatewayProxyEventV2WithJWTAuthorizer, c: Context) => Promise<unknown>;

/** Median over batches of the mean time per call, in microseconds: single calls are below timer noise. */
async function microseconds(handler: Handler, batches: number, perBatch: number): Promise<number> {
  for (let i = 0; i < perBatch; i++) await handler(event, context); // warm up
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < perBatch; i++) await handler(event, context);
    means.push(Number(process.hrtime.bigint() - start) / 1000 / perBatch);
  }
  return means.sort((a, b) => a - b)[Math.floor(means.length / 2)]!;
}

/** Warm member read with the store mocked, and the share of it that is middleware and validation. */
export async function measureHandler() {
  process.env.TABLE_NAME = 'bench';
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const dynamo = mockClient(DynamoDBDocumentClient);
  dynamo.on(GetCommand).resolves({ Item: ITEM });
  dynamo.on(PutCommand).resolves({});
  dynamo.on(QueryCommand).resolves({ Items: [] }); // the audit chain's head
  const { handler: read } = await import('../functions/api/members/read.ts');
  // The same middy stack and schemas with a domain call that does nothing: what the plumbing costs.
  const plumbingOnly = apiHandler(routes.readMember, async () => ITEM);
  const result = {
    readMicros: await microseconds(read as Handler, 21, 500),
    plumbingMicros: await microseconds(plumbingOnly as Handler, 21, 500),
  };
  dynamo.restore();
  return result;
}
