/**
 * Fixed-width records as the address update service writes them: text padded with spaces on the
 * right, counts padded with zeros on the left. One layout serves both reading and writing, so the
 * inbound parser and the outbound extract cannot disagree on a position.
 */
export interface Column<Name extends string> {
  name: Name;
  width: number;
  /** Counts are right-aligned with zeros; everything else is left-aligned with spaces. */
  zeroPadded?: boolean;
}

export type Layout<Name extends string> = readonly Column<Name>[];

export const widthOf = (layout: Layout<string>) => layout.reduce((sum, column) => sum + column.width, 0);

/**
 * C0 and C1 controls, DEL and the no-break space: never in a record. A line without them has no
 * whitespace but the space (Latin-1 has no other), so trimEnd() removes exactly the padding.
 */
const NOT_PLAIN = /[\u0000-\u001f\u007f-\u00a0]/;
export const isPlainLine = (line: string) => !NOT_PLAIN.test(line);

/** The columns of a plain line (isPlainLine) of the layout's width, text with its right padding removed. */
export function readColumns<Name extends string>(line: string, layout: Layout<Name>): Record<Name, string> {
  const values = {} as Record<Name, string>;
  let at = 0;
  for (const column of layout) {
    const raw = line.slice(at, at + column.width);
    values[column.name] = column.zeroPadded ? raw : raw.trimEnd();
    at += column.width;
  }
  return values;
}

/** One line of the layout's width; a value wider than its column is a bug in the caller, so it throws. */
export function writeColumns<Name extends string>(
  values: Record<Name, string>,
  layout: Layout<Name>,
): string {
  let line = '';
  for (const column of layout) {
    const value = values[column.name];
    if (value.length > column.width) throw new RangeError(`${column.name} is wider than ${column.width}`);
    line += column.zeroPadded ? value.padStart(column.width, '0') : value.padEnd(column.width, ' ');
  }
  return line;
}

/**
 * Text that ISO-8859-1 can carry: a letter outside it loses its diacritics if that makes it fit
 * (ő → o), and anything else becomes '?'. Names in the register are any Unicode letters.
 */
export function toLatin1(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (char.charCodeAt(0) <= 0xff && char.length === 1) out += char;
    else {
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length === 1 && base.charCodeAt(0) <= 0xff ? base : '?';
    }
  }
  return out;
}
