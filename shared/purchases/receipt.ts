import { createHash } from 'node:crypto';
import { config, epochSecondsAfterMonths } from '../config.ts';
import { helsinkiMonth } from '../time/helsinki.ts';
import type { ReceiptCount } from '../store/purchase-store.ts';
import type { MainGroup } from './main-groups.ts';
import type { ReceiptInput } from './schemas.ts';

/**
 * A receipt's tag in the month's set of counted receipts: 96 bits of SHA-256 of store and receipt id.
 * Short, so a month of 60 receipts stays within 2 KB (2 WCU a write); long enough that two receipts
 * of one member in one month never collide in practice.
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

/** Totals expire by TTL when the retention period after the end of their month has passed. */
export function monthExpiry(month: string): number {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const endOfMonth = new Date(Date.UTC(year, monthNumber, 1));
  return epochSecondsAfterMonths(endOfMonth, config.retention.purchaseMonths);
}

export function receiptCount(receipt: ReceiptInput, customerNumber: string): ReceiptCount {
  const month = helsinkiMonth(new Date(receipt.purchasedAt));
  return {
    customerNumber,
    month,
    tag: receiptTag(receipt.storeId, receipt.receiptId),
    deltas: netByGroup(receipt.lines),
    expiresAt: monthExpiry(month),
  };
}
