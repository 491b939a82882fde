/**
 * How names compare in a search: letter case ignored, other accents ignored (é is e), but å, ä and ö
 * are letters of their own as in Finnish, and sort after z as Finnish dictionaries do. They are written
 * as the three characters after z in ASCII so that the index's byte order is the Finnish order.
 */
const FINNISH_LETTERS: Readonly<Record<string, string>> = { å: '{', ä: '|', ö: '}' };

export function foldName(text: string): string {
  let folded = '';
  for (const character of text.normalize('NFC').toLowerCase()) {
    const own = FINNISH_LETTERS[character];
    if (own) folded += own;
    else folded += character.normalize('NFD').replace(/[^a-z -]/g, '');
  }
  return folded.replace(/\s+/g, ' ').trim();
}
