import { Readable } from 'node:stream';
import type { Member } from '../members/member.ts';
import type { MemberStore } from '../store/member-store.ts';
import type { CardBatch, CardStore, StoredCardOrder } from '../store/card-store.ts';
import type { ExchangeBucket } from '../store/exchange-bucket.ts';
import { helsinkiDate } from '../time/helsinki.ts';
import { batchCsv, Digest, type BatchManifest, type BatchRow } from './batch-file.ts';
import { nameOnCard } from './name-on-card.ts';

export const MAX_ORDERS_PER_BATCH = 5000;
const PAGE = 100; // one BatchGetItem of members per page of orders

/** Why a pending order is not put in a batch now: it waits, or (deceased) it ends. */
type Hold = 'protected-address' | 'no-address' | 'restricted' | 'no-member' | 'deceased';

function holdOf(member: Member | undefined): Hold | undefined {
  if (!member) return 'no-member';
  if (member.flags.deceased) return 'deceased';
  if (member.flags.protectedAddress) return 'protected-address';
  if (member.flags.restricted) return 'restricted';
  if (!member.streetAddress || !member.postalCode || !member.postOffice) return 'no-address';
  return undefined;
}

const rowOf = (batch: CardBatch, sequence: number, order: StoredCardOrder, member: Member): BatchRow => ({
  batchId: batch.batchId,
  sequence,
  customerNumber: order.customerNumber,
  cardType: order.cardType,
  orderType: order.orderType,
  nameOnCard: nameOnCard(member.firstNames, member.surname),
  streetAddress: member.streetAddress!,
  postalCode: member.postalCode!,
  postOffice: member.postOffice!,
  // The letter that carries the card is in Finnish or Swedish only.
  language: member.language === 'sv' ? 'sv' : 'fi',
});

export interface CardBatchSummary {
  batches: {
    batchId: string;
    transmissionReference: number;
    records: number;
    key: string;
    resumed: boolean;
  }[];
  waiting: Partial<Record<Exclude<Hold, 'deceased'>, number>>;
  ended: { deceased: number };
}

export interface CardBatchDeps {
  cards: CardStore;
  members: MemberStore;
  bucket: ExchangeBucket;
  now?: () => Date;
  maxPerBatch?: number;
}

/**
 * The nightly card batch. Orders are claimed into an open batch (a write per order) before any file
 * is written; the file is then written from the claimed orders, and its manifest last. A run that
 * dies anywhere leaves an open batch that the next run finishes with the same id and content.
 */
export async function runCardBatch(deps: CardBatchDeps): Promise<CardBatchSummary> {
  const now = deps.now ?? (() => new Date());
  const max = deps.maxPerBatch ?? MAX_ORDERS_PER_BATCH;
  const summary: CardBatchSummary = { batches: [], waiting: {}, ended: { deceased: 0 } };
  const held = new Set<string>();

  for (;;) {
    let batch = await deps.cards.openBatch();
    const resumed = batch !== undefined;
    let sequence = batch ? await deps.cards.claimedCount(batch.batchId) : 0;
    for await (const page of deps.cards.pendingOrders(PAGE)) {
      if (sequence >= max) break;
      const members = await deps.members.getMany(page.map((o) => o.customerNumber));
      for (const order of page) {
        if (sequence >= max) break;
        const member = members.get(order.customerNumber);
        const hold = holdOf(member);
        if (hold === 'deceased') {
          await deps.cards.cancel(order, 'deceased', now());
          summary.ended.deceased += 1;
        } else if (hold) {
          const key = `${order.customerNumber}#${order.orderedAt}`;
          if (!held.has(key)) summary.waiting[hold] = (summary.waiting[hold] ?? 0) + 1;
          held.add(key);
        } else {
          // A transmission reference is taken only when there is something to send.
          batch ??= await deps.cards.openNewBatch(now());
          if (
            await deps.cards.claim(
              order,
              batch,
              sequence + 1,
              rowOf(batch, sequence + 1, order, member!),
              now(),
            )
          ) {
            sequence += 1;
          }
        }
      }
    }
    if (!batch) break;
    const delivered = await deliver(batch, deps, now());
    summary.batches.push({ ...delivered, resumed });
    if (sequence < max) break;
  }
  return summary;
}

/** Writes the batch file from its claimed orders, then the manifest, then marks the batch delivered. */
async function deliver(batch: CardBatch, deps: CardBatchDeps, now: Date) {
  const day = helsinkiDate(new Date(batch.createdAt)).replaceAll('-', '');
  const file = `${batch.batchId}.csv`;
  const key = `card-orders/outbound/${day}/${file}`;
  const digest = new Digest();
  let records = 0;
  async function* rows() {
    for await (const order of deps.cards.batchOrders(batch.batchId)) {
      records += 1;
      yield order.row!;
    }
  }
  await deps.bucket.upload(key, batchCsv(Readable.from(rows())).pipe(digest), 'text/csv; charset=utf-8');
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
  await deps.bucket.putJson(`card-orders/outbound/${day}/${batch.batchId}.manifest.json`, manifest);
  await deps.cards.markDelivered(batch, key, manifest, now);
  return { batchId: batch.batchId, transmissionReference: batch.transmissionReference, records, key };
}
