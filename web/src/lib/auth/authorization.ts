import { OPERATION_ROLES, type OperationId, type Role } from '../generated/roles.ts';

/** Whether one of the roles may call the operation: the route table decides, as it does for the API. */
export function may(roles: readonly Role[], operation: OperationId): boolean {
  const allowed = OPERATION_ROLES[operation];
  return allowed === 'public' || roles.some((role) => (allowed as readonly string[]).includes(role));
}
