import { stringify, type Options } from 'csv-stringify';

/**
 * Every CSV the register writes (card batches, audiences, reports): `;`-separated, RFC 4180 quoting,
 * and no cell a spreadsheet would run as a formula: one starting with =, +, -, @, a tab or a carriage
 * return gets a leading apostrophe (OWASP CSV injection), as csv-stringify's `escape_formulas` does.
 */
export const registerCsv = (options: Pick<Options, 'header' | 'columns' | 'record_delimiter'>) =>
  stringify({ ...options, delimiter: ';', escape_formulas: true });
