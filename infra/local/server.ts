import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { routeKey, type RouteSpec } from '../../shared/contract/route.ts';
import { flattenClaims, verifyToken, type LocalKeys } from './local-jwt.ts';
import { scopesOf } from '../../shared/auth/scopes.ts';

export type ApiLambdaHandler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

interface CompiledRoute {
  route: RouteSpec;
  pattern: RegExp;
  names: string[];
  handler: Promise<ApiLambdaHandler>;
}

/** API Gateway's own answers, which never reach a handler. */
export const gatewayAnswer = (res: ServerResponse, status: number, message: string) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message }));
};

function compile(route: RouteSpec, load: (handler: string) => Promise<ApiLambdaHandler>): CompiledRoute {
  const names: string[] = [];
  const pattern = new RegExp(
    '^' +
      route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      }) +
      '$',
  );
  return { route, pattern, names, handler: load(route.handler) };
}

const MAX_PAYLOAD = 10 * 1024 * 1024; // API Gateway's own payload limit

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Binary or non-UTF-8 bodies are handed over base64-encoded, as API Gateway does. */
function bodyFields(body: Buffer): { body?: string; isBase64Encoded: boolean } {
  if (body.length === 0) return { isBase64Encoded: false };
  const text = body.toString('utf8');
  return Buffer.from(text, 'utf8').equals(body)
    ? { body: text, isBase64Encoded: false }
    : { body: body.toString('base64'), isBase64Encoded: true };
}

function lambdaContext(requestId: string, route: RouteSpec): Context {
  return {
    awsRequestId: requestId,
    functionName: route.handler,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${route.handler}`,
    memoryLimitInMB: '256',
    logGroupName: 'local',
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export type ApiListener = {
  /** Whether a route of the table has this path (any method): the API's, not the console's. */
  serves(path: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
};

/**
 * The local API Gateway: matches the route table, checks the JWT as the authorizer does, builds a
 * payload 2.0 event with claims flattened the way AWS flattens them, and calls the same handler.
 * `path` is the request's path as the API sees it (the front door strips /api).
 */
export function createApiListener(options: {
  routes: readonly RouteSpec[];
  keys: LocalKeys;
  load: (handler: string) => Promise<ApiLambdaHandler>;
}): ApiListener {
  const compiled = options.routes.map((route) => compile(route, options.load));
  // Keep a failed import from becoming an unhandled rejection; it surfaces on the first call.
  for (const c of compiled) c.handler.catch(() => undefined);

  const serves = (path: string) => compiled.some((c) => c.pattern.test(path));
  const handle = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    // The route's key, never its path (which may hold a customer number), says which handler failed.
    let served = 'no route yet';
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      url.pathname = path;
      const method = req.method ?? 'GET';
      const match = compiled
        .map((c) => ({ c, m: c.pattern.exec(url.pathname) }))
        .find(({ c, m }) => m && c.route.method === method);
      if (!match?.m) return gatewayAnswer(res, 404, 'Not Found');
      const { route, names, handler } = match.c;
      served = routeKey(route);

      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
      }
      let claims: Record<string, string | number | boolean | string[]> | undefined;
      if (route.roles !== 'public') {
        const token = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1];
        const payload = token ? await verifyToken(options.keys, token) : undefined;
        if (!payload) return gatewayAnswer(res, 401, 'Unauthorized');
        claims = flattenClaims(payload);
        // A machine route takes only an access token with one of its scopes, as the authorizer does.
        if (route.scopes && !scopesOf(claims.scope).some((scope) => route.scopes!.includes(scope)))
          return gatewayAnswer(res, 403, 'Forbidden');
      }
      const body = await readBody(req);
      if (body === 'too-large') return gatewayAnswer(res, 413, 'Request Entity Too Large');

      const query: Record<string, string> = {};
      for (const [name, value] of url.searchParams)
        query[name] = name in query ? `${query[name]},${value}` : value;
      const pathParameters = Object.fromEntries(
        names.map((name, i) => [name, decodeURIComponent(match.m![i + 1]!)]),
      );
      const requestId = randomUUID();
      const now = new Date();
      const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
        version: '2.0',
        routeKey: routeKey(route),
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        headers,
        ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
        ...(names.length ? { pathParameters } : {}),
        ...bodyFields(body),
        requestContext: {
          accountId: '000000000000',
          apiId: 'local',
          domainName: 'localhost',
          domainPrefix: 'localhost',
          http: {
            method,
            path: url.pathname,
            protocol: `HTTP/${req.httpVersion}`,
            sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
            userAgent: headers['user-agent'] ?? '',
          },
          requestId,
          routeKey: routeKey(route),
          stage: '$default',
          time: now.toUTCString(),
          timeEpoch: now.getTime(),
          authorizer: claims
            ? { principalId: '', integrationLatency: 0, jwt: { claims, scopes: scopesOf(claims.scope) } }
            : (undefined as never),
        },
      };
      const result = await (await handler)(event, lambdaContext(requestId, route));
      res.writeHead(result.statusCode ?? 200, { ...result.headers, 'apigw-requestid': requestId } as Record<
        string,
        string
      >);
      res.end(result.body ?? '');
    } catch (error) {
      // A handler that throws is a Lambda failure: API Gateway answers 500 with its own body.
      console.error('handler failed:', served, error instanceof Error ? error.name : typeof error);
      if (!res.headersSent) gatewayAnswer(res, 500, 'Internal Server Error');
    }
  };
  return { serves, handle };
}
