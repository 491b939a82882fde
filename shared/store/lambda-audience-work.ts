import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { AudienceWork } from '../campaigns/audience-work.ts';
import { transientAsBusy } from './dynamo.ts';
import { jobFunctionVariable } from '../contract/jobs.ts';

const AUDIENCE_JOB = 'campaign-audience';

/**
 * The audience job started by an asynchronous Lambda invocation: Lambda queues the event, answers at
 * once, and retries a failed run twice (then its on-failure queue). The function's name comes from
 * the stack (see jobFunctionVariable).
 */
export class LambdaAudienceWork implements AudienceWork {
  constructor(
    private readonly lambda: LambdaClient,
    private readonly functionName: string,
  ) {}

  async start(campaignId: string): Promise<void> {
    await transientAsBusy(() =>
      this.lambda.send(
        new InvokeCommand({
          FunctionName: this.functionName,
          InvocationType: 'Event',
          Payload: new TextEncoder().encode(JSON.stringify({ campaignId })),
        }),
      ),
    );
  }
}

let work: AudienceWork | undefined;

/** The audience work a Lambda uses; the local register puts its own in place (it runs the job in process). */
export function audienceWork(): AudienceWork {
  work ??= new LambdaAudienceWork(new LambdaClient({}), process.env[jobFunctionVariable(AUDIENCE_JOB)] ?? '');
  return work;
}

export function useAudienceWork(local: AudienceWork): void {
  work = local;
}
