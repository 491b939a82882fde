import * as z from 'zod/mini';
import { CustomerNumber } from '../members/schemas.ts';
import type { ExchangeFiles } from '../exchange/exchange-files.ts';
import { benefitPayoutAckReportKey } from '../exchange/layout.ts';
import { partnerLines } from '../exchange/partner-lines.ts';
import { PAYOUT_ACK_STATUSES } from './payout-file.ts';
import type { PayoutStore } from './payout-store.ts';

/** Columns of the payment partner's acknowledgement (formats/benefit-payout.md). */
export const PAYOUT_ACK_COLUMNS = [
  'payoutId',
  'sequence',
  'customerNumber',
  'status',
  'reason',
  'at',
] as const;

const PayoutAckLine = z.object({
  payoutId: z.string().check(z.regex(/^BP-\d{6}-[1-9]\d{0,3}$/, 'must be a payout id such as BP-202611-1')),
  sequence: z.string().check(z.regex(/^[1-9]\d{0,6}$/, 'must be a positive whole number')),
  customerNumber: CustomerNumber,
  status: z.enum(PAYOUT_ACK_STATUSES),
  reason: z.string().check(z.maxLength(500, 'must be at most 500 characters')),
  at: z.iso.datetime({ offset: true }),
});

export interface PayoutAckReport {
  file: string;
  lines: number;
  credited: number;
  rejected: number;
  alreadyApplied: number;
  refused: { line: number; reason: string }[];
}

/**
 * Applies the payment partner's answer to a payout, line by line, each once however often the file
 * comes: a credited line pays its statements; a rejected one returns them to unpaid (paid with a
 * later payout once the card is right) and puts the member on customer service's queue. A line that
 * is malformed or names no line of a payout is reported, and the rest goes on.
 */
export async function applyPayoutAcks(key: string, deps: { payouts: PayoutStore; files: ExchangeFiles }) {
  const report: PayoutAckReport = {
    file: key,
    lines: 0,
    credited: 0,
    rejected: 0,
    alreadyApplied: 0,
    refused: [],
  };
  for await (const read of partnerLines(await deps.files.read(key), PAYOUT_ACK_COLUMNS, PayoutAckLine)) {
    if ('refused' in read) {
      report.lines += read.header ? 0 : 1;
      report.refused.push({ line: read.line, reason: read.refused });
      continue;
    }
    report.lines += 1;
    const line = await deps.payouts.line(read.data.payoutId, read.data.customerNumber);
    if (!line) {
      report.refused.push({ line: read.line, reason: 'no such line in that payout' });
      continue;
    }
    if (!(await deps.payouts.answer(line, read.data.status, read.data.reason, read.data.at))) {
      report.alreadyApplied += 1;
      continue;
    }
    if (read.data.status === 'CREDITED') report.credited += 1;
    else report.rejected += 1;
  }
  await deps.files.putJson(benefitPayoutAckReportKey(key), report);
  return report;
}
