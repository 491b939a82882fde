import type { S3Event } from 'aws-lambda';
import { applyAckFile } from '../../shared/cards/apply-acks.ts';
import { logger } from '../../shared/http/logger.ts';
import { cardStore, memberStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';

/** S3 ObjectCreated under card-orders/inbound/: the manufacturer's answers, applied line by line. */
export const handler = async (event: S3Event) => {
  const reports = [];
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const report = await applyAckFile(key, {
      cards: cardStore(),
      members: memberStore(),
      bucket: exchangeBucket(),
    });
    logger.info('acknowledgements applied', {
      file: key,
      lines: report.lines,
      applied: report.applied,
      alreadyApplied: report.alreadyApplied,
      ignored: report.ignored.length,
      rejected: report.rejected.length,
    });
    reports.push(report);
  }
  return reports;
};
