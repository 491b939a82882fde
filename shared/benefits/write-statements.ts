import { inParallel } from '../concurrency.ts';
import { withLease, type JobLeases } from '../jobs/lease.ts';
import { lastClosedMonth } from '../time/month-close.ts';
import type { BenefitRules } from './rules.ts';
import { rulesFor, type BenefitRulesStore } from './rules-store.ts';
import { statementOf, type LateMonth, type Statement } from './statement.ts';
import type { SegmentProgress, StatementStore } from './statement-store.ts';

/** The job's name in the contract (shared/contract/jobs.ts). */
export const BENEFITS_JOB = 'benefits';
/** A month's buyers in ten segments by the first digit of their (random) customer number: resumable units. */
export const SEGMENTS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const PAGE = 100;
/** A run stops between pages when less than this is left of its invocation, after saving its progress. */
const STOP_MARGIN_MS = 60_000;

export interface StatementsDeps {
  statements: StatementStore;
  rules: BenefitRulesStore;
  leases: JobLeases;
  now?: () => Date;
  timeLeft?: () => number;
}

/** A month's statements are all written when every segment is done. */
export const allSegmentsDone = (progress: readonly SegmentProgress[]) =>
  SEGMENTS.every((segment) => progress.some((p) => p.segment === segment && p.done));

/**
 * The benefit statements of the month that closed last: one per member who bought in it, written
 * once (a run done twice, or two at once, writes nothing twice), each only while its member is a
 * member, with what late receipts changed in earlier months carried to it as adjustments. The work
 * goes segment by segment, page by page, each segment's progress saved after each page under a
 * lease of its own: a run out of time answers `done: false` and the next goes on from there; a
 * segment another run holds is left to it. `segment` limits a run to one segment, so that segments
 * can run side by side.
 */
export async function writeStatements(deps: StatementsDeps, segment?: string) {
  const now = deps.now?.() ?? new Date();
  const month = lastClosedMonth(now);
  const rules = rulesFor(month, await deps.rules.all());
  const counts = { written: 0, existing: 0, gone: 0 };
  if (!rules) return { month, ...counts, done: true, skipped: 'no-rules-in-force' as const };
  const begun = await deps.statements.progress(month);
  const parts = (segment ? [segment] : SEGMENTS).filter(
    (part) => !begun.some((p) => p.segment === part && p.done),
  );
  let held = false;
  let late: Map<string, LateWithBasis[]> | undefined;
  for (const part of parts) {
    const outcome = await withLease(deps.leases, `${BENEFITS_JOB}-${part}`, now, async () => {
      // Read again under the lease: the run that held it before may have gone on.
      const progress: SegmentProgress = (await deps.statements.progress(month)).find(
        (p) => p.segment === part,
      ) ?? { month, segment: part, startedAt: now.toISOString(), written: 0, existing: 0, gone: 0 };
      if (progress.done) return 'done';
      late ??= await lateWithBasis(deps, month);
      for await (const page of deps.statements.buyers(month, part, progress.after, PAGE)) {
        await statePage(page, month, rules, late, deps, now, progress, counts);
        progress.after = page.at(-1)?.customerNumber ?? progress.after;
        await deps.statements.saveProgress(progress);
        if ((deps.timeLeft?.() ?? Infinity) < STOP_MARGIN_MS) return 'out-of-time';
      }
      // A finished segment keeps no cursor: no customer number outlives the run in its progress.
      delete progress.after;
      await deps.statements.saveProgress({ ...progress, done: true });
      return 'done';
    });
    if (outcome === 'out-of-time') return { month, ...counts, done: false };
    if (outcome === 'another-run-is-active') held = true;
  }
  if (held) return { month, ...counts, done: false, skipped: 'another-run-is-active' as const };
  return { month, ...counts, done: segment ? true : allSegmentsDone(await deps.statements.progress(month)) };
}

type LateWithBasis = LateMonth & { rules: BenefitRules; statedCents: number };

/**
 * The late months of every member, each with the rules of its month and what was stated of it: its
 * own statement the first time, then the basis of the adjustment last carried. A late month with no
 * statement was not stated at all (its changes came before its statement was written): nothing to carry.
 */
async function lateWithBasis(deps: StatementsDeps, month: string): Promise<Map<string, LateWithBasis[]>> {
  const late = (await deps.statements.lateMonths()).filter((m) => m.month < month);
  const unstated = late.filter((m) => m.statedCents === undefined);
  const statements = await deps.statements.statements(unstated);
  const stated = new Map(statements.map((s) => [`${s.customerNumber} ${s.month}`, s.benefitCents]));
  const all = await deps.rules.all();
  const byMember = new Map<string, LateWithBasis[]>();
  for (const m of late) {
    const statedCents = m.statedCents ?? stated.get(`${m.customerNumber} ${m.month}`);
    const rules = rulesFor(m.month, all);
    if (statedCents === undefined || !rules) continue;
    byMember.set(m.customerNumber, [...(byMember.get(m.customerNumber) ?? []), { ...m, statedCents, rules }]);
  }
  return byMember;
}

async function statePage(
  page: readonly { customerNumber: string; groups: Statement['groups'] }[],
  month: string,
  rules: BenefitRules,
  late: Map<string, LateWithBasis[]>,
  deps: StatementsDeps,
  now: Date,
  progress: SegmentProgress,
  counts: { written: number; existing: number; gone: number },
) {
  const writtenAt = now.toISOString();
  const statements = page.map((buyer) =>
    statementOf(
      buyer.customerNumber,
      month,
      buyer.groups,
      rules,
      late.get(buyer.customerNumber) ?? [],
      writtenAt,
    ),
  );
  const { written, existing, gone } = await deps.statements.write(statements);
  for (const tally of [progress, counts]) {
    tally.written += written;
    tally.existing += existing.length;
    tally.gone += gone.length;
  }
  // A late month is settled with what the statement that carried it says (the one written, or there before).
  const carried = new Map([...statements, ...existing].map((s) => [s.customerNumber, s]));
  const settling = page
    .filter((buyer) => !gone.includes(buyer.customerNumber))
    .flatMap((buyer) =>
      (late.get(buyer.customerNumber) ?? []).map((m) => {
        const adjustment = carried.get(buyer.customerNumber)?.adjustments.find((a) => a.month === m.month);
        return { m, statedCents: m.statedCents + (adjustment?.cents ?? 0) };
      }),
    );
  await inParallel(settling, 8, ({ m, statedCents }) => deps.statements.settle(m, statedCents));
}
