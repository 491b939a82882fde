/** The staff feature's query keys: the accounts, and the access review. */
export const staffKeys = {
  all: ['staff'] as const,
  accounts: () => [...staffKeys.all, 'accounts'] as const,
  review: () => [...staffKeys.all, 'review'] as const,
};
