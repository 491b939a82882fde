import * as z from 'zod/mini';
import { CustomerNumber } from '../members/schemas.ts';
import { RESOLUTIONS, WORK_QUEUE_NAMES } from './work-queue.ts';

export const WorkQueuePath = z.strictObject({ queue: z.enum(WORK_QUEUE_NAMES) });
export const WorkQueueQuery = z.strictObject({ cursor: z.optional(z.string().check(z.maxLength(2000))) });
export const ResolveWorkBody = z.strictObject({
  customerNumber: CustomerNumber,
  ref: z.string().check(z.minLength(1), z.maxLength(1100)),
  resolution: z.enum([...new Set(Object.values(RESOLUTIONS).flat())] as [string, ...string[]]),
});

const Address = z.strictObject({ streetAddress: z.string(), postalCode: z.string(), postOffice: z.string() });
export const WorkPageView = z.strictObject({
  items: z.array(
    z.strictObject({
      queue: z.enum(WORK_QUEUE_NAMES),
      customerNumber: z.string(),
      since: z.string(),
      ref: z.string(),
      reason: z.optional(z.string()),
      proposed: z.optional(Address),
    }),
  ),
  next: z.optional(z.string()),
});
