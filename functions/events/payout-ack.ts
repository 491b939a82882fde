import type { S3Event } from 'aws-lambda';
import { applyPayoutAcks } from '../../shared/benefits/apply-payout-acks.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { payoutStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';

/** S3 ObjectCreated under the payment partner's prefix: its answers to a payout, applied line by line. */
export const entry = jobEntry({
  job: 'payout-ack',
  name: 'payout answers applied',
  run: async (event: S3Event) => {
    const reports = [];
    for (const record of event.Records)
      reports.push(
        await applyPayoutAcks(decodeURIComponent(record.s3.object.key.replace(/\+/g, ' ')), {
          payouts: payoutStore(),
          files: exchangeBucket(),
        }),
      );
    return reports;
  },
  summary: (reports) => ({
    files: reports.map(({ refused, ...report }) => ({ ...report, refused: refused.length })),
  }),
});

export const handler = jobHandler(entry);
