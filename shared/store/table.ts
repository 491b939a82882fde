/** The single table's physical schema, read by the CDK stack and by the local stack alike. */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLive: 'expiresAt',
  gsi1: { indexName: 'GSI1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /**
   * Sparse, for lists people page through: the name search (members' profiles) and the work queues
   * (work items). It carries what a list shows, so an entry is one index item read and never more.
   */
  gsi2: {
    indexName: 'GSI2',
    partitionKey: 'gsi2pk',
    sortKey: 'gsi2sk',
    projected: [
      'customerNumber',
      'surname',
      'firstNames',
      'birthDate',
      'postalCode',
      'postOffice',
      'flags',
      'queue',
      'since',
      'ref',
      'reason',
      'proposed',
    ],
  },
} as const;
