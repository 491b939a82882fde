import { useApiQuery } from '../../../lib/api/queries.ts';
import type { AnswerOf } from '../../../lib/api/types.ts';
import { benefitKeys } from './keys.ts';

export type Benefits = AnswerOf<'readBenefits'>;
export type Statement = Benefits['statements'][number];

/** A member's benefits: this month so far, the statements of closed months, and what is paid or waiting. */
export const useBenefits = (customerNumber: string) =>
  useApiQuery(benefitKeys.ofMember(customerNumber), (api) =>
    api.GET('/members/{customerNumber}/benefits', { params: { path: { customerNumber } } }),
  );
