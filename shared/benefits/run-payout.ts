import { Readable } from 'node:stream';
import { config } from '../config.ts';
import { CSV_CONTENT_TYPE } from '../exchange/csv.ts';
import { Digest } from '../exchange/digest.ts';
import type { ExchangeFiles } from '../exchange/exchange-files.ts';
import { benefitPayoutKey, benefitPayoutManifestKey } from '../exchange/layout.ts';
import { inParallel } from '../concurrency.ts';
import { withLease, type JobLeases } from '../jobs/lease.ts';
import type { Card } from '../members/member.ts';
import { addMonths } from '../time/helsinki.ts';
import { lastClosedMonth } from '../time/month-close.ts';
import { payoutCsv, payoutIdOf, type PayoutManifest, type PayoutRow } from './payout-file.ts';
import type { Payout, PayoutLine, PayoutStore, UnpaidMember } from './payout-store.ts';
import { statementId } from './statement.ts';
import type { StatementStore } from './statement-store.ts';
import { allSegmentsDone } from './write-statements.ts';

/** The job's name in the contract (shared/contract/jobs.ts). */
export const PAYOUT_JOB = 'benefit-payout';
/** A line under this is carried to the next month instead of paid. */
export const SMALLEST_PAYOUT_CENTS = 100;
const CLAIMS_IN_FLIGHT = 8;

export interface PayoutDeps {
  payouts: PayoutStore;
  statements: Pick<StatementStore, 'progress'>;
  files: ExchangeFiles;
  leases: JobLeases;
  now?: () => Date;
}

/** A card the partner can credit: produced or on its way to the member, and not reported lost. */
const cardInUse = (
  card: Card | undefined,
): card is Card & { type: 'MASTERCARD' | 'CASH_CARD'; cardNumber: string } =>
  !!card &&
  card.type !== 'NONE' &&
  (card.status === 'PRODUCED' || card.status === 'SHIPPED') &&
  !!card.cardNumber;

/**
 * The month's benefit payout to the payment partner (formats/benefit-payout.md), once its statements
 * are written. Each member with a card in use is paid what their unpaid statements add up to, when it
 * is at least a euro; the rest waits, and what is unpaid after twelve months lapses. Every line is
 * claimed (its statements in it) before the file is written, so a run that dies is finished by the
 * next with the same lines; a later run of the month writes a file of its own (-2, …) for lines the
 * first could not pay, and no line is paid twice.
 */
export async function runPayout(deps: PayoutDeps) {
  const now = deps.now?.() ?? new Date();
  const month = lastClosedMonth(now);
  if (!allSegmentsDone(await deps.statements.progress(month)))
    return { month, skipped: 'statements-not-written' };
  const leased = await withLease(deps.leases, PAYOUT_JOB, now, async () => {
    const payouts = await deps.payouts.payouts(month);
    const payout: Payout = payouts.find((p) => p.status === 'open') ?? {
      payoutId: payoutIdOf(month, payouts.length + 1),
      month,
      status: 'open',
      createdAt: now.toISOString(),
    };
    let opened = payouts.includes(payout);
    const counts = { claimed: 0, carried: 0, held: 0, lapsed: 0, changed: 0 };
    const lapseFrom = addMonths(month, -config.retention.unpaidBenefitMonths);
    for await (const page of deps.payouts.unpaid(100)) {
      const lines: { line: PayoutLine; member: UnpaidMember }[] = [];
      for (const member of page) {
        const lapsed = member.statements.filter((s) => s.month <= lapseFrom);
        if (lapsed.length > 0) await deps.payouts.lapse(lapsed, now.toISOString());
        counts.lapsed += lapsed.length;
        const waiting = member.statements.filter((s) => s.month > lapseFrom);
        const total = waiting.reduce((sum, s) => sum + s.payableCents, 0);
        // Paid to the card the partner refused, it would be refused again: it waits to be checked.
        if (waiting.some((s) => s.payment.heldBy)) {
          counts.held += 1;
          continue;
        }
        if (!cardInUse(member.card) || total < SMALLEST_PAYOUT_CENTS) {
          counts.carried += waiting.length > 0 ? 1 : 0;
          continue;
        }
        const latest = waiting.at(-1)!;
        lines.push({
          member: { ...member, statements: waiting },
          line: {
            payoutId: payout.payoutId,
            customerNumber: member.customerNumber,
            cardType: member.card.type,
            cardReference: member.card.cardNumber,
            month,
            benefitCents: total,
            statementId: statementId(latest),
            pays: waiting.map((s) => s.month),
            status: 'sent',
            claimedAt: now.toISOString(),
          },
        });
      }
      // Open before the first claim: a run that dies after it is finished by the next.
      if (lines.length > 0 && !opened) opened = await deps.payouts.open(payout);
      await inParallel(lines, CLAIMS_IN_FLIGHT, async ({ line, member }) => {
        const claimed = await deps.payouts.claim(line, member.statements);
        if (claimed === 'claimed') counts.claimed += 1;
        else counts.changed += 1;
      });
    }
    if (!opened) return { month, ...counts, lines: 0 };
    return { month, ...counts, ...(await deliver(payout, deps)) };
  });
  return leased === 'another-run-is-active' ? { month, skipped: leased } : leased;
}

/** Writes the payout file from its claimed lines, then the manifest, then marks it delivered. */
async function deliver(payout: Payout, deps: PayoutDeps) {
  const key = benefitPayoutKey(payout.month, payout.payoutId);
  let records = 0;
  let totalCents = 0;
  async function* rows(): AsyncIterable<PayoutRow> {
    for await (const line of deps.payouts.lines(payout.payoutId)) {
      records += 1;
      totalCents += line.benefitCents;
      yield {
        payoutId: line.payoutId,
        sequence: records,
        customerNumber: line.customerNumber,
        cardType: line.cardType,
        cardReference: line.cardReference,
        month: line.month,
        benefitCents: line.benefitCents,
        statementId: line.statementId,
      };
    }
  }
  // A payout none of whose lines could be claimed writes no file.
  const first = await deps.payouts.lines(payout.payoutId)[Symbol.asyncIterator]().next();
  if (first.done) {
    await deps.payouts.drop(payout);
    return { lines: 0 };
  }
  const digest = new Digest();
  await deps.files.upload(key, payoutCsv(Readable.from(rows())).pipe(digest), CSV_CONTENT_TYPE);
  const manifest: PayoutManifest = {
    formatVersion: 1,
    payoutId: payout.payoutId,
    month: payout.month,
    createdAt: payout.createdAt,
    file: key.slice(key.lastIndexOf('/') + 1),
    records,
    totalCents,
    bytes: digest.bytes,
    sha256: digest.hex(),
  };
  // The partner takes a payout only when its manifest is there: it goes last.
  await deps.files.putJson(benefitPayoutManifestKey(payout.month, payout.payoutId), manifest);
  await deps.payouts.delivered({ ...payout, status: 'delivered', key, records, totalCents });
  return { payoutId: payout.payoutId, lines: records, totalCents, key };
}
