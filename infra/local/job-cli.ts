import { readFileSync } from 'node:fs';
import { jobs, type JobSpec } from '../../shared/contract/jobs.ts';
import { loadFunction } from './functions.ts';
import { LOCAL, localEnvironment } from './services.ts';

/**
 * `npm run job -- <name> [--dry-run] [--campaign <id>] [--notice <id>]`: runs a job once against the
 * running local stack, with its Lambda handler; `--dry-run` sends `{ "dryRun": true }` (the legacy
 * import changes nothing then), `--campaign` the campaign whose audience to compute, `--notice`
 * the account notice to send (as the stream hands their requests on), `--as-of` the instant the
 * benefit jobs act at (a month's close rehearsed; refused in AWS), `--file` the event to hand over as
 * it is (SES events to marketing-events, in the shape EventBridge delivers).
 */
const name = process.argv[2] ?? '';
const argument = (flag: string) => {
  const at = process.argv.indexOf(flag);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const campaignId = argument('--campaign');
const notice = argument('--notice');
const asOf = argument('--as-of');
const file = argument('--file');
const event = file
  ? JSON.parse(readFileSync(file, 'utf8'))
  : process.argv.includes('--dry-run')
    ? { dryRun: true }
    : campaignId
      ? { campaignId }
      : notice
        ? { notice }
        : asOf
          ? { asOf }
          : undefined;
const names = Object.keys(jobs);
if (!names.includes(name)) {
  console.error(
    `usage: npm run job -- <${names.join('|')}> [--dry-run] [--campaign <id>] [--notice <id>] [--as-of <ISO time>] [--file <event.json>]`,
  );
  process.exit(2);
}
Object.assign(
  process.env,
  localEnvironment({
    dynamoEndpoint: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? LOCAL.ports.dynamo}`,
    s3Endpoint: `http://127.0.0.1:${process.env.S3_PORT ?? LOCAL.ports.s3}`,
    sesEndpoint: `http://127.0.0.1:${process.env.SES_PORT ?? LOCAL.ports.ses}`,
    smsEndpoint: `http://127.0.0.1:${process.env.SMS_PORT ?? LOCAL.ports.sms}`,
  }),
);
const job: JobSpec = jobs[name as keyof typeof jobs];
try {
  const handler = await loadFunction<(event?: unknown) => Promise<unknown>>(job.handler);
  // As the Step Functions loop in AWS: invoke again while a job that runs until done says it is not.
  for (;;) {
    const result = await handler(event);
    console.log(JSON.stringify(result, null, 2));
    if (!job.runsUntilDone || (result as { done?: boolean }).done !== false) break;
  }
} catch (error) {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`${name} failed (is \`npm start\` running?): ${reason}`);
  process.exit(1);
}
