/** The campaigns feature's query keys: the list, and each campaign. */
export const campaignKeys = {
  all: ['campaigns'] as const,
  list: () => [...campaignKeys.all, 'list'] as const,
  detail: (campaignId: string) => [...campaignKeys.all, 'detail', campaignId] as const,
  messages: (campaignId: string) => [...campaignKeys.all, 'messages', campaignId] as const,
  results: (campaignId: string) => [...campaignKeys.all, 'results', campaignId] as const,
};
