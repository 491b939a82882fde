import type { Context } from 'aws-lambda';
import { BENEFITS_JOB, writeStatements } from '../../shared/benefits/write-statements.ts';
import { AnotherRunActive } from '../../shared/jobs/lease.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { rehearsalClock } from '../../shared/lambda/rehearsal.ts';
import { benefitRulesStore, jobLeases, statementStore } from '../../shared/store/default-stores.ts';

/** Nightly (a month's statements from the 3rd of the next; other nights it finds them written): resumed until done. */
export const entry = jobEntry({
  job: BENEFITS_JOB,
  name: 'benefit statements written',
  run: async (
    event: { asOf?: string; segment?: string } | undefined,
    context?: Pick<Context, 'getRemainingTimeInMillis'>,
  ) => {
    const now = rehearsalClock(event?.asOf);
    const run = await writeStatements(
      {
        statements: statementStore(),
        rules: benefitRulesStore(),
        leases: jobLeases(),
        ...(now ? { now } : {}),
        ...(context ? { timeLeft: () => context.getRemainingTimeInMillis() } : {}),
      },
      event?.segment,
    );
    // The workflow waits and tries again: a segment's lease is held by another run, or one that died.
    if ('skipped' in run && run.skipped === 'another-run-is-active')
      throw new AnotherRunActive('another run holds a segment');
    return run;
  },
});

export const handler = jobHandler(entry);
