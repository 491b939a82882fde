import type { Readable } from 'node:stream';
import * as z from 'zod/mini';
import type { MainGroup } from '../purchases/main-groups.ts';

/** The earlier register's export (formats/legacy-import.md): columns in order, as its header names them. */
export const MEMBER_COLUMNS = [
  'asiakasnro',
  'sukunimi',
  'etunimet',
  'katuosoite',
  'postinro',
  'postitoimipaikka',
  'matkapuhelin',
  'puhelin',
  'sahkoposti',
  'syntymaaika',
  'sukupuoli',
  'kieli',
  'liittynyt',
  'kortti',
  'korttinro',
  'korttitila',
  'suoramarkkinointikielto',
  'luovutuskielto',
  'kiellot_muutettu',
  'sahkopostilupa',
  'tekstiviestilupa',
  'luvat_muutettu',
  'kuollut',
  'turvakielto',
] as const;
export const PURCHASE_COLUMNS = ['asiakasnro', 'kuukausi', 'paaryhma', 'summa', 'kuitteja'] as const;
export type MemberRow = Record<(typeof MEMBER_COLUMNS)[number], string>;

/** A record's fields by the file's column names; a missing field reads as empty. */
export const rowOf = <C extends readonly string[]>(columns: C, fields: string[]) =>
  Object.fromEntries(columns.map((column, i) => [column, fields[i] ?? ''])) as Record<C[number], string>;

export const EXPORT_FILES = { members: 'members.csv', purchases: 'purchases.csv' } as const;

export const Manifest = z.strictObject({
  exportId: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1 to 64 letters, digits, . _ -')),
  createdAt: z.iso.datetime({ offset: true }),
  files: z
    .array(
      z.strictObject({
        name: z.enum([EXPORT_FILES.members, EXPORT_FILES.purchases]),
        records: z.int().check(z.nonnegative()),
        sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits')),
      }),
    )
    .check(z.length(2, 'must list members.csv and purchases.csv')),
});
export type Manifest = z.output<typeof Manifest>;

/** The earlier main product group codes; 99 (other) has no code in the register. */
export const GROUP_CODES: Readonly<Record<string, MainGroup | null>> = {
  '10': 'food',
  '20': 'womens-fashion',
  '21': 'mens-fashion',
  '22': 'kids-fashion',
  '30': 'beauty',
  '40': 'home',
  '50': 'electronics',
  '60': 'sports',
  '70': 'books-stationery',
  '71': 'toys',
  '80': 'watches-jewellery',
  '90': 'services',
  '99': null,
};

const FINNISH_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
/** A Finnish date (D.M.YYYY) as YYYY-MM-DD; undefined when empty, malformed or not a calendar day. */
export function finnishDate(text: string): string | undefined {
  const match = FINNISH_DATE.exec(text);
  if (!match) return undefined;
  const [, d, m, y] = match as unknown as [string, string, string, string];
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : undefined;
}

/** Euros with a decimal comma and no thousands separator ("1234,50", "-12,00") as integer cents. */
export function euroCents(text: string): number | undefined {
  const match = /^(-?)(\d{1,9})(?:,(\d{1,2}))?$/.exec(text);
  if (!match) return undefined;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

/** One record of a file: its fields, the line it starts on (the header is line 1) and where the next begins. */
export interface CsvRecord {
  fields: string[];
  line: number;
  /** Byte offset just past this record, and the line the next record starts on: where a resumed read starts. */
  next: number;
  nextLine: number;
}

/**
 * The records of a Windows-1252 file with `;` between fields and RFC 4180 quoting, from a byte offset.
 * Written by hand rather than with csv-parse: a resumed run needs each record's byte offset (one
 * byte a character in Windows-1252), and a line without a quote, nearly every line, is a plain split.
 */
export async function* csvRecords(
  bytes: AsyncIterable<Buffer> | Readable,
  from: { offset: number; line: number } = { offset: 0, line: 1 },
): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder('windows-1252');
  let text = '';
  let offset = from.offset;
  let line = from.line;
  for await (const chunk of bytes as AsyncIterable<Buffer>) {
    text += decoder.decode(chunk, { stream: true });
    let start = 0;
    let searchFrom = 0;
    for (;;) {
      const end = text.indexOf('\n', searchFrom);
      if (end < 0) break;
      const raw = text.slice(start, end);
      // A line end inside a quoted field belongs to the field: the record goes on.
      if (raw.includes('"') && quoteCount(raw) % 2 === 1) {
        searchFrom = end + 1;
        continue;
      }
      const record = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const lines = countLineEnds(raw) + 1;
      offset += end + 1 - start;
      yield { fields: splitFields(record), line, next: offset, nextLine: line + lines };
      line += lines;
      start = searchFrom = end + 1;
    }
    text = text.slice(start);
  }
  text += decoder.decode();
  if (text.length > 0) {
    const record = text.endsWith('\r') ? text.slice(0, -1) : text;
    yield {
      fields: splitFields(record),
      line,
      next: offset + text.length,
      nextLine: line + countLineEnds(text) + 1,
    };
  }
}

const quoteCount = (text: string) => {
  let count = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) count += 1;
  return count;
};
const countLineEnds = (text: string) => {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
};

/** The fields of one record; quotes only where a field is quoted. */
export function splitFields(record: string): string[] {
  if (!record.includes('"')) return record.split(';');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (record[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const quote = record.indexOf('"', j);
        if (quote < 0) {
          value += record.slice(j);
          j = record.length;
          break;
        }
        value += record.slice(j, quote);
        if (record[quote + 1] === '"') {
          value += '"';
          j = quote + 2;
        } else {
          j = quote + 1;
          break;
        }
      }
      // Anything between a closing quote and the separator is kept, as spreadsheets read it.
      const separator = record.indexOf(';', j);
      if (separator < 0) {
        fields.push(value + record.slice(j));
        return fields;
      }
      fields.push(value + record.slice(j, separator));
      i = separator + 1;
    } else {
      const separator = record.indexOf(';', i);
      if (separator < 0) {
        fields.push(record.slice(i));
        return fields;
      }
      fields.push(record.slice(i, separator));
      i = separator + 1;
    }
  }
}
