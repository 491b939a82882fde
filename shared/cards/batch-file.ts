import type { Readable } from 'node:stream';
import { registerCsv } from '../exchange/csv.ts';
import { helsinkiDate } from '../time/helsinki.ts';

/** A batch's id: the day it was opened (Helsinki) and its transmission reference, CB-YYYYMMDD-NNNN. */
export const batchIdOf = (openedAt: Date, transmissionReference: number) =>
  `CB-${helsinkiDate(openedAt).replaceAll('-', '')}-${String(transmissionReference).padStart(4, '0')}`;

/** Columns of the batch file, in order (formats/card-batch.md). */
export const BATCH_COLUMNS = [
  'batchId',
  'sequence',
  'customerNumber',
  'cardType',
  'orderType',
  'nameOnCard',
  'streetAddress',
  'postalCode',
  'postOffice',
  'language',
] as const;

export type BatchRow = Record<(typeof BATCH_COLUMNS)[number], string | number>;

export interface BatchManifest {
  formatVersion: 1;
  batchId: string;
  transmissionReference: number;
  createdAt: string;
  file: string;
  records: number;
  bytes: number;
  sha256: string;
}

/** The batch CSV as a stream: UTF-8 without BOM, `;`, a header line, RFC 4180 quoting, LF line ends. */
export function batchCsv(rows: Readable): Readable {
  return rows.pipe(registerCsv({ header: true, columns: [...BATCH_COLUMNS], record_delimiter: 'unix' }));
}
