import type { WorkQueueName } from '../../../lib/generated/roles.ts';

/** The work queues' query keys: one list per queue. */
export const queueKeys = {
  all: ['queue'] as const,
  items: (queue: WorkQueueName) => [...queueKeys.all, queue] as const,
};
