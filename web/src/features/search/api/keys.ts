/** The search's query keys: one cache entry per text searched. */
export const searchKeys = {
  all: ['search'] as const,
  results: (text: string) => [...searchKeys.all, text] as const,
};
