import * as z from 'zod/mini';

export const CardBatchesQuery = z.strictObject({ overdue: z.optional(z.enum(['true', 'false'])) });
