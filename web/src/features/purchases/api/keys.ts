/** The purchases feature's query keys: a member's monthly totals over a span of months. */
export const purchaseKeys = {
  all: ['purchases'] as const,
  ofMember: (customerNumber: string, from: string, to: string) =>
    [...purchaseKeys.all, customerNumber, from, to] as const,
};
