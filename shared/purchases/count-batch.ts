import { config } from '../config.ts';
import { inParallel } from '../concurrency.ts';
import { invalid, Refusal, StoreBusy } from '../refusal.ts';
import { fieldErrors } from '../validation.ts';
import type { MemberStore } from '../members/member-store.ts';
import type { PurchaseStore } from './purchase-store.ts';
import { countReceipt, type ReceiptResult } from './count-receipt.ts';
import { Receipt } from './schemas.ts';

export type BatchItemResult =
  | ({ index: number } & ReceiptResult)
  | {
      index: number;
      result: 'rejected' | 'retry';
      storeId?: string;
      receiptId?: string;
      /** Why: a refusal to show, or the store was busy (send that receipt again). */
      refusal: Refusal | StoreBusy;
    };

/** Store and receipt id of a receipt that failed validation, when they at least are readable. */
const idsOf = (raw: unknown) => {
  const { storeId, receiptId } = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    ...(typeof storeId === 'string' && storeId.length <= 40 ? { storeId } : {}),
    ...(typeof receiptId === 'string' && receiptId.length <= 40 ? { receiptId } : {}),
  };
};

async function countOne(
  raw: unknown,
  index: number,
  stores: Parameters<typeof countReceipt>[1],
): Promise<BatchItemResult> {
  const parsed = Receipt.safeParse(raw);
  if (!parsed.success) {
    const refusal = invalid(fieldErrors(parsed.error, raw), 'The receipt is not valid');
    return { index, result: 'rejected', ...idsOf(raw), refusal };
  }
  try {
    return { index, ...(await countReceipt(parsed.data, stores)) };
  } catch (error) {
    if (!(error instanceof Refusal || error instanceof StoreBusy)) throw error;
    const ids = { storeId: parsed.data.storeId, receiptId: parsed.data.receiptId };
    return { index, result: error instanceof StoreBusy ? 'retry' : 'rejected', ...ids, refusal: error };
  }
}

/**
 * Receipts a till queued while offline. Each is validated and counted on its own, a few at a time,
 * so one bad receipt spoils nothing else; 'retry' marks receipts that may simply be sent again.
 */
export async function countBatch(
  receipts: readonly unknown[],
  stores: { purchases: PurchaseStore; members: MemberStore },
) {
  // A batch of which no receipt can even be read is a malformed request, not a batch with refusals.
  const readings = receipts.map((raw) => Receipt.safeParse(raw)).map((parsed, index) => ({ parsed, index }));
  if (readings.every(({ parsed }) => !parsed.success)) {
    throw invalid(
      readings.flatMap(({ parsed, index }) =>
        fieldErrors(parsed.error!, receipts[index]).map((e) => ({
          ...e,
          field: e.field === '(body)' ? `receipts[${index}]` : `receipts[${index}].${e.field}`,
        })),
      ),
    );
  }
  const results = await inParallel(receipts, config.batchConcurrency, (raw, index) =>
    countOne(raw, index, stores),
  );
  const tally = (result: BatchItemResult['result']) => results.filter((r) => r.result === result).length;
  return {
    counted: tally('counted'),
    duplicates: tally('duplicate'),
    rejected: tally('rejected'),
    retry: tally('retry'),
    results,
  };
}
