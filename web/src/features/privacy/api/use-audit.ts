import { useApiQuery } from '../../../lib/api/queries.ts';
import { privacyKeys } from './keys.ts';

/** The member's audit trail, and what the campaigns that reached them read. */
export const useAudit = (customerNumber: string) =>
  useApiQuery(privacyKeys.audit(customerNumber), (api) =>
    api.GET('/members/{customerNumber}/audit', { params: { path: { customerNumber } } }),
  );
