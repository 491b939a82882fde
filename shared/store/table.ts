/** The single table's physical schema, read by the CDK stack and by the local stack alike. */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLive: 'expiresAt',
  gsi1: { indexName: 'GSI1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /**
   * Name search: sparse, on members' profiles only. It carries what a result shows, so a hit is one
   * index item read and never the profile.
   */
  gsi2: {
    indexName: 'GSI2',
    partitionKey: 'gsi2pk',
    sortKey: 'gsi2sk',
    projected: ['customerNumber', 'surname', 'firstNames', 'birthDate', 'postalCode', 'postOffice', 'flags'],
  },
} as const;
