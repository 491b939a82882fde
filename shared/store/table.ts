/** The single table's physical schema, read by the CDK stack and by the local stack alike. */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLive: 'expiresAt',
  gsi1: { indexName: 'GSI1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
} as const;
