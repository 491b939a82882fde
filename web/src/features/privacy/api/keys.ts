/** The privacy feature's query keys: who viewed or changed a member's data. */
export const privacyKeys = {
  all: ['privacy'] as const,
  audit: (customerNumber: string) => [...privacyKeys.all, 'audit', customerNumber] as const,
};
