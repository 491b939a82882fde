import { createHash } from 'node:crypto';
import { config, epochSecondsAfterMonths } from '../config.ts';
import { Refusal } from '../refusal.ts';
import { addMonths, helsinkiMonth, MONTH, startOfHelsinkiDay } from '../time/helsinki.ts';
import { isClosedMonth } from '../time/month-close.ts';
import type { ReceiptCount } from './purchase-store.ts';
import type { MainGroup } from './main-groups.ts';
import type { ReceiptInput } from './schemas.ts';

/**
 * A receipt's tag: 96 bits of SHA-256 of store and receipt id. It keys the receipt's identity item
 * (table-wide: 2^48 receipts before a collision is even likely) and sits in its month's set, short,
 * so a month of 60 receipts stays within 2 KB.
 */
export const receiptTag = (storeId: string, receiptId: string) =>
  createHash('sha256').update(`${storeId}\n${receiptId}`).digest('base64url').slice(0, 16);

/** Net cents per main group: lines of one group on one receipt (a sale and a return) are summed. */
export function netByGroup(lines: ReceiptInput['lines']): ReceiptCount['deltas'] {
  const deltas: ReceiptCount['deltas'] = {};
  for (const { mainGroup, amountCents } of lines) {
    const group = mainGroup as MainGroup;
    deltas[group] = (deltas[group] ?? 0) + amountCents;
  }
  return deltas;
}

/** Totals expire by TTL when the retention period after the end of their month (in Helsinki) has passed. */
export const monthExpiry = (month: string): number =>
  epochSecondsAfterMonths(startOfHelsinkiDay(`${addMonths(month, 1)}-01`), config.retention.purchaseMonths);

/** The oldest month the register keeps: this month and the ones before it, the retention period in all. */
export const oldestKeptMonth = (now: Date) =>
  addMonths(helsinkiMonth(now), 1 - config.retention.purchaseMonths);

export const receiptTooOld = (oldest: string) =>
  new Refusal(
    'receipt-too-old',
    'The receipt is older than the register keeps purchases: it was not counted',
    `Purchases are kept from ${oldest} on.`,
  );

export function receiptCount(receipt: ReceiptInput, customerNumber: string, now: Date): ReceiptCount {
  const month = helsinkiMonth(new Date(receipt.purchasedAt));
  // Compared as text, a month that is not YYYY-MM (year 1 reads "1-06") is also older than any kept.
  const oldest = oldestKeptMonth(now);
  if (!MONTH.test(month) || month < oldest) throw receiptTooOld(oldest);
  return {
    customerNumber,
    month,
    tag: receiptTag(receipt.storeId, receipt.receiptId),
    deltas: netByGroup(receipt.lines),
    expiresAt: monthExpiry(month),
    late: isClosedMonth(month, now),
  };
}
