import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { registerCsv } from '../../shared/exchange/csv.ts';
import { batchCsv } from '../../shared/cards/batch-file.ts';

const csvOf = (rows: Record<string, string>[]) =>
  text(Readable.from(rows).pipe(registerCsv({ header: true, columns: ['a', 'b'] })));

describe('CSV the register writes', () => {
  it('neutralises every cell a spreadsheet would run as a formula (OWASP CSV injection)', async () => {
    const cells = ['=1+1', '+1+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x";"y")', '＝1'];
    const csv = await csvOf(cells.map((a) => ({ a, b: 'plain' })));
    const firstCells = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(';')[0]);
    for (const cell of firstCells) expect(cell!.replace(/^"/, '')).toMatch(/^'/);
    expect(csv).toContain(';plain');
    expect(await csvOf([{ a: 'Äijälä-Öhman', b: 'Mannerheimintie 12' }])).toBe(
      'a;b\nÄijälä-Öhman;Mannerheimintie 12\n',
    );
  });

  it('leaves plain numbers as they are: a mobile number in an SMS audience is +358…, not a formula', async () => {
    expect(await csvOf([{ a: '+358401234567', b: '-12' }])).toBe('a;b\n+358401234567;-12\n');
  });

  it('holds for the card manufacturer’s batch file too', async () => {
    const csv = await text(batchCsv(Readable.from([{ nameOnCard: '=cmd' }])));
    expect(csv.split('\n')[1]).toContain("'=cmd");
  });
});
