import { createReadStream } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL } from '../infra/local/services.ts';
import { latin1Lines } from '../shared/addresses/latin1-lines.ts';
import { runAddressRefresh } from '../shared/addresses/run-refresh.ts';
import { parseDetail, parseHeader, parseTrailer } from '../shared/addresses/update-file.ts';
import { createDocumentClient } from '../shared/store/dynamo.ts';
import { DynamoAddressJobStore } from '../shared/store/dynamo-address-job-store.ts';
import { DynamoJobLeases } from '../shared/store/dynamo-job-leases.ts';
import { DynamoMemberStore } from '../shared/store/dynamo-member-store.ts';
import { createS3Client, ExchangeBucket } from '../shared/store/exchange-bucket.ts';

/**
 * One measurement in a process of its own, so that its peak RSS is its alone. Prints JSON.
 *   floor <source>  reads the bytes and does nothing with them
 *   parse <source>  splits Latin-1 lines and parses and validates every record, as the job does
 *   apply         runs the address refresh job against the local stack, counting DynamoDB requests
 */
const [mode, path] = process.argv.slice(2);
const start = performance.now();
const seconds = () => (performance.now() - start) / 1000;
const peakRssMb = () => (process.resourceUsage().maxRSS * 1024) / 2 ** 20;

/** The bytes as the job gets them: from S3 (`s3:<key>`, the local s3rver), or a file on disk. */
const source = async () =>
  path!.startsWith('s3:')
    ? new ExchangeBucket(createS3Client(), LOCAL.bucketName).read(path!.slice(3))
    : createReadStream(path!);

if (mode === 'floor') {
  let bytes = 0;
  for await (const chunk of (await source()) as AsyncIterable<Buffer>) bytes += chunk.length;
  console.log(JSON.stringify({ bytes, seconds: seconds(), peakRssMb: peakRssMb() }));
} else if (mode === 'parse') {
  let accepted = 0;
  let previous: string | undefined;
  let lines = 0;
  for await (const batch of latin1Lines(await source())) {
    for (const line of batch) {
      lines += 1;
      if (line.number === 1) {
        if (!parseHeader(line.text).ok) throw new Error('bad header');
        continue;
      }
      // Every line but the last is a detail: the last is known only when the next one is not there.
      if (previous !== undefined && parseDetail(previous).ok) accepted += 1;
      previous = line.text;
    }
  }
  if (!parseTrailer(previous!).ok) throw new Error('bad trailer');
  console.log(JSON.stringify({ lines, accepted, seconds: seconds(), peakRssMb: peakRssMb() }));
} else if (mode === 'apply') {
  const requests: Record<string, number> = {};
  let memberWrites = 0;
  let memberReads = 0;
  const raw = new DynamoDBClient({});
  raw.middlewareStack.add(
    (next, context) => async (args) => {
      requests[context.commandName!] = (requests[context.commandName!] ?? 0) + 1;
      const input = args.input as {
        Item?: { type?: unknown };
        TransactItems?: unknown;
        RequestItems?: unknown;
      };
      const type = input.Item?.type;
      if (type === 'member' || (type as { S?: string })?.S === 'member' || input.TransactItems)
        memberWrites += 1;
      if (context.commandName === 'BatchGetItemCommand') memberReads += 1;
      return next(args);
    },
    { step: 'initialize', name: 'benchRequestCounter' },
  );
  const db = createDocumentClient(raw);
  const run = await runAddressRefresh({
    members: new DynamoMemberStore(db, LOCAL.tableName),
    jobs: new DynamoAddressJobStore(db, LOCAL.tableName),
    leases: new DynamoJobLeases(db, LOCAL.tableName),
    files: new ExchangeBucket(createS3Client(), LOCAL.bucketName),
  });
  console.log(
    JSON.stringify({
      counts: run.files[0]?.counts,
      seconds: seconds(),
      requests,
      memberWrites,
      memberReads,
      peakRssMb: peakRssMb(),
    }),
  );
}
process.exit(0);
