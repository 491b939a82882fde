/** The members feature's query keys: a member's record, which cards and privacy actions change too. */
export const memberKeys = {
  all: ['member'] as const,
  detail: (customerNumber: string) => [...memberKeys.all, customerNumber] as const,
};
