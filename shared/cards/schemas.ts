import * as z from 'zod/mini';

export const CardBatchesQuery = z.strictObject({ overdue: z.optional(z.enum(['true', 'false'])) });

/** Batches sent, or the orders overdue: the two answers of GET /card-batches. */
export const CardBatchesView = z.strictObject({
  batches: z.optional(
    z.array(
      z.strictObject({
        batchId: z.string(),
        transmissionReference: z.number(),
        createdAt: z.string(),
        status: z.enum(['open', 'delivered']),
        key: z.optional(z.string()),
        records: z.optional(z.number()),
        deliveredAt: z.optional(z.string()),
      }),
    ),
  ),
  overdue: z.optional(
    z.array(
      z.strictObject({
        batchId: z.string(),
        sequence: z.number(),
        customerNumber: z.string(),
        cardType: z.string(),
        orderType: z.string(),
        batchedAt: z.optional(z.string()),
      }),
    ),
  ),
});
