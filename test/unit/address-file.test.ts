import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLatin1 } from '../../shared/addresses/fixed-width.ts';
import { extractLine, EXTRACT_LAYOUT } from '../../shared/addresses/extract.ts';
import { latin1Lines } from '../../shared/addresses/latin1-lines.ts';
import { DETAIL_LAYOUT, formatDetail, parseDetail } from '../../shared/addresses/update-file.ts';
import { readColumns } from '../../shared/addresses/fixed-width.ts';
import { luhnCheckDigit } from '../../shared/members/customer-number.ts';
import type { Member } from '../../shared/members/member.ts';
import { aStoredMember } from '../support/fixtures.ts';

const latin1Char = fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code));
const latin1Text = (max: number) => fc.string({ unit: latin1Char, maxLength: max });
const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const customerNumber = digits(9).map((nine) => nine + luhnCheckDigit(nine));
const compactDate = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
/** Usually a well-formed value, now and then anything of the column's width. */
const mostly = <T>(valid: fc.Arbitrary<T>, anything: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: anything, weight: 1 });
const name = mostly(
  fc.constantFrom('Åström', 'Öhman', 'Müller', 'Sjöberg-Ström', "O'Brien", 'Ærø', 'Ë'),
  latin1Text(50),
);

/** Mostly well-formed columns, sometimes anything: the parser decides which lines it accepts. */
const columns = fc.record({
  recordType: fc.constantFrom('D', 'D', 'D', 'X'),
  customerNumber: mostly(customerNumber, digits(10)),
  match: fc.constantFrom('M', 'M', 'M', 'N', 'A', 'U', 'Z'),
  status: fc.constantFrom(' ', ' ', ' ', 'K', 'T', 'P', 'Q'),
  surname: name,
  firstNames: mostly(name, latin1Text(100)),
  streetAddress: mostly(fc.constantFrom('Hämeenkatu 12 B 7', 'Ödegatan 3/5'), latin1Text(50)),
  postalCode: mostly(digits(5), latin1Text(5)),
  postOffice: mostly(fc.constantFrom('TAMPERE', 'Jyväskylä', 'Närpes'), latin1Text(30)),
  country: fc.constantFrom('', '', 'FI', 'SE', 'de', 'X'),
  foreignAddress: mostly(fc.constantFrom('', 'Storgatan 5, 111 22 Stockholm'), latin1Text(100)),
  moveDate: mostly(fc.oneof(fc.constant(''), compactDate), digits(8)),
  dateOfDeath: mostly(compactDate, fc.constant('')),
  language: fc.constantFrom('fi', 'sv', '', 'EN', 'se'),
});
const line = columns.map((values) =>
  DETAIL_LAYOUT.map(({ name, width }) => values[name].slice(0, width).padEnd(width, ' ')).join(''),
);

describe('the address update file', () => {
  it('writes back every line it accepts so that it parses to the same fields (fast-check)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(line, (text) => {
        const parsed = parseDetail(text);
        if (!parsed.ok) return;
        accepted += 1;
        const written = formatDetail(parsed.value);
        expect(written).toBe(text);
        expect(parseDetail(written)).toEqual(parsed);
      }),
      { numRuns: 3000 },
    );
    // The property means something only if the parser accepts a fair share of what is generated.
    expect(accepted).toBeGreaterThan(150);
  });

  it('writes members into the extract layout that the same column reader reads back', () => {
    const member = {
      ...(aStoredMember('1000000016') as Member),
      surname: 'Sjöberg-Ström',
      firstNames: 'Zoë Őzil',
      streetAddress: 'Hämeenkatu 12 B 7',
      postalCode: '33100',
      postOffice: 'Tampere',
    };
    const text = extractLine(member);
    expect(text).toHaveLength(254);
    expect(readColumns(text, EXTRACT_LAYOUT)).toEqual({
      recordType: 'D',
      customerNumber: '1000000016',
      surname: 'Sjöberg-Ström',
      firstNames: 'Zoë Ozil',
      birthDate: '19700101',
      streetAddress: 'Hämeenkatu 12 B 7',
      postalCode: '33100',
      postOffice: 'Tampere',
    });
    expect(toLatin1('Łucja Ωmega 😀')).toBe('?ucja ?mega ?');
  });

  it('splits Latin-1 lines at any chunk boundary, CRLF or LF, with offsets a resumed read can start from', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          latin1Text(40).map((s) => s.replace(/[\r\n]/g, '')),
          { minLength: 1, maxLength: 8 },
        ),
        fc.constantFrom('\r\n', '\n'),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 10 }),
        async (texts, eol, cuts) => {
          const bytes = Buffer.from(texts.join(eol) + eol, 'latin1');
          const chunks: Buffer[] = [];
          for (let at = 0, i = 0; at < bytes.length; i++) {
            const size = cuts[i % cuts.length]!;
            chunks.push(bytes.subarray(at, at + size));
            at += size;
          }
          const lines = [];
          for await (const batch of latin1Lines(Readable.from(chunks))) lines.push(...batch);
          expect(lines.map((l) => l.text)).toEqual(texts);
          for (const l of lines) {
            const rest = [];
            for await (const batch of latin1Lines(Readable.from([bytes.subarray(l.offset)]), l)) {
              rest.push(...batch.map((r) => r.text));
            }
            expect(rest).toEqual(texts.slice(l.number - 1));
          }
        },
      ),
    );
  });
});
