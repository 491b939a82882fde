import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
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

/** Counts and hashes bytes as they stream past, so the manifest needs no second read of the file. */
export class Digest extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;
  records = 0;

  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    done: (error?: Error | null, data?: Buffer) => void,
  ) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}

/** The batch CSV as a stream: UTF-8 without BOM, `;`, a header line, RFC 4180 quoting, LF line ends. */
export function batchCsv(rows: Readable): Readable {
  return rows.pipe(registerCsv({ header: true, columns: [...BATCH_COLUMNS], record_delimiter: 'unix' }));
}
