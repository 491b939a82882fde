import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AckLine } from '../../shared/cards/ack-file.ts';
import { BATCH_COLUMNS, batchCsv, type BatchRow } from '../../shared/cards/batch-file.ts';
import { Digest } from '../../shared/exchange/digest.ts';
import { nameOnCard, NAME_ON_CARD_MAX } from '../../shared/cards/name-on-card.ts';

describe('name on card', () => {
  it('writes names in upper case, keeping Å Ä Ö Ü É', () => {
    expect(nameOnCard('Åsa', 'Öhman')).toBe('ÅSA ÖHMAN');
    expect(nameOnCard('Jürgen', 'Müller')).toBe('JÜRGEN MÜLLER');
    expect(nameOnCard('Renée', "O'Brien-Léger")).toBe("RENÉE O'BRIEN-LÉGER");
  });

  it('drops other accents and characters the manufacturer cannot emboss', () => {
    expect(nameOnCard('José', 'Nuñez')).toBe('JOSÉ NUNEZ');
    expect(nameOnCard('Zoë', 'Çelik')).toBe('ZOE CELIK');
    expect(nameOnCard('Anna.', 'Łukasz')).toBe('ANNA LUKASZ');
  });

  it('shortens first names to initials before it touches the surname, within 26 characters', () => {
    expect(nameOnCard('Matti Juhani', 'Virtanen')).toBe('MATTI JUHANI VIRTANEN');
    expect(nameOnCard('Matti Juhani Kalevi', 'Virtanen-Laine')).toBe('MATTI J K VIRTANEN-LAINE');
    expect(nameOnCard('Matti Juhani Kalevi', 'Virtanen-Lahtinen')).toBe('M J K VIRTANEN-LAHTINEN');
    expect(nameOnCard('Anna-Liisa Maria', 'Sjöberg-Ströminger')).toBe('A-L M SJÖBERG-STRÖMINGER');
    const long = nameOnCard('Maximilian', 'Wolfeschlegelsteinhausenbergerdorff');
    expect(long.length).toBeLessThanOrEqual(NAME_ON_CARD_MAX);
    expect(long.startsWith('M WOLFESCHLEGEL')).toBe(true);
  });

  it('never exceeds 26 characters nor leaves the alphabet', () => {
    for (const [first, last] of [
      ['Åke Östen Öjvind', 'Ärnström-Åkerblom'],
      ['X', 'Y'],
      ['Élise-Marie Béatrice', 'de la Fontaine-Üçüncü'],
    ] as const) {
      const name = nameOnCard(first, last);
      expect(name.length).toBeLessThanOrEqual(26);
      expect(name).toMatch(/^[A-ZÅÄÖÜÉ' -]+$/);
    }
  });
});

describe('batch file', () => {
  const row = (overrides: Partial<BatchRow> = {}): BatchRow => ({
    batchId: 'CB-20261124-0001',
    sequence: 1,
    customerNumber: '1234567897',
    cardType: 'CASH_CARD',
    orderType: 'NEW',
    nameOnCard: 'ÅSA ÖHMAN',
    streetAddress: 'Mannerheimintie 1',
    postalCode: '00100',
    postOffice: 'Helsinki',
    language: 'sv',
    ...overrides,
  });

  it('is `;`-separated UTF-8 with a header, LF line ends and RFC 4180 quoting, and counts its bytes', async () => {
    const digest = new Digest();
    const csv = await text(
      batchCsv(
        Readable.from([
          row(),
          row({ sequence: 2, streetAddress: 'Katu 1; rappu "B"', nameOnCard: "O'NEIL" }),
        ]),
      ).pipe(digest),
    );
    expect(csv.split('\n')[0]).toBe(BATCH_COLUMNS.join(';'));
    expect(csv).not.toContain('\r');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv).toContain('"Katu 1; rappu ""B"""');
    const parsed = parse(csv, { columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(parsed[1]!.streetAddress).toBe('Katu 1; rappu "B"');
    expect(parsed[0]!.nameOnCard).toBe('ÅSA ÖHMAN');
    expect(digest.bytes).toBe(Buffer.byteLength(csv));
  });
});

describe('acknowledgement line', () => {
  const line = {
    batchId: 'CB-20261124-0001',
    sequence: '1',
    customerNumber: '1234567897',
    status: 'PRODUCED',
    cardNumber: '************1234',
    reason: '',
    at: '2026-11-24T10:00:00Z',
  };

  it('accepts a masked MasterCard number or a full loyalty number', () => {
    expect(AckLine.safeParse(line).success).toBe(true);
    expect(AckLine.safeParse({ ...line, cardNumber: '9246000012345678' }).success).toBe(true);
  });

  it('refuses a produced card without a number, a half-masked number and a bad time', () => {
    expect(AckLine.safeParse({ ...line, cardNumber: '' }).success).toBe(false);
    expect(AckLine.safeParse({ ...line, cardNumber: '5500********1234' }).success).toBe(false);
    expect(AckLine.safeParse({ ...line, at: 'yesterday' }).success).toBe(false);
  });
});
