import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { flattenClaims } from '../../infra/local/local-jwt.ts';
import { TILL_SCOPES } from '../../shared/auth/scopes.ts';
import { routeKey, type RouteSpec } from '../../shared/contract/route.ts';

/** A payload 2.0 event as API Gateway delivers it after the JWT authorizer, for calling a handler directly. */
export function apiEvent(
  route: RouteSpec,
  options: {
    groups?: string[];
    customerNumber?: string;
    pathParameters?: Record<string, string>;
    query?: Record<string, string>;
    headers?: Record<string, string>;
    body?: unknown;
  } = {},
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const groups = options.groups ?? ['customer-service'];
  // A till is a machine: its access token carries the till scopes, not a group.
  const claims = flattenClaims({
    sub: 'test-subject',
    ...(groups.includes('pos') ? { scope: Object.values(TILL_SCOPES).join(' ') } : {}),
    'cognito:groups': groups.filter((group) => group !== 'pos'),
    ...(options.customerNumber ? { 'custom:customerNumber': options.customerNumber } : {}),
  });
  return {
    version: '2.0',
    routeKey: routeKey(route),
    rawPath: route.path,
    rawQueryString: '',
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'test',
      domainPrefix: 'test',
      http: {
        method: route.method,
        path: route.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      requestId: 'test-request',
      routeKey: routeKey(route),
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } },
    },
  };
}

export const lambdaContext = { awsRequestId: 'test-request', functionName: 'test' } as Context;
