import * as z from 'zod/mini';
import { BirthDate, CardNumber } from '../members/schemas.ts';

/** How a signed-in person shows which membership is theirs: their verified email, or their card and birth date. */
export const LinkAccountBody = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('email') }),
  z.strictObject({ by: z.literal('card'), cardNumber: CardNumber, birthDate: BirthDate }),
]);
export type LinkProof = z.output<typeof LinkAccountBody>;

export const LinkedAccount = z.strictObject({ customerNumber: z.string() });
