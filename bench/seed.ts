import { LOCAL } from '../infra/local/services.ts';
import { putAll, type createDocumentClient } from '../shared/store/dynamo.ts';

/** Items written straight to the local table: benchmarks need many members fast. */
export const seedItems = (db: ReturnType<typeof createDocumentClient>, items: Record<string, unknown>[]) =>
  putAll(db, LOCAL.tableName, items, 8);
