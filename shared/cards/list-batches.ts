import type { CardBatchReader } from './card-store.ts';

/** A batch whose cards the manufacturer has not answered for this long is overdue. */
export const OVERDUE_DAYS = 14;
/** When an order put in a batch at this instant is overdue, unanswered. */
export const overdueFrom = (batchedAt: Date) =>
  new Date(batchedAt.getTime() + OVERDUE_DAYS * 24 * 3600 * 1000).toISOString();

/** The batches sent, or with `overdue`, the orders still unanswered 14 days after their batch. */
export async function listCardBatches(cards: CardBatchReader, overdue: boolean, now = new Date()) {
  const batches = (await cards.batches()).sort((a, b) => a.transmissionReference - b.transmissionReference);
  if (!overdue) return { batches };
  const cutoff = now.getTime() - OVERDUE_DAYS * 24 * 3600 * 1000;
  const orders = [];
  for (const batch of batches) {
    if (batch.status !== 'delivered' || Date.parse(batch.deliveredAt ?? batch.createdAt) > cutoff) continue;
    for await (const order of cards.batchOrders(batch.batchId)) {
      if (order.status !== 'BATCHED') continue;
      orders.push({
        batchId: batch.batchId,
        sequence: order.sequence,
        customerNumber: order.customerNumber,
        cardType: order.cardType,
        orderType: order.orderType,
        batchedAt: order.batchedAt,
      });
    }
  }
  return { overdue: orders };
}
