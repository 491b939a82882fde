/** What a name search hit shows, carried by the name indexes (GSI2, GSI3, GSI4). */
export const NAME_HIT_FIELDS = [
  'customerNumber',
  'surname',
  'firstNames',
  'birthDate',
  'postalCode',
  'postOffice',
  'flags',
] as const;

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
    // A card order on the overdue queue is listed by its own attributes (batchId, sequence, batchedAt).
    projected: [
      ...NAME_HIT_FIELDS,
      'queue',
      'since',
      'ref',
      'reason',
      'proposed',
      'batchId',
      'sequence',
      'batchedAt',
    ],
  },
  /** The name search narrowed by birth date: a partition per date, sorted by name. */
  gsi3: { indexName: 'GSI3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projected: NAME_HIT_FIELDS },
  /** The name search narrowed by postal code: a partition per code, sorted by name. */
  gsi4: { indexName: 'GSI4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk', projected: NAME_HIT_FIELDS },
} as const;

/** Every index of the table, for whoever must name them all (a role that queries, the stored keys). */
export const TABLE_INDEXES = [
  TABLE_SCHEMA.gsi1,
  TABLE_SCHEMA.gsi2,
  TABLE_SCHEMA.gsi3,
  TABLE_SCHEMA.gsi4,
] as const;
