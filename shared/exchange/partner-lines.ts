import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type * as z from 'zod/mini';
import { fieldErrors } from '../validation.ts';

/** A line of a partner's CSV file: its data as the schema reads it, or why it is refused. */
export type PartnerLine<T> = { line: number; data: T } | { line: number; refused: string; header?: true };

/**
 * A partner's answer file (`;`, a header line, RFC 4180 quoting; a BOM tolerated), one line at a
 * time: each checked against the schema on its own, so that one bad line spoils nothing else. A
 * header that is not the agreed one refuses the file: its columns cannot be trusted.
 */
export async function* partnerLines<S extends z.ZodMiniType>(
  body: Readable,
  columns: readonly string[],
  schema: S,
): AsyncIterable<PartnerLine<z.output<S>>> {
  const records = body.pipe(
    parse({ delimiter: ';', bom: true, skip_empty_lines: true, relax_column_count: true, info: true }),
  ) as AsyncIterable<{ record: string[]; info: { lines: number } }>;
  let header = true;
  for await (const { record, info } of records) {
    if (header) {
      header = false;
      if (record.join(';') === columns.join(';')) continue;
      yield { line: info.lines, refused: `the header must be ${columns.join(';')}`, header: true };
      return;
    }
    const fields = Object.fromEntries(columns.map((column, i) => [column, record[i]]));
    const parsed = record.length === columns.length ? schema.safeParse(fields) : undefined;
    if (parsed?.success) yield { line: info.lines, data: parsed.data as z.output<S> };
    else
      yield {
        line: info.lines,
        refused: parsed
          ? fieldErrors(parsed.error, fields)
              .map((e) => `${e.field} ${e.message}`)
              .join('; ')
          : `expected ${columns.length} columns`,
      };
  }
}
