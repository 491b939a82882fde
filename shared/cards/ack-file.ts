import * as z from 'zod/mini';

/** Columns of an acknowledgement file from the manufacturer (formats/card-batch.md). */
export const ACK_COLUMNS = [
  'batchId',
  'sequence',
  'customerNumber',
  'status',
  'cardNumber',
  'reason',
  'at',
] as const;
export const ACK_STATUSES = ['PRODUCED', 'SHIPPED', 'REJECTED', 'RETURNED'] as const;
export type AckStatus = (typeof ACK_STATUSES)[number];

/** A loyalty card number in full, or a MasterCard masked to its last four digits. */
const CARD_NUMBER = /^(\d{16}|\*{12}\d{4})$/;

export const AckLine = z
  .object({
    batchId: z.string().check(z.regex(/^CB-\d{8}-\d{4,}$/, 'must be a batch id such as CB-20261124-0001')),
    sequence: z.string().check(z.regex(/^[1-9]\d{0,5}$/, 'must be a positive whole number')),
    customerNumber: z.string().check(z.regex(/^\d{10}$/, 'must be 10 digits')),
    status: z.enum(ACK_STATUSES),
    cardNumber: z
      .string()
      .check(
        z.refine((v) => v === '' || CARD_NUMBER.test(v), 'must be 16 digits or ************ and 4 digits'),
      ),
    reason: z.string().check(z.maxLength(500, 'must be at most 500 characters')),
    at: z.iso.datetime({ offset: true }),
  })
  .check(
    z.refine((line) => line.status !== 'PRODUCED' || line.cardNumber !== '', {
      message: 'a produced card needs its number',
      path: ['cardNumber'],
    }),
  );
export type AckLineInput = z.output<typeof AckLine>;
