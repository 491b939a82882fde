import { Readable } from 'node:stream';
import type { Member } from '../members/member.ts';
import type { MemberStore } from '../members/member-store.ts';
import type { CardBatch, CardStore, StoredCardOrder } from './card-store.ts';
import type { ExchangeFiles } from '../exchange/exchange-files.ts';
import { helsinkiDate } from '../time/helsinki.ts';
import { batchCsv, type BatchManifest, type BatchRow } from './batch-file.ts';
import { Digest } from '../exchange/digest.ts';
import { CSV_CONTENT_TYPE } from '../exchange/csv.ts';
import { cardName } from './name-on-card.ts';
import { cardHold, type CardHold } from './card-hold.ts';
import { inParallel } from '../concurrency.ts';
import { systemAuditEntry } from '../members/audit.ts';
import { withLease, type JobLeases } from '../jobs/lease.ts';
import { cardBatchKey, cardBatchManifestKey } from '../exchange/layout.ts';

export const MAX_ORDERS_PER_BATCH = 5000;
const PAGE = 100; // one BatchGetItem of members per page of orders
const CLAIMS_IN_FLIGHT = 16;

const rowOf = (batch: CardBatch, sequence: number, order: StoredCardOrder, member: Member): BatchRow => ({
  batchId: batch.batchId,
  sequence,
  customerNumber: order.customerNumber,
  cardType: order.cardType,
  orderType: order.orderType,
  nameOnCard: cardName(member),
  streetAddress: member.streetAddress!,
  postalCode: member.postalCode!,
  postOffice: member.postOffice!,
  // The letter that carries the card is in Finnish or Swedish only.
  language: member.language === 'sv' ? 'sv' : 'fi',
});

/** The card batch's change of a member, in their audit trail. */
const batchAudit = (order: StoredCardOrder, at: Date, via: string, fields: string[]) =>
  systemAuditEntry({
    customerNumber: order.customerNumber,
    at: at.toISOString(),
    actor: 'card-batch',
    action: 'card-batch',
    via,
    purpose: 'membership',
    fields,
  });

export interface CardBatchSummary {
  batches: {
    batchId: string;
    transmissionReference: number;
    records: number;
    key: string;
    resumed: boolean;
  }[];
  waiting: Partial<Record<Exclude<CardHold, 'deceased'>, number>>;
  ended: { deceased: number };
  /** Set when another run was working on the batch: this one did nothing. */
  skipped?: 'another-run-is-active';
}

export interface CardBatchDeps {
  cards: CardStore;
  members: MemberStore;
  files: ExchangeFiles;
  leases: JobLeases;
  now?: () => Date;
  maxPerBatch?: number;
}

/**
 * The nightly card batch. Orders are claimed into an open batch (a write per order) before any file
 * is written; the file is then written from the claimed orders, and its manifest last. A run that
 * dies anywhere leaves an open batch that the next run finishes with the same id and content.
 */
export async function runCardBatch(deps: CardBatchDeps): Promise<CardBatchSummary> {
  const summary: CardBatchSummary = { batches: [], waiting: {}, ended: { deceased: 0 } };
  // One run at a time: two runs would take the same sequence numbers of the open batch.
  const now = deps.now ?? (() => new Date());
  const leased = await withLease(deps.leases, 'card-batch', now(), () => batchPendingOrders(deps, summary));
  return leased === 'another-run-is-active' ? { ...summary, skipped: leased } : summary;
}

