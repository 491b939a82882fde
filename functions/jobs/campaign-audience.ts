import { AUDIENCE_JOB, computeAudience } from '../../shared/campaigns/compute-audience.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { campaignStore, memberReader, purchaseStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';

/** Started by `POST /campaigns/{id}/audience` (its request, handed on from the table's stream): computes the audience where time is not limited to 29 s. */
export const entry = jobEntry({
  job: AUDIENCE_JOB,
  name: 'campaign audience computed',
  run: async (event: { campaignId: string }) => {
    const summary = await computeAudience(event.campaignId, {
      campaigns: campaignStore(),
      members: memberReader(),
      purchases: purchaseStore(),
      files: exchangeBucket(),
    });
    // Figures only: how many were considered and reached, or that another run had it.
    return summary
      ? { considered: summary.considered, reached: summary.reached }
      : { skipped: 'not-computing-or-taken-over' };
  },
});

export const handler = jobHandler(entry);
