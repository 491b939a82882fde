import { useApiQuery } from '../../../lib/api/queries.ts';
import { purchaseKeys } from './keys.ts';

/** A member's purchases per month and main group, from the first month to the last. */
export const usePurchases = (customerNumber: string, from: string, to: string) =>
  useApiQuery(purchaseKeys.ofMember(customerNumber, from, to), (api) =>
    api.GET('/members/{customerNumber}/purchases', {
      params: { path: { customerNumber }, query: { from, to } },
    }),
  );
