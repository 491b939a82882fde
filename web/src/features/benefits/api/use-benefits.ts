import { useApiQuery } from '../../../lib/api/queries.ts';
import type { Answer } from '../../../lib/api/problem.ts';
import type { AnswerOf } from '../../../lib/api/types.ts';
import { benefitKeys } from './keys.ts';

/**
 * The answer with its cents named as the register sends them (`countedCents`, `benefitCents`…): the
 * OpenAPI document names them `…AnyCents` (shared/benefits/schemas.ts). Once the document is put
 * right, this is the generated type unchanged.
 */
type AsSent<T> = T extends readonly (infer Item)[]
  ? AsSent<Item>[]
  : T extends object
    ? { [K in keyof T as K extends `${infer Name}AnyCents` ? `${Name}Cents` : K]: AsSent<T[K]> }
    : T;

export type Benefits = AsSent<AnswerOf<'readBenefits'>>;
export type Statement = Benefits['statements'][number];

/** A member's benefits: this month so far, the statements of closed months, and what is paid or waiting. */
export const useBenefits = (customerNumber: string) =>
  useApiQuery(
    benefitKeys.ofMember(customerNumber),
    async (api) =>
      (await api.GET('/members/{customerNumber}/benefits', {
        params: { path: { customerNumber } },
      })) as unknown as Answer<Benefits>,
  );
