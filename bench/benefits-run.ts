import { LOCAL } from '../infra/local/services.ts';
import { runPayout } from '../shared/benefits/run-payout.ts';
import { writeStatements } from '../shared/benefits/write-statements.ts';
import { DynamoBenefitRules } from '../shared/store/dynamo-benefit-rules.ts';
import { DynamoJobLeases } from '../shared/store/dynamo-job-leases.ts';
import { DynamoPayouts } from '../shared/store/dynamo-payouts.ts';
import { DynamoStatements } from '../shared/store/dynamo-statements.ts';
import { createS3Client, ExchangeBucket } from '../shared/store/exchange-bucket.ts';
import { meteredStore } from './request-meter.ts';

/**
 * The month's statements, then its payout, in a process of their own, so that the peak memory is
 * the jobs' alone (not the seeding's). Every DynamoDB request is counted by command, with the items
 * it read. Prints the figures as JSON; the environment points it at the local stack.
 */
const { db, measuredPhase } = meteredStore();
const leases = new DynamoJobLeases(db, LOCAL.tableName);
const statements = new DynamoStatements(db, LOCAL.tableName);

const closed = () => new Date(process.env.BENCH_BENEFITS_AT!);
const written = await measuredPhase(async () => {
  // As the workflow does: invoked again until done (one invocation here has all the time it wants).
  for (;;) {
    const run = await writeStatements({
      statements,
      rules: new DynamoBenefitRules(db, LOCAL.tableName),
      leases,
      now: closed,
    });
    if (run.done) return run;
  }
});
const paid = await measuredPhase(() =>
  runPayout({
    payouts: new DynamoPayouts(db, LOCAL.tableName),
    statements,
    files: new ExchangeBucket(createS3Client(), LOCAL.bucketName),
    leases,
    now: () => new Date(closed().getTime() + 2 * 24 * 3600 * 1000),
  }),
);
console.log(JSON.stringify({ written, paid }));
// Keep-alive sockets of the SDK clients would hold the process open.
process.exit(0);
