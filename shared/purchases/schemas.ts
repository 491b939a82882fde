import * as z from 'zod/mini';
import { isCustomerNumber } from '../members/customer-number.ts';
import { CARD_NUMBER, CardNumber, CustomerNumber } from '../members/schemas.ts';
import { MONTH, monthsBetween } from '../time/helsinki.ts';
import { isMainGroup } from './main-groups.ts';
import { CARD_STATUSES, CARD_TYPES } from '../members/member.ts';

/** The most months one call returns, and the furthest back a receipt may be dated (the retention period). */
export const MAX_MONTHS_PER_CALL = 36;
/** A till's clock may run a little fast; a receipt further in the future than this is refused. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
export const MAX_RECEIPTS_PER_BATCH = 100;
/** One line at most a million euros, either way. */
const MAX_LINE_CENTS = 100_000_000;

const Code = (what: string) =>
  z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, `${what}: 1 to 40 letters, digits, - or _`));

export const ReceiptLine = z.strictObject({
  mainGroup: z.string().check(
    z.maxLength(40, 'must be a main product group code'),
    // Naming the code is safe (it is from our own list or a typo of one) and is what the till needs to fix it.
    z.superRefine((code, ctx) => {
      if (!isMainGroup(code))
        ctx.issues.push({ code: 'custom', message: `unknown main product group '${code}'`, input: code });
    }),
  ),
  amountCents: z.int().check(
    z.refine((cents) => cents !== 0, 'must not be zero'),
    z.refine(
      (cents) => Math.abs(cents) <= MAX_LINE_CENTS,
      `must be at most ${MAX_LINE_CENTS} cents either way`,
    ),
  ),
});

export const Receipt = z
  .strictObject({
    storeId: Code('store id'),
    receiptId: Code('receipt id'),
    purchasedAt: z.iso.datetime({ offset: true }),
    customerNumber: z.optional(CustomerNumber),
    cardNumber: z.optional(CardNumber),
    lines: z
      .array(ReceiptLine)
      .check(z.minLength(1, 'a receipt needs at least one line'), z.maxLength(200, 'at most 200 lines')),
  })
  .check(
    z.refine((r) => (r.customerNumber === undefined) !== (r.cardNumber === undefined), {
      message: 'give exactly one of customerNumber or cardNumber',
      path: ['customerNumber'],
    }),
    z.refine((r) => Date.parse(r.purchasedAt) <= Date.now() + CLOCK_SKEW_MS, {
      message: 'is in the future',
      path: ['purchasedAt'],
    }),
  );

/** Each receipt of a batch is checked on its own, so that one bad receipt spoils nothing else. */
export const ReceiptBatch = z.strictObject({
  receipts: z
    .array(z.unknown().check(z.meta({ description: 'A receipt as POST /purchases takes it.' })))
    .check(
      z.minLength(1, 'send at least one receipt'),
      z.maxLength(MAX_RECEIPTS_PER_BATCH, `at most ${MAX_RECEIPTS_PER_BATCH} receipts`),
    ),
});

export const Month = z.string().check(z.regex(MONTH, 'must be a month as YYYY-MM'));
export const PurchaseMonthsQuery = z.strictObject({ from: Month, to: Month }).check(
  z.refine((q) => q.from <= q.to, { message: 'must not be after to', path: ['from'] }),
  z.refine((q) => monthsBetween(q.from, q.to) <= MAX_MONTHS_PER_CALL, {
    message: `at most ${MAX_MONTHS_PER_CALL} months per call`,
    path: ['from'],
  }),
);

export const PosMemberPath = z.strictObject({
  cardOrCustomerNumber: z
    .string()
    .check(
      z.refine(
        (value) => isCustomerNumber(value) || CARD_NUMBER.test(value),
        'must be a customer number (10 digits, valid check digit) or a card number (16 digits)',
      ),
    ),
});

export type ReceiptInput = z.output<typeof Receipt>;

/** Response shapes. */
export const MonthTotalsView = z.strictObject({
  month: z.string(),
  groups: z.record(z.string(), z.number()),
  receipts: z.number(),
});
export const ReceiptAnswer = z.strictObject({
  result: z.enum(['counted', 'duplicate']),
  storeId: z.string(),
  receiptId: z.string(),
  month: z.string(),
});
export const PurchaseMonthList = z.strictObject({ months: z.array(MonthTotalsView) });
export const PosAnswer = z.strictObject({
  member: z.literal(true),
  card: z.strictObject({ type: z.enum(CARD_TYPES), status: z.enum([...CARD_STATUSES, 'BLOCKED']) }),
  /** The benefit tier the month so far has reached (0 without rules in force). */
  tierPercent: z.number(),
});
