import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureBucket, ensureTable, localDynamoClient, localS3Client } from '../../infra/local/services.ts';
import { startLocalApi, type LocalApi } from '../../infra/local/register.ts';
import type { TokenRequest } from '../../infra/local/local-jwt.ts';
import { routeList } from '../../shared/contract/routes.ts';
import { routeKey } from '../../shared/contract/route.ts';

/**
 * This test file's own local API server over the run's DynamoDB Local and s3rver, with a table and a
 * bucket of its own, so that files running side by side never see each other's members or orders.
 */
export async function startTestApi(options: { idTokenTtlSeconds?: number } = {}): Promise<LocalApi> {
  const services = {
    dynamoEndpoint: inject('dynamoEndpoint'),
    s3Endpoint: inject('s3Endpoint'),
    sesEndpoint: inject('sesEndpoint'),
    smsEndpoint: inject('smsEndpoint'),
  };
  const suffix = randomUUID().slice(0, 8);
  const names = { tableName: `test-${suffix}`, bucketName: `test-${suffix}` };
  await ensureTable(localDynamoClient(services.dynamoEndpoint), names.tableName);
  await ensureBucket(localS3Client(services.s3Endpoint), names.bucketName);
  return startLocalApi({
    services,
    port: 0,
    keyFile: join(mkdtempSync(join(tmpdir(), 'moymore-keys-')), 'key.json'),
    names,
    ...options,
  });
}

export interface CallOptions {
  as?: TokenRequest;
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests inspect any JSON shape
  text: string;
}

/** An HTTP call to the local API with a real token for the given role. */
export async function call(
  api: LocalApi,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token ?? (options.as ? await api.token(options.as) : undefined);
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(api.url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed !== undefined) answersAsDocumented(method, path, response.status, parsed);
  return { status: response.status, headers: response.headers, body: parsed, text };
}

const documented = routeList.map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`),
}));

/**
 * Every answer a test gets is held to the body the OpenAPI document gives for its route and status:
 * what the console's generated client is typed by is what the register sends.
 */
function answersAsDocumented(method: string, path: string, status: number, body: unknown): void {
  const pathOnly = path.split('?')[0]!;
  const match = documented.find(({ route, pattern }) => route.method === method && pattern.test(pathOnly));
  const schema = match?.route.responses[status]?.body;
  if (!schema) return;
  const checked = schema.safeParse(body);
  if (!checked.success)
    throw new Error(
      `${routeKey(match.route)} answered ${status} with a body its document does not describe: ${JSON.stringify(checked.error.issues).slice(0, 1500)}`,
    );
}

/** Waits for work that runs outside the request (a job a route asked for) until the check holds: its last answer. */
export async function until<T>(check: () => Promise<T>, what = 'the work', timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await check();
    if (answer) return answer;
    if (Date.now() > deadline) throw new Error(`${what} did not end in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
