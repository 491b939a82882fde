import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRecords, euroCents, finnishDate, splitFields } from '../../shared/legacy/export-format.ts';
import { cp1252 } from '../support/legacy-exports.ts';

/** The bytes as a stream of chunks of the given size, so that records and quotes fall across chunks. */
const chunked = (bytes: Buffer, size: number) =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
      bytes.subarray(i * size, (i + 1) * size),
    ),
  );
const all = async (
  records: AsyncIterable<{ fields: string[]; line: number; next: number; nextLine: number }>,
) => {
  const out = [];
  for await (const record of records) out.push(record);
  return out;
};

const FILE = cp1252(
  'a;b;c\r\n1;O’Brien;"Kauppakatu 3; as. 4"\r\n2;"two\r\nlines";x\r\n3;"say ""hi""";€\r\n4;;\r\n',
);

describe('the earlier register’s CSV', () => {
  it.each([1, 2, 3, 7, 64, 1024])(
    'reads records whole in chunks of %i bytes: quotes, separators, line ends, cp1252',
    async (size) => {
      const records = await all(csvRecords(chunked(FILE, size)));
      expect(records.map((r) => r.fields)).toEqual([
        ['a', 'b', 'c'],
        ['1', 'O’Brien', 'Kauppakatu 3; as. 4'],
        ['2', 'two\r\nlines', 'x'],
        ['3', 'say "hi"', '€'],
        ['4', '', ''],
      ]);
      expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5, 6]);
      expect(records.at(-1)!.next).toBe(FILE.length);
    },
  );

  it('resumes from a record’s offset with the right line numbers, after a record of two lines too', async () => {
    const records = await all(csvRecords(chunked(FILE, 5)));
    const afterTwoLines = records[2]!;
    const resumed = await all(
      csvRecords(chunked(FILE.subarray(afterTwoLines.next), 4), {
        offset: afterTwoLines.next,
        line: afterTwoLines.nextLine,
      }),
    );
    expect(resumed.map((r) => [r.line, r.fields[0]])).toEqual([
      [5, '3'],
      [6, '4'],
    ]);
    expect(resumed.map((r) => r.next)).toEqual(records.slice(3).map((r) => r.next));
  });

  it('reads a last line without a line end, and keeps what follows a closing quote', async () => {
    expect((await all(csvRecords(chunked(cp1252('a;b\r\n1;2'), 3)))).map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(splitFields('"a"x;b')).toEqual(['ax', 'b']);
    expect(splitFields('a;"b"')).toEqual(['a', 'b']);
    expect(splitFields('')).toEqual(['']);
  });

  it('reads Finnish dates and euros with a decimal comma, and nothing else', () => {
    expect(['5.6.1985', '15.12.2009', '29.2.1984'].map(finnishDate)).toEqual([
      '1985-06-05',
      '2009-12-15',
      '1984-02-29',
    ]);
    expect(['31.2.1990', '29.2.1985', '1985-06-05', '5.6.85', ''].map(finnishDate)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(['1234,50', '-12,00', '0,5', '7'].map(euroCents)).toEqual([123450, -1200, 50, 700]);
    expect(['€0,00', '1 234,50', '12.50', '1,234', ''].map(euroCents)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
