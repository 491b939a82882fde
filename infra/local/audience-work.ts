import type { AudienceWork } from '../../shared/campaigns/audience-work.ts';
import { runJob } from '../../shared/lambda/job-handler.ts';
import { entry } from '../../functions/jobs/campaign-audience.ts';

/** As Lambda's asynchronous invocation: one run, and two more after a failure. */
const ATTEMPTS = 3;

/**
 * The local stand-in for invoking the audience job's function asynchronously: the start is answered
 * at once and the very job runs afterwards in this process.
 */
export const localAudienceWork = (onFailure: (error: unknown) => void): AudienceWork => ({
  async start(campaignId) {
    setImmediate(async () => {
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
          await runJob(entry, { campaignId });
          return;
        } catch (error) {
          if (attempt === ATTEMPTS) onFailure(error);
        }
      }
    });
  },
});
