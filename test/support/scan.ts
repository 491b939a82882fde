import { paginateScan } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, tableName } from '../../shared/store/dynamo.ts';

/** Every item of this test file's table, as stored. */
export async function scanTable(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateScan({ client: createDocumentClient() }, { TableName: tableName() }))
    items.push(...(page.Items ?? []));
  return items;
}

/** The items that mention any of the given values anywhere. */
export const itemsMentioning = async (...values: string[]) =>
  (await scanTable()).filter((item) => values.some((value) => JSON.stringify(item).includes(value)));
