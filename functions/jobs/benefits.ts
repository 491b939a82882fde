import type { Context } from 'aws-lambda';
import { BENEFITS_JOB, writeStatements } from '../../shared/benefits/write-statements.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { rehearsalClock } from '../../shared/lambda/rehearsal.ts';
import { benefitRulesStore, jobLeases, statementStore } from '../../shared/store/default-stores.ts';

/** Nightly (a month's statements from the 3rd of the next; other nights it finds them written): resumed until done. */
export const entry = jobEntry({
  job: BENEFITS_JOB,
  name: 'benefit statements written',
  run: (
    event: { asOf?: string; segment?: string } | undefined,
    context?: Pick<Context, 'getRemainingTimeInMillis'>,
  ) => {
    const now = rehearsalClock(event?.asOf);
    return writeStatements(
      {
        statements: statementStore(),
        rules: benefitRulesStore(),
        leases: jobLeases(),
        ...(now ? { now } : {}),
        ...(context ? { timeLeft: () => context.getRemainingTimeInMillis() } : {}),
      },
      event?.segment,
    );
  },
});

export const handler = jobHandler(entry);
