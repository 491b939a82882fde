import { inParallel } from '../concurrency.ts';
import { withLease, type JobLeases } from '../jobs/lease.ts';
import { lastClosedMonth } from '../time/month-close.ts';
import type { BenefitRules } from './rules.ts';
import { rulesFor, type BenefitRulesStore } from './rules-store.ts';
import { statementOf, type LateMonth, type Statement } from './statement.ts';
import type { StatementsProgress, StatementStore } from './statement-store.ts';

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

/**
 * The benefit statements of the month that closed last: one per member who bought in it, written
 * once (a run done twice, or two at once, writes nothing twice), each only while its member is a
 * member, with what late receipts changed in earlier months carried to it as adjustments. The work
 * goes segment by segment, page by page, its progress saved after each page: a run out of time
 * answers `done: false` and the next goes on from there. `segment` limits a run to one segment, so
 * that segments can run side by side.
 */
export async function writeStatements(deps: StatementsDeps, segment?: string) {
  const now = deps.now?.() ?? new Date();
  const month = lastClosedMonth(now);
  const rules = rulesFor(month, await deps.rules.all());
  if (!rules) return { month, done: true, skipped: 'no-rules-in-force' };
  const leased = await withLease(deps.leases, BENEFITS_JOB, now, async () => {
    const progress: StatementsProgress = (await deps.statements.progress(month)) ?? {
      month,
      startedAt: now.toISOString(),
      segments: {},
      written: 0,
      existing: 0,
      gone: 0,
    };
    const late = await lateWithBasis(deps, month);
    for (const part of segment ? [segment] : SEGMENTS) {
      const state = (progress.segments[part] ??= {});
      if (state.done) continue;
      for await (const page of deps.statements.buyers(month, part, state.after, PAGE)) {
        await statePage(page, month, rules, late, deps, now, progress);
        state.after = page.at(-1)?.customerNumber ?? state.after;
        await deps.statements.saveProgress(progress);
        if ((deps.timeLeft?.() ?? Infinity) < STOP_MARGIN_MS) return { ...summary(progress), done: false };
      }
      // A finished segment keeps no cursor: no customer number outlives the run in its progress.
      progress.segments[part] = { done: true };
      await deps.statements.saveProgress(progress);
    }
    return {
      ...summary(progress),
      done: SEGMENTS.every((part) => progress.segments[part]?.done) || !!segment,
    };
  });
  return leased === 'another-run-is-active' ? { month, done: false, skipped: leased } : leased;
}

const summary = (p: StatementsProgress) => ({
  month: p.month,
  written: p.written,
  existing: p.existing,
  gone: p.gone,
});

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
  progress: StatementsProgress,
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
  progress.written += written;
  progress.existing += existing.length;
  progress.gone += gone.length;
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
