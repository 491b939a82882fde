import type { Readable } from 'node:stream';
import { registerCsv } from '../exchange/csv.ts';

/** A payout's id: the purchase month and the month's n:th payout, BP-YYYYMM-n. */
export const payoutIdOf = (month: string, n: number) => `BP-${month.replace('-', '')}-${n}`;

/** Columns of the payout file, in order (formats/benefit-payout.md). */
export const PAYOUT_COLUMNS = [
  'payoutId',
  'sequence',
  'customerNumber',
  'cardType',
  'cardReference',
  'month',
  'benefitCents',
  'statementId',
] as const;
export type PayoutRow = Record<(typeof PAYOUT_COLUMNS)[number], string | number>;

export interface PayoutManifest {
  formatVersion: 1;
  payoutId: string;
  month: string;
  createdAt: string;
  file: string;
  records: number;
  totalCents: number;
  bytes: number;
  sha256: string;
}

/** The payout CSV as a stream: UTF-8 without BOM, `;`, a header line, RFC 4180 quoting, LF line ends. */
export const payoutCsv = (rows: Readable): Readable =>
  rows.pipe(registerCsv({ header: true, columns: [...PAYOUT_COLUMNS], record_delimiter: 'unix' }));

export const PAYOUT_ACK_STATUSES = ['CREDITED', 'REJECTED'] as const;
export type PayoutAckStatus = (typeof PAYOUT_ACK_STATUSES)[number];
