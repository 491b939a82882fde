import { LOCAL } from '../infra/local/services.ts';
import { putAll, type createDocumentClient } from '../shared/store/dynamo.ts';
import { newCustomerNumber } from '../shared/members/new-customer-number.ts';

/** Items written straight to the local table: benchmarks need many members fast. */
export const seedItems = (db: ReturnType<typeof createDocumentClient>, items: Record<string, unknown>[]) =>
  putAll(db, LOCAL.tableName, items, 8);

/** Distinct customer numbers: random ones collide now and then among tens of thousands (registration retries). */
export function distinctCustomerNumbers(count: number): string[] {
  const numbers = new Set<string>();
  while (numbers.size < count) numbers.add(newCustomerNumber());
  return [...numbers];
}
