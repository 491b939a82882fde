import { systemAuditEntry } from '../members/audit.ts';
import type { MemberStore } from '../members/member-store.ts';
import type { CardStore, OrderStatus } from './card-store.ts';
import type { ExchangeFiles } from '../exchange/exchange-files.ts';
import { ACK_COLUMNS, AckLine, type AckLineInput } from './ack-file.ts';
import { partnerLines } from '../exchange/partner-lines.ts';
import { CARD_NUMBER } from '../members/schemas.ts';
import { cardAckReportKey } from '../exchange/layout.ts';

export interface AckReport {
  file: string;
  lines: number;
  applied: number;
  alreadyApplied: number;
  ignored: { line: number; reason: string }[];
  rejected: { line: number; reason: string }[];
}

/** How far along a card is; an acknowledgement never moves it back. */
const PROGRESS: Partial<Record<OrderStatus, number>> = {
  BATCHED: 0,
  PRODUCED: 1,
  SHIPPED: 2,
  REJECTED: 3,
  RETURNED: 3,
};

const fileName = (key: string) => key.slice(key.lastIndexOf('/') + 1);

type AckDeps = { cards: CardStore; members: MemberStore; files: ExchangeFiles };

/** The files of one S3 event, one after another, each with its report. */
export async function applyAckFiles(keys: readonly string[], deps: AckDeps): Promise<AckReport[]> {
  const reports: AckReport[] = [];
  for (const key of keys) reports.push(await applyAckFile(key, deps));
  return reports;
}

/**
 * Applies a manufacturer's acknowledgement file line by line. Each line is applied once however often
 * the file comes; a line that is malformed or names an unknown batch or member is reported and the
 * rest goes on. The report is written beside the other acknowledgement reports.
 */
export async function applyAckFile(key: string, deps: AckDeps): Promise<AckReport> {
  const report: AckReport = { file: key, lines: 0, applied: 0, alreadyApplied: 0, ignored: [], rejected: [] };
  for await (const read of partnerLines(await deps.files.read(key), ACK_COLUMNS, AckLine)) {
    if ('refused' in read) {
      report.lines += read.header ? 0 : 1;
      report.rejected.push({ line: read.line, reason: read.refused });
      continue;
    }
    report.lines += 1;
    const outcome = await applyLine(read.data, `card-ack ${fileName(key)} line ${read.line}`, deps);
    if (outcome === 'applied') report.applied += 1;
    else if (outcome === 'already-applied') report.alreadyApplied += 1;
    else report.ignored.push({ line: read.line, reason: outcome.reason });
  }
  await deps.files.putJson(cardAckReportKey(key), report);
  return report;
}

async function applyLine(
  line: AckLineInput,
  /** Where the line came from, for the member's audit trail. */
  via: string,
  deps: { cards: CardStore; members: MemberStore },
): Promise<'applied' | 'already-applied' | { reason: string }> {
  const order = await deps.cards.orderInBatch(line.batchId, Number(line.sequence));
  if (!order) return { reason: 'unknown batch or sequence' };
  if (order.customerNumber !== line.customerNumber)
    return { reason: 'the customer number is not the one in the batch' };
  if (order.cardType === 'MASTERCARD' && CARD_NUMBER.test(line.cardNumber)) {
    // Never store a full payment card number, even when sent one by mistake.
    return { reason: 'a MasterCard number must be masked to its last four digits' };
  }
  const lineKey = `${line.status}#${line.at}`;
  if (order.appliedAcks?.includes(lineKey)) return 'already-applied';
  if ((PROGRESS[line.status] ?? 0) < (PROGRESS[order.status] ?? 0))
    return { reason: `the card is already ${order.status}` };
  const member = await deps.members.get(order.customerNumber);
  const current = member?.card.orderedAt === order.orderedAt;
  // A card exists once produced (a shipment implies it): its loyalty number then resolves at the tills.
  const exists = line.status === 'PRODUCED' || line.status === 'SHIPPED';
  const newNumber =
    exists && order.cardType === 'CASH_CARD' && CARD_NUMBER.test(line.cardNumber)
      ? line.cardNumber
      : undefined;
  const previousCard = member?.card.cardNumber;
  const applied = await deps.cards.applyAck({
    order,
    lineKey,
    status: line.status,
    at: line.at,
    ...(line.cardNumber ? { cardNumber: line.cardNumber } : {}),
    ...(line.reason ? { reason: line.reason } : {}),
    updatesProfile: current,
    audit: systemAuditEntry({
      customerNumber: order.customerNumber,
      at: new Date().toISOString(),
      actor: 'card-manufacturer',
      action: 'card-answer',
      via: `${via} (batch ${line.batchId} row ${line.sequence})`,
      purpose: 'membership',
      fields: current ? ['card'] : [],
    }),
    // An undeliverable card means the address is in doubt, for customer service to check.
    addressDoubtful: line.status === 'RETURNED',
    ...(newNumber ? { linkCard: newNumber } : {}),
    // The replaced card stops resolving at the tills once its successor exists.
    ...(exists &&
    current &&
    previousCard &&
    previousCard !== line.cardNumber &&
    CARD_NUMBER.test(previousCard)
      ? { unlinkCard: previousCard }
      : {}),
  });
  return applied === 'member-changed'
    ? { reason: 'the member changed while the line was applied; deliver the file again' }
    : applied;
}
