import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../shared/store/dynamo.ts';

const freshPhase = () => ({
  requests: {} as Record<string, number>,
  /** Items of the table read (GetItem, BatchGetItem, a Query of the table). */
  itemsRead: 0,
  /** Entries of an index read (keys only, or what it projects). */
  indexEntriesRead: 0,
  /** Items put, updated or deleted; a transaction's condition checks are not writes. */
  itemsWritten: 0,
  readUnits: 0,
  writeUnits: 0,
});
export type Phase = ReturnType<typeof freshPhase> & { seconds: number; rssPeakMb: number };

interface Capacity {
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  CapacityUnits?: number;
}

/**
 * A document client whose every DynamoDB request is counted by command, with the items it read and
 * wrote and the capacity the table reports; `measuredPhase` runs work with fresh counts, its time
 * and its peak RSS (sampled every 20 ms). For the benchmarks' child processes.
 */
export function meteredStore() {
  let phase = freshPhase();
  const raw = new DynamoDBClient({});
  raw.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as {
        ReturnConsumedCapacity?: string;
        IndexName?: string;
        TransactItems?: Record<string, unknown>[];
        RequestItems?: Record<string, unknown[]>;
      };
      const command = context.commandName ?? 'unknown';
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      phase.requests[command] = (phase.requests[command] ?? 0) + 1;
      const output = result.output as {
        Items?: unknown[];
        Item?: unknown;
        Responses?: Record<string, unknown[]>;
        ConsumedCapacity?: Capacity | Capacity[];
      };
      const read =
        (output.Items?.length ?? 0) +
        (output.Item ? 1 : 0) +
        Object.values(output.Responses ?? {}).reduce((sum, items) => sum + items.length, 0);
      if (input.IndexName) phase.indexEntriesRead += read;
      else phase.itemsRead += read;
      if (/^(Put|Update|Delete)Item/.test(command)) phase.itemsWritten += 1;
      if (input.TransactItems)
        phase.itemsWritten += input.TransactItems.filter((item) => !item.ConditionCheck).length;
      if (command.startsWith('BatchWriteItem'))
        phase.itemsWritten += Object.values(input.RequestItems ?? {}).reduce(
          (sum, items) => sum + items.length,
          0,
        );
      for (const capacity of [output.ConsumedCapacity ?? []].flat()) {
        const units = capacity.CapacityUnits ?? 0;
        if (/^(Get|BatchGet|Query|Scan)/.test(command)) phase.readUnits += units;
        else phase.writeUnits += units;
      }
      return result;
    },
    { step: 'initialize', name: 'benchRequestCounter' },
  );

  async function measuredPhase<T>(run: () => Promise<T>) {
    phase = freshPhase();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    const start = performance.now();
    const result = await run();
    clearInterval(sampler);
    return { result, seconds: (performance.now() - start) / 1000, ...phase, rssPeakMb: rssPeak / 2 ** 20 };
  }

  return { db: createDocumentClient(raw), measuredPhase };
}
