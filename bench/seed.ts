import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL } from '../infra/local/services.ts';
import { inParallel } from '../shared/concurrency.ts';
import type { createDocumentClient } from '../shared/store/dynamo.ts';
import { newCustomerNumber } from '../shared/members/new-customer-number.ts';

/** Items written straight to the local table, 25 a request: benchmarks need many members fast. */
export async function seedItems(
  db: ReturnType<typeof createDocumentClient>,
  items: Record<string, unknown>[],
) {
  const chunks = Array.from({ length: Math.ceil(items.length / 25) }, (_, i) =>
    items.slice(i * 25, i * 25 + 25),
  );
  await inParallel(chunks, 8, async (chunk) => {
    let pending: Record<string, unknown>[] | undefined = chunk.map((Item) => ({ PutRequest: { Item } }));
    while (pending?.length) {
      const answer = await db.send(
        new BatchWriteCommand({ RequestItems: { [LOCAL.tableName]: pending as never } }),
      );
      pending = answer.UnprocessedItems?.[LOCAL.tableName] as Record<string, unknown>[] | undefined;
    }
  });
}

/** Distinct customer numbers: random ones collide now and then among tens of thousands (registration retries). */
export function distinctCustomerNumbers(count: number): string[] {
  const numbers = new Set<string>();
  while (numbers.size < count) numbers.add(newCustomerNumber());
  return [...numbers];
}
