/** Letters the card manufacturer can emboss besides A-Z (formats/card-batch.md). */
const KEPT_LETTERS = 'ÅÄÖÜÉ';
const KEPT = new Set(KEPT_LETTERS);
const LETTER = `A-Z${KEPT_LETTERS}`;
export const NAME_ON_CARD_MAX = 26;
/** A spelling customer service agrees with the member: the manufacturer's alphabet, its length. */
export const AGREED_NAME_ON_CARD = new RegExp(
  `^[${LETTER}](?:[${LETTER} '-]{0,${NAME_ON_CARD_MAX - 2}}[${LETTER}])?$`,
);
/** Anything the manufacturer cannot emboss. */
const NOT_EMBOSSABLE = new RegExp(`[^${LETTER} '-]`, 'g');

/** Letters that carry no separable accent, written as the nearest embossable letters. */
const SPELLED: Record<string, string> = {
  Ł: 'L',
  Ø: 'O',
  Æ: 'AE',
  Œ: 'OE',
  ß: 'SS',
  Đ: 'D',
  Þ: 'TH',
  Ð: 'D',
};

/** Upper case, the manufacturer's alphabet only: other accents dropped (Ñ → N), other characters removed. */
function embossable(text: string): string {
  return [...text.normalize('NFC').toLocaleUpperCase('fi')]
    .map((ch) => (KEPT.has(ch) ? ch : (SPELLED[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, ''))))
    .join('')
    .replace(NOT_EMBOSSABLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const initials = (name: string) =>
  name
    .split('-')
    .map((part) => part[0] ?? '')
    .join('-');

/** The name embossed on the card: the spelling agreed with the member, or the one made from their name. */
export const cardName = (member: {
  firstNames: string;
  surname: string;
  card: { agreedNameOnCard?: string };
}): string => member.card.agreedNameOnCard ?? nameOnCard(member.firstNames, member.surname);

/**
 * The name made from the member's names: first names and surname, at most 26 characters. When too long, the
 * first names give way first (later ones to initials, then all of them), and only then the surname.
 */
export function nameOnCard(firstNames: string, surname: string): string {
  const first = embossable(firstNames).split(' ').filter(Boolean);
  const last = embossable(surname);
  const candidates = [
    [...first, last],
    [first[0] ?? '', ...first.slice(1).map(initials), last],
    [...first.map(initials), last],
    [initials(first[0] ?? ''), last],
  ].map((parts) => parts.filter(Boolean).join(' '));
  return (
    candidates.find((c) => c.length <= NAME_ON_CARD_MAX) ??
    candidates.at(-1)!.slice(0, NAME_ON_CARD_MAX).trim()
  );
}
