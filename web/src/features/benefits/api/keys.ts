/** The benefits feature's query keys: the rules, and a member's benefits. */
export const benefitKeys = {
  all: ['benefits'] as const,
  rules: () => [...benefitKeys.all, 'rules'] as const,
  ofMember: (customerNumber: string) => [...benefitKeys.all, 'member', customerNumber] as const,
};
