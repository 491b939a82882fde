import { stringify, type Options } from 'csv-stringify';

/** What a spreadsheet would run as a formula: a cell starting so (the fullwidth forms too). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A plain number, signed or not (a phone number as +358401234567): a spreadsheet reads it as a number, not a formula. */
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

/**
 * A cell as it may leave the register: one a spreadsheet would run as a formula gets a leading
 * apostrophe (OWASP CSV injection). Written here rather than with csv-stringify's `escape_formulas`,
 * which also marks plain signed numbers, and so every mobile number (+358…) the mailing lists carry.
 */
export const neutralised = (value: string) =>
  FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Every CSV the register writes (card batches, audiences, reports): `;`-separated, RFC 4180 quoting, no formulas. */
export const registerCsv = (options: Pick<Options, 'header' | 'columns' | 'record_delimiter'>) =>
  stringify({ ...options, delimiter: ';', cast: { string: neutralised } });
