import type { BatchManifest, BatchRow } from './batch-file.ts';
import type { AckStatus } from './ack-file.ts';
import type { CardOrder } from '../members/member-store.ts';
import type { AuditEntry } from '../members/audit-entry.ts';

export type OrderStatus =
  'PENDING' | 'BATCHED' | 'PRODUCED' | 'SHIPPED' | 'REJECTED' | 'RETURNED' | 'CANCELLED';

export interface StoredCardOrder extends CardOrder {
  status: OrderStatus;
  batchId?: string;
  sequence?: number;
  /** The batch file's row as claimed, so a re-run writes the very same file. */
  row?: BatchRow;
  batchedAt?: string;
  /** Keys of the acknowledgement lines applied to this order. */
  appliedAcks?: string[];
}

export interface CardBatch {
  batchId: string;
  transmissionReference: number;
  createdAt: string;
  status: 'open' | 'delivered';
  key?: string;
  records?: number;
  deliveredAt?: string;
}

/** What one acknowledgement line does, all in one write. */
export interface AckEffect {
  order: StoredCardOrder;
  /** Identifies the line, so a file delivered twice applies it once. */
  lineKey: string;
  status: AckStatus;
  at: string;
  cardNumber?: string;
  reason?: string;
  /** Whether the order is still the member's current one, so the profile follows it. */
  updatesProfile: boolean;
  /** The card could not be delivered: the member's address is in doubt, for customer service to check. */
  addressDoubtful: boolean;
  /** A loyalty card number the tills may now resolve to the member. */
  linkCard?: string;
  /** The card this one replaces, which stops resolving. */
  unlinkCard?: string;
  /** The change in the member's audit trail, written with it. */
  audit: AuditEntry;
}

/**
 * 'already-applied': this line was applied before (or its order is gone); 'member-changed': the member
 * ordered another card or is being erased since the line was read, and nothing was applied.
 */
export type AckOutcome = 'applied' | 'already-applied' | 'member-changed';

/** The batches sent and their orders: what the console and the overdue queue read. */
export interface CardBatchReader {
  batchOrders(batchId: string): AsyncIterable<StoredCardOrder>;
  batches(): Promise<CardBatch[]>;
}

export interface CardStore extends CardBatchReader {
  pendingOrders(pageSize: number): AsyncIterable<StoredCardOrder[]>;
  openBatch(): Promise<CardBatch | undefined>;
  /** Takes the next transmission reference and opens a batch with it; only one batch is open at a time. */
  openNewBatch(now: Date): Promise<CardBatch>;
  /** The sequence numbers taken in a batch so far, ascending. */
  claimedSequences(batchId: string): Promise<number[]>;
  /** Moves a claimed order to another (free) sequence number of its batch. */
  resequence(batchId: string, from: number, to: number): Promise<void>;
  /** Moves a pending order into the batch; false if it is no longer pending. */
  claim(
    order: StoredCardOrder,
    batch: CardBatch,
    sequence: number,
    row: BatchRow,
    now: Date,
    audit: AuditEntry,
  ): Promise<boolean>;
  /** Ends an order that will never be mailed (the member died). */
  cancel(order: StoredCardOrder, reason: string, now: Date, audit: AuditEntry): Promise<void>;
  markDelivered(batch: CardBatch, key: string, manifest: BatchManifest, now: Date): Promise<void>;
  orderInBatch(batchId: string, sequence: number): Promise<StoredCardOrder | undefined>;
  applyAck(effect: AckEffect): Promise<AckOutcome>;
}