async function batchPendingOrders(deps: CardBatchDeps, summary: CardBatchSummary): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const max = deps.maxPerBatch ?? MAX_ORDERS_PER_BATCH;
  const held = new Set<string>();

  for (;;) {
    let batch = await deps.cards.openBatch();
    const resumed = batch !== undefined;
    const numbers = new SequenceNumbers(batch ? await deps.cards.claimedSequences(batch.batchId) : []);
    for await (const page of deps.cards.pendingOrders(PAGE)) {
      if (numbers.count >= max) break;
      const members = await deps.members.getMany(page.map((o) => o.customerNumber));
      const mailable: { order: StoredCardOrder; member: Member }[] = [];
      for (const order of page) {
        const member = members.get(order.customerNumber);
        const hold = cardHold(member);
        if (hold === 'deceased') {
          const at = now();
          await deps.cards.cancel(
            order,
            'deceased',
            at,
            batchAudit(order, at, 'card order ended: deceased', ['card']),
          );
          summary.ended.deceased += 1;
        } else if (hold) {
          const key = `${order.customerNumber}#${order.orderedAt}`;
          if (!held.has(key)) summary.waiting[hold] = (summary.waiting[hold] ?? 0) + 1;
          held.add(key);
        } else {
          mailable.push({ order, member: member! });
        }
      }
      const room = mailable.slice(0, max - numbers.count);
      if (room.length === 0) continue;
      // A transmission reference is taken only when there is something to send.
      const open = (batch ??= await deps.cards.openNewBatch(now()));
      await inParallel(room, CLAIMS_IN_FLIGHT, async ({ order, member }) => {
        const sequence = numbers.take();
        const at = now();
        const claimed = await deps.cards.claim(
          order,
          open,
          sequence,
          rowOf(open, sequence, order, member),
          at,
          batchAudit(order, at, `card-batch ${open.batchId} row ${sequence}`, ['card.status']),
        );
        if (!claimed) numbers.release(sequence); // cancelled meanwhile: its number goes to the next order
      });
    }
    if (!batch) break;
    // Claims that lost a race leave gaps; the last orders move into them, so sequences run 1..n.
    for (let move = numbers.nextMove(); move; move = numbers.nextMove()) {
      await deps.cards.resequence(batch.batchId, move.from, move.to);
    }
    const delivered = await deliver(batch, deps, now());
    summary.batches.push({ ...delivered, resumed });
    if (numbers.count < max) break;
  }
}

/** The sequence numbers of one batch: the lowest free number first, so gaps fill before the end grows. */
class SequenceNumbers {
  private readonly taken: Set<number>;
  private lowestFree = 1;

  constructor(taken: number[]) {
    this.taken = new Set(taken);
  }

  get count(): number {
    return this.taken.size;
  }

  take(): number {
    while (this.taken.has(this.lowestFree)) this.lowestFree += 1;
    this.taken.add(this.lowestFree);
    return this.lowestFree;
  }

  release(n: number): void {
    this.taken.delete(n);
    this.lowestFree = Math.min(this.lowestFree, n);
  }

  /** The last number moved into the first gap, until there is none. */
  nextMove(): { from: number; to: number } | undefined {
    const last = Math.max(0, ...this.taken);
    if (last === this.taken.size) return undefined;
    const to = this.take();
    this.release(last);
    return { from: last, to };
  }
}

/** Writes the batch file from its claimed orders, then the manifest, then marks the batch delivered. */
async function deliver(batch: CardBatch, deps: CardBatchDeps, now: Date) {
  const day = helsinkiDate(new Date(batch.createdAt)).replaceAll('-', '');
  const key = cardBatchKey(day, batch.batchId);
  const file = key.slice(key.lastIndexOf('/') + 1);
  const digest = new Digest();
  let records = 0;
  async function* rows() {
    for await (const order of deps.cards.batchOrders(batch.batchId)) {
      records += 1;
      yield order.row!;
    }
  }
  await deps.files.upload(key, batchCsv(Readable.from(rows())).pipe(digest), CSV_CONTENT_TYPE);
  const manifest: BatchManifest = {
    formatVersion: 1,
    batchId: batch.batchId,
    transmissionReference: batch.transmissionReference,
    createdAt: batch.createdAt,
    file,
    records,
    bytes: digest.bytes,
    sha256: digest.hex(),
  };
  // The manufacturer takes a batch only when its manifest is there: it goes last.
  await deps.files.putJson(cardBatchManifestKey(day, batch.batchId), manifest);
  await deps.cards.markDelivered(batch, key, manifest, now);
  return { batchId: batch.batchId, transmissionReference: batch.transmissionReference, records, key };
}
