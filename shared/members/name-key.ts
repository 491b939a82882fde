/**
 * How names compare in a search, as Finnish collation has them: letter case ignored, accents ignored
 * (é is e), but å, ä and ö are letters of their own after z, and ü is y, ø is ö, æ is ä. They are
 * written as the three characters after z in ASCII so that the index's byte order is the Finnish
 * order. Letters of other scripts (Иванов) are kept, lower-cased, and sort after.
 */
const FINNISH_LETTERS: Readonly<Record<string, string>> = {
  å: '{',
  ä: '|',
  ö: '}',
  ü: 'y',
  ø: '}',
  æ: '|',
  ß: 'ss',
};

export function foldName(text: string): string {
  let folded = '';
  for (const character of text.normalize('NFC').toLowerCase()) {
    const own = FINNISH_LETTERS[character];
    folded += own ?? character.normalize('NFD').replace(/[^\p{L} -]/gu, '');
  }
  return folded.replace(/\s+/g, ' ').trim();
}
