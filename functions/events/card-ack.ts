import type { S3Event } from 'aws-lambda';
import { applyAckFiles } from '../../shared/cards/apply-acks.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { cardStore, memberStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';

/** S3 ObjectCreated under the acknowledgements' prefix: the manufacturer's answers, applied line by line. */
export const entry = jobEntry({
  job: 'card-ack',
  name: 'acknowledgements applied',
  run: (event: S3Event) =>
    applyAckFiles(
      event.Records.map((record) => decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '))),
      { cards: cardStore(), members: memberStore(), files: exchangeBucket() },
    ),
  summary: (reports) => ({
    files: reports.map((report) => ({
      file: report.file,
      lines: report.lines,
      applied: report.applied,
      alreadyApplied: report.alreadyApplied,
      ignored: report.ignored.length,
      rejected: report.rejected.length,
    })),
  }),
});

export const handler = jobHandler(entry);
