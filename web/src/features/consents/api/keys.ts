/** The consents feature's query keys: a member's consents, and below them their history. */
export const consentKeys = {
  all: ['consents'] as const,
  ofMember: (customerNumber: string) => [...consentKeys.all, customerNumber] as const,
  history: (customerNumber: string) => [...consentKeys.ofMember(customerNumber), 'history'] as const,
};
