import type { Card } from '../members/member.ts';
import type { PayoutAckStatus } from './payout-file.ts';
import type { Statement } from './statement.ts';

/** One member's line of a payout: what it pays and to which card. */
export interface PayoutLine {
  payoutId: string;
  customerNumber: string;
  cardType: 'MASTERCARD' | 'CASH_CARD';
  /** The cash card's number, or the MasterCard's masked one, as the manufacturer acknowledged it. */
  cardReference: string;
  /** The purchase month of the payout. */
  month: string;
  benefitCents: number;
  /** The statement the line pays (the latest of those it pays), for the partner's questions. */
  statementId: string;
  /** The months whose statements it pays. */
  pays: string[];
  status: 'sent' | 'credited' | 'rejected';
  claimedAt: string;
  answeredAt?: string;
  reason?: string;
}

/** A month's payout file: open while its lines are claimed and written, delivered with its manifest. */
export interface Payout {
  payoutId: string;
  month: string;
  status: 'open' | 'delivered';
  createdAt: string;
  key?: string;
  records?: number;
  totalCents?: number;
}

/** A member with statements whose money waits, as the member's card stands now (none once erasure began). */
export interface UnpaidMember {
  customerNumber: string;
  card?: Card;
  statements: Statement[];
}

export interface PayoutStore {
  /** The month's payouts, oldest first. */
  payouts(month: string): Promise<Payout[]>;
  /** Opens a payout; false when another run opened one of that id first. */
  open(payout: Payout): Promise<boolean>;
  /** Every member with unpaid statements, in customer-number order, a page at a time. */
  unpaid(pageSize: number): AsyncIterable<UnpaidMember[]>;
  /** Statements whose money lapsed unpaid: off the unpaid index, each only if still unpaid. */
  lapse(statements: readonly Statement[], at: string): Promise<void>;
  /**
   * Puts the line in its payout and the statements it pays in it, in one write, only while each
   * statement is unpaid and the member a member: 'claimed', or why not.
   */
  claim(line: PayoutLine, statements: readonly Statement[]): Promise<'claimed' | 'changed' | 'gone'>;
  /** A payout's lines, in customer-number order: their order is the file's. */
  lines(payoutId: string): AsyncIterable<PayoutLine>;
  delivered(payout: Payout): Promise<void>;
  /** Removes a payout opened for lines none of which could be claimed. */
  drop(payout: Payout): Promise<void>;
  line(payoutId: string, customerNumber: string): Promise<PayoutLine | undefined>;
  /**
   * The partner's answer to a line, applied once: credited pays its statements; rejected returns
   * them to unpaid, held, and puts the member on customer service's queue. False when answered before.
   */
  answer(line: PayoutLine, status: PayoutAckStatus, reason: string, at: string): Promise<boolean>;
  /** Lets the statements a rejected line held be paid again; those no longer held are left as they are. */
  release(payoutId: string, customerNumber: string): Promise<void>;
}
