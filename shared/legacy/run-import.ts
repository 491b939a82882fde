import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { inParallel } from '../concurrency.ts';
import type { ConsentEvent } from '../consents/purposes.ts';
import * as z from 'zod/mini';
import { FileMissing, type ExchangeFiles } from '../exchange/exchange-files.ts';
import {
  EXCHANGE_PREFIXES,
  LEGACY_MANIFEST,
  legacyExportKey,
  legacyExportOf,
  legacyReportKey,
  legacyReportPartKey,
} from '../exchange/layout.ts';
import { withLease, type JobLeases } from '../jobs/lease.ts';
import { systemAuditEntry } from '../members/audit.ts';
import { saveChange } from '../members/change-member.ts';
import { NO_FLAGS, PERSONAL_FIELDS, type Member, type PersonalField } from '../members/member.ts';
import type { MemberStore } from '../members/member-store.ts';
import type { AuditEntry } from '../members/audit-entry.ts';
import { newCustomerNumber } from '../members/new-customer-number.ts';
import { LegacyNumber } from '../members/schemas.ts';
import type { MonthTotals } from '../purchases/purchase-store.ts';
import { monthExpiry, oldestKeptMonth } from '../purchases/receipt.ts';
import { helsinkiDate, MONTH } from '../time/helsinki.ts';
import {
  EXPORT_FILES,
  GROUP_CODES,
  Manifest,
  MEMBER_COLUMNS,
  PURCHASE_COLUMNS,
  csvRecords,
  euroCents,
  type CsvRecord,
  type MemberRow,
} from './export-format.ts';
import type { ImportCounts, ImportState, LegacyImportStore } from './import-store.ts';
import { monthKeyOf } from './import-store.ts';
import { Refusal } from '../refusal.ts';
import { decideMember, type Dropped, type LegacyMember } from './legacy-member.ts';

/** Records taken between checkpoints. */
const WINDOW = 1000;
const WRITES_IN_FLIGHT = 16;
/** A run stops between windows when less than this is left of its time; the next run resumes. */
const STOP_MARGIN_MS = 60_000;
const ACTOR = 'legacy-import';
/** The run's clock: the tests' fixed day, or now. */
const clock = (deps: LegacyImportDeps) => deps.now?.() ?? new Date();

export interface LegacyImportDeps {
  members: MemberStore;
  imports: LegacyImportStore;
  leases: JobLeases;
  files: ExchangeFiles;
  /** Validate everything and write the report, changing nothing in the table. */
  dryRun?: boolean;
  now?: () => Date;
  /** Milliseconds this run may still use (a Lambda's remaining time); unlimited if absent. */
  timeLeft?: () => number;
  window?: number;
}

export interface ExportSummary {
  exportId: string;
  status: ImportState['status'];
  reason?: string;
  members: ImportCounts;
  purchases: ImportCounts;
  report?: string;
}

export interface LegacyImportRun {
  /** False when the run stopped for time: the next run resumes where it stopped. */
  done: boolean;
  dryRun: boolean;
  exports: ExportSummary[];
  skipped?: 'another-run-is-active';
}

/** One line of the report: the earlier number and what was done with it, never other personal data. */
interface ReportLine {
  file: 'members.csv' | 'purchases.csv';
  line: number;
  legacyNumber?: string;
  outcome: string;
  reason?: string;
  fields?: Dropped[];
  month?: string;
}

/**
 * The move-in of the earlier register (formats/legacy-import.md), by hand and rehearsable. Every export
 * whose manifest has arrived is checked whole first (manifest, header, encoding, record counts and
 * checksums: a bad file imports nothing), then its members and its purchase months are taken a window
 * at a time with a checkpoint after each, and a report is written. Members are keyed by their earlier
 * number, so an export taken again changes only what differs and never makes a second member.
 */
export async function runLegacyImport(deps: LegacyImportDeps): Promise<LegacyImportRun> {
  const run: LegacyImportRun = { done: true, dryRun: Boolean(deps.dryRun), exports: [] };
  const now = clock(deps);
  const leased = await withLease(deps.leases, 'legacy-import', now, async () => {
    for await (const key of deps.files.list(EXCHANGE_PREFIXES.legacyExports)) {
      const exportId = legacyExportOf(key);
      if (!exportId) continue;
      if (!run.done) break;
      const summary = await importExport(exportId, deps, run);
      if (summary) run.exports.push(summary);
    }
  });
  return leased === 'another-run-is-active' ? { ...run, skipped: leased } : run;
}

async function importExport(
  exportId: string,
  deps: LegacyImportDeps,
  run: LegacyImportRun,
): Promise<ExportSummary | undefined> {
  const dryRun = Boolean(deps.dryRun);
  const at = clock(deps).toISOString();
  const saved = await deps.imports.state(exportId);
  if (saved && saved.status !== 'importing') return undefined;
  // A dry run starts from the beginning, whatever a real run has done, and keeps no checkpoint.
  let state = dryRun ? undefined : saved;
  let manifest: Manifest | undefined;
  if (!state) {
    const checked = await checkExport(exportId, deps.files);
    state = {
      exportId,
      status: checked.ok ? 'importing' : 'rejected',
      startedAt: at,
      phase: 'members',
      next: { line: 1, offset: 0 },
      members: {},
      purchases: {},
      ...(checked.ok ? {} : { reason: checked.reason }),
    };
    if (!checked.ok) {
      await finish(state, deps, at);
      return summaryOf(state);
    }
    manifest = checked.manifest;
    if (!dryRun) await deps.imports.saveState(state);
  }
  manifest ??= await readManifest(exportId, deps.files);
  const context: ImportContext = {
    exportId,
    exportedAt: manifest.createdAt,
    today: helsinkiDate(clock(deps)),
    at,
    dryRun,
    wouldImport: new Set(),
    shared: await sharedValues(exportId, deps.files, helsinkiDate(clock(deps))),
  };
  for (const phase of ['members', 'purchases'] as const) {
    if (state.phase !== phase && phase === 'members') continue;
    const file = phase === 'members' ? EXPORT_FILES.members : EXPORT_FILES.purchases;
    const finished = await takeWindows(legacyExportKey(exportId, file), state, phase, context, deps);
    if (!finished) {
      run.done = false;
      return summaryOf(state);
    }
    if (phase === 'members') {
      state.phase = 'purchases';
      state.next = { line: 1, offset: 0 };
      if (!dryRun) await deps.imports.saveState(state);
    }
  }
  state.status = 'imported';
  await finish(state, deps, clock(deps).toISOString());
  return summaryOf(state);
}

/** The run a report part belongs to: the import's start, kept across its invocations (a dry run has one). */
const runOf = (state: ImportState, dryRun: boolean) => (dryRun ? `dry-${state.startedAt}` : state.startedAt);

const summaryOf = (state: ImportState): ExportSummary => ({
  exportId: state.exportId,
  status: state.status,
  ...(state.reason ? { reason: state.reason } : {}),
  members: state.members,
  purchases: state.purchases,
  ...(state.report ? { report: state.report } : {}),
});

interface ImportContext {
  exportId: string;
  exportedAt: string;
  today: string;
  at: string;
  dryRun: boolean;
  shared: SharedValues;
  /** In a dry run, the earlier numbers it decided to take, for the purchase lines that follow. */
  wouldImport: Set<string>;
}

/**
 * Takes the phase's records a window at a time from the checkpoint; false when it stopped for time.
 * Each window is its own range read from the checkpoint: no read stays open while a slow window is
 * written (S3 and its stand-in drop a stream held open for minutes).
 */
async function takeWindows(
  key: string,
  state: ImportState,
  phase: 'members' | 'purchases',
  context: ImportContext,
  deps: LegacyImportDeps,
): Promise<boolean> {
  const size = deps.window ?? WINDOW;
  for (;;) {
    const window: CsvRecord[] = [];
    const bytes = await deps.files.read(key, state.next.offset);
    for await (const record of csvRecords(bytes, state.next)) {
      if (record.line === 1) continue; // the header, checked before
      // A member's month stays in one window, so that its lines are summed together.
      const sameMonth =
        phase === 'purchases' &&
        window.length > 0 &&
        record.fields[0] === window.at(-1)!.fields[0] &&
        record.fields[1] === window.at(-1)!.fields[1];
      if (window.length >= size && !sameMonth) break;
      window.push(record);
    }
    bytes.destroy();
    if (window.length === 0) return true;
    const lines =
      phase === 'members'
        ? await membersWindow(window, state, context, deps)
        : await purchasesWindow(window, state, context, deps);
    // Parts with nothing to say are not written: a report of millions of good purchase lines stays short.
    if (lines.length > 0) {
      const part = `${phase}-${String(window[0]!.line).padStart(9, '0')}`;
      await deps.files.putJson(
        legacyReportPartKey(context.exportId, context.dryRun, `${runOf(state, context.dryRun)}/${part}`),
        lines,
      );
    }
    const last = window.at(-1)!;
    state.next = { line: last.nextLine, offset: last.next };
    if (!context.dryRun) await deps.imports.saveState(state);
    // A dry run keeps no checkpoint, so it never stops early: it must fit one invocation.
    if (!context.dryRun && deps.timeLeft && deps.timeLeft() < STOP_MARGIN_MS) return false;
  }
}

const rowOf = <C extends readonly string[]>(columns: C, fields: string[]) =>
  Object.fromEntries(columns.map((column, i) => [column, fields[i] ?? ''])) as Record<C[number], string>;

const count = (counts: ImportCounts, outcome: string) => (counts[outcome] = (counts[outcome] ?? 0) + 1);

async function membersWindow(
  window: CsvRecord[],
  state: ImportState,
  context: ImportContext,
  deps: LegacyImportDeps,
): Promise<ReportLine[]> {
  const decisions = window.map((record) => {
    if (record.fields.length !== MEMBER_COLUMNS.length) {
      return { record, decision: undefined };
    }
    return {
      record,
      decision: decideMember(rowOf(MEMBER_COLUMNS, record.fields) as MemberRow, context.today),
    };
  });
  const wanted = decisions.flatMap(({ decision }) =>
    decision && decision.outcome !== 'refused' ? [decision.legacyNumber] : [],
  );
  const movedIn = await deps.imports.movedIn(wanted);
  const existing = await deps.members.getMany([...movedIn.values()]);
  return inParallel(decisions, WRITES_IN_FLIGHT, async ({ record, decision }): Promise<ReportLine> => {
    const line = { file: EXPORT_FILES.members, line: record.line } as const;
    if (!decision) {
      count(state.members, 'refused');
      return { ...line, outcome: 'refused', reason: `expected ${MEMBER_COLUMNS.length} columns` };
    }
    // Only an earlier number of the agreed form goes into the report: anything else may be data.
    const legacyNumber = LegacyNumber.safeParse(decision.legacyNumber).success
      ? decision.legacyNumber
      : undefined;
    if (decision.outcome === 'left-out') {
      // A member moved in before who has died since: marked deceased, for the retention rules.
      const customerNumber = movedIn.get(decision.legacyNumber);
      const alive = customerNumber ? existing.get(customerNumber) : undefined;
      if (alive && !alive.flags.deceased) {
        const outcome = context.dryRun
          ? 'deceased-since'
          : await markDeceased(alive, decision.deceasedOn, context, record.line, deps);
        count(state.members, outcome);
        return { ...line, legacyNumber: decision.legacyNumber, outcome };
      }
    }
    if (decision.outcome !== 'import') {
      count(state.members, decision.outcome === 'left-out' ? decision.reason : 'refused');
      return {
        ...line,
        ...(legacyNumber ? { legacyNumber } : {}),
        outcome: decision.outcome,
        reason: decision.reason,
      };
    }
    const { member, dropped } = decision;
    if (context.dryRun) context.wouldImport.add(member.legacyNumber);
    // Two earlier members with one email or mobile: the first by earlier number keeps it.
    for (const field of ['email', 'mobile'] as const) {
      const first = context.shared.first[field].get(member.data[field] ?? '');
      if (member.data[field] && first !== undefined && first !== member.legacyNumber) {
        delete member.data[field];
        dropped.push({ field, reason: `also the ${field} of earlier member ${first}, who keeps it` });
      }
    }
    const customerNumber = movedIn.get(member.legacyNumber);
    const before = customerNumber ? existing.get(customerNumber) : undefined;
    const outcome = before
      ? await updateMember(before, member, dropped, context, record.line, deps)
      : customerNumber
        ? 'erased-since'
        : await createMember(member, dropped, context, record.line, deps);
    count(state.members, outcome === 'imported' && dropped.length > 0 ? 'imported-without-fields' : outcome);
    const sharing = context.shared.sharedWith.get(member.legacyNumber);
    return {
      ...line,
      legacyNumber: member.legacyNumber,
      outcome,
      ...(dropped.length > 0 ? { fields: dropped } : {}),
      ...(sharing ? { reason: `keeps a value also given for earlier members ${sharing.join(', ')}` } : {}),
    };
  });
}

const auditOf = (
  customerNumber: string,
  context: ImportContext,
  line: number,
  fields: string[],
): AuditEntry =>
  systemAuditEntry({
    customerNumber,
    at: context.at,
    actor: ACTOR,
    action: 'import',
    via: `legacy-import ${context.exportId} members.csv line ${line}`,
    purpose: 'membership',
    fields,
  });

/** A member moved in before who has died since: marked deceased (the retention rules take it from there). */
async function markDeceased(
  alive: Member,
  deceasedOn: string | undefined,
  context: ImportContext,
  line: number,
  deps: LegacyImportDeps,
): Promise<string> {
  try {
    await saveChange(
      deps.members,
      alive,
      { flags: { ...alive.flags, deceased: true }, ...(deceasedOn ? { deceasedOn } : {}) },
      context.at,
      { audit: auditOf(alive.customerNumber, context, line, ['flags.deceased', 'deceasedOn']) },
    );
    return 'deceased-since';
  } catch (error) {
    // Changed or erased meanwhile: reported, for a person to look at; the import goes on.
    if (!(error instanceof Refusal)) throw error;
    return error.kind === 'not-found' ? 'erased-since' : 'changed-meanwhile';
  }
}

/** A new member of the register for an earlier one: the number, card, bans and consents in one save. */
async function createMember(
  legacy: LegacyMember,
  dropped: Dropped[],
  context: ImportContext,
  line: number,
  deps: LegacyImportDeps,
): Promise<string> {
  if (context.dryRun) return 'imported';
  const fields = PERSONAL_FIELDS.filter((field) => legacy.data[field] !== undefined);
  const source = { source: 'legacy-register', at: context.exportedAt } as const;
  const events: ConsentEvent[] = legacy.answers.map((answer) => ({
    ...answer,
    source: 'legacy-register',
    actor: ACTOR,
    previously: null,
  }));
  for (let attempt = 0; attempt < 3; attempt++) {
    const customerNumber = newCustomerNumber();
    const member: Member = {
      ...legacy.data,
      customerNumber,
      legacyNumber: legacy.legacyNumber,
      card: legacy.order ? { ...legacy.card, orderedAt: context.at } : legacy.card,
      flags: { ...NO_FLAGS, protectedAddress: legacy.protectedAddress },
      sources: Object.fromEntries(fields.map((field) => [field, source])),
      ...(events.length > 0
        ? {
            consents: Object.fromEntries(
              events.map(({ previously: _p, ...consent }) => [consent.purpose, consent]),
            ),
          }
        : {}),
      version: 1,
      createdAt: `${legacy.joinedOn}T00:00:00.000Z`,
      updatedAt: context.at,
    };
    const saved = await deps.members.save({
      after: member,
      audit: auditOf(customerNumber, context, line, fields),
      legacyNumber: legacy.legacyNumber,
      ...(legacy.linkCard ? { linkCard: legacy.linkCard } : {}),
      ...(legacy.order ? { placeCardOrder: { customerNumber, orderedAt: context.at, ...legacy.order } } : {}),
      ...(events.length > 0 ? { consentEvents: events } : {}),
    });
    switch (saved.outcome) {
      case 'saved':
        return 'imported';
      case 'already-imported':
        return 'unchanged'; // a run that stopped after this save: the member is there
      case 'customer-number-taken':
        continue;
      case 'duplicate': {
        // The register already has this email, mobile or card for someone else: imported without it.
        const field = saved.field;
        dropped.push({
          field: field === 'card' ? 'card' : field,
          reason: `belongs to another member of the register`,
        });
        if (field === 'card') {
          delete legacy.linkCard;
          legacy.card = { type: 'NONE', status: 'NONE' };
        } else delete legacy.data[field];
        return createMember(legacy, dropped, context, line, deps);
      }
      default:
        throw new Error(`an imported member was not saved: ${saved.outcome}`);
    }
  }
  throw new Error('no free customer number after three draws');
}

/**
 * A member moved in before: the personal fields the earlier register still owns (their source is
 * it), a protected address, and bans and consents not changed in the register since, follow a newer
 * export; nothing is written when all is the same. A change that races customer service is decided
 * again on a fresh read; a value another member holds now is left out.
 */
async function updateMember(
  member: Member,
  legacy: LegacyMember,
  dropped: Dropped[],
  context: ImportContext,
  line: number,
  deps: LegacyImportDeps,
): Promise<string> {
  let before = member;
  // Values another member holds by now: left as the member has them, and reported.
  const taken = new Set<PersonalField>();
  for (let attempt = 0; attempt < 3; attempt++) {
    const owned = (field: PersonalField) =>
      !taken.has(field) && (!before.sources[field] || before.sources[field]?.source === 'legacy-register');
    const changed = PERSONAL_FIELDS.filter((field) => owned(field) && before[field] !== legacy.data[field]);
    const events: ConsentEvent[] = legacy.answers.flatMap((answer) => {
      const current = before.consents?.[answer.purpose];
      // An answer the member has given since (in the register) stands.
      if (current && current.source !== 'legacy-register') return [];
      if (current?.granted === answer.granted) return [];
      return [{ ...answer, source: 'legacy-register', actor: ACTOR, previously: current?.granted ?? null }];
    });
    const protect = legacy.protectedAddress && !before.flags.protectedAddress;
    if (changed.length === 0 && events.length === 0 && !protect) return 'unchanged';
    if (context.dryRun) return 'updated';
    const set: Partial<Member> = { sources: { ...before.sources } };
    for (const field of changed) {
      Object.assign(set, { [field]: legacy.data[field] });
      if (legacy.data[field] === undefined) delete set.sources![field];
      else set.sources![field] = { source: 'legacy-register', at: context.exportedAt };
    }
    if (events.length > 0) {
      set.consents = { ...before.consents };
      for (const { previously: _p, ...consent } of events) set.consents[consent.purpose] = consent;
    }
    if (protect) set.flags = { ...before.flags, protectedAddress: true };
    try {
      await saveChange(deps.members, before, set, context.at, {
        audit: auditOf(before.customerNumber, context, line, [
          ...changed,
          ...events.map((e) => e.purpose),
          ...(protect ? ['flags.protectedAddress'] : []),
        ]),
        ...(events.length > 0 ? { consentEvents: events } : {}),
      });
      return 'updated';
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      if (error.kind === 'not-found') return 'erased-since';
      if (error.kind === 'duplicate-value') {
        const field = error.errors?.[0]?.field as 'email' | 'mobile';
        taken.add(field);
        dropped.push({ field, reason: 'belongs to another member of the register' });
        continue;
      }
      if (error.kind !== 'stale-version') throw error;
      const fresh = await deps.members.get(before.customerNumber);
      if (!fresh) return 'erased-since';
      before = fresh;
    }
  }
  return 'changed-meanwhile';
}

async function purchasesWindow(
  window: CsvRecord[],
  state: ImportState,
  context: ImportContext,
  deps: LegacyImportDeps,
): Promise<ReportLine[]> {
  const report: ReportLine[] = [];
  const refuse = (record: CsvRecord, outcome: string, reason: string, legacyNumber?: string) => {
    count(state.purchases, outcome);
    report.push({
      file: EXPORT_FILES.purchases,
      line: record.line,
      // Only an earlier number of the agreed form goes into the report: anything else may be data.
      ...(legacyNumber && LegacyNumber.safeParse(legacyNumber).success ? { legacyNumber } : {}),
      outcome,
      reason,
    });
  };
  const oldest = oldestKeptMonth(clock(deps));
  const numbers = [...new Set(window.map((record) => record.fields[0] ?? ''))].filter(
    (n) => LegacyNumber.safeParse(n).success,
  );
  const movedIn = await deps.imports.movedIn(numbers);
  // A dry run has moved no one in: the members it decided to take stand in for them.
  for (const n of numbers)
    if (context.dryRun && context.wouldImport.has(n) && !movedIn.has(n)) movedIn.set(n, `dry-run-${n}`);
  // The export's months of each member, summed by group, lines of one month together.
  const months = new Map<string, { customerNumber: string; totals: MonthTotals; lines: number }>();
  for (const record of window) {
    if (record.fields.length !== PURCHASE_COLUMNS.length) {
      refuse(record, 'malformed', `expected ${PURCHASE_COLUMNS.length} columns`);
      continue;
    }
    const row = rowOf(PURCHASE_COLUMNS, record.fields);
    const cents = euroCents(row.summa);
    const receipts = Number(row.kuitteja);
    const group = GROUP_CODES[row.paaryhma];
    if (!MONTH.test(row.kuukausi) || cents === undefined || !/^\d{1,6}$/.test(row.kuitteja)) {
      refuse(record, 'malformed', 'the month, sum or receipt count is not readable', row.asiakasnro);
      continue;
    }
    if (group === undefined) {
      const code = /^\d{1,3}$/.test(row.paaryhma) ? ` ${row.paaryhma}` : '';
      refuse(record, 'unknown-group', `no main group${code} in the earlier register's list`, row.asiakasnro);
      continue;
    }
    if (group === null) {
      refuse(record, 'unmapped-group', 'group 99 (other) has no main group in the register', row.asiakasnro);
      continue;
    }
    if (row.kuukausi < oldest) {
      refuse(record, 'too-old', `older than the ${oldest} the register keeps`, row.asiakasnro);
      continue;
    }
    const customerNumber = movedIn.get(row.asiakasnro);
    if (!customerNumber) {
      refuse(record, 'unknown-member', 'no member of that earlier number was moved in', row.asiakasnro);
      continue;
    }
    const key = monthKeyOf(customerNumber, row.kuukausi);
    const month = months.get(key) ?? {
      customerNumber,
      totals: { month: row.kuukausi, groups: {}, receipts },
      lines: 0,
    };
    month.totals.groups[group] = (month.totals.groups[group] ?? 0) + cents;
    month.lines += 1;
    months.set(key, month);
  }
  const stored = await deps.imports.months(
    [...months.values()].map(({ customerNumber, totals }) => ({ customerNumber, month: totals.month })),
  );
  await inParallel(
    [...months.entries()],
    WRITES_IN_FLIGHT,
    async ([key, { customerNumber, totals, lines }]) => {
      const before = stored.get(key);
      const same = before && before.receipts === totals.receipts && sameGroups(before.groups, totals.groups);
      let outcome = same ? 'unchanged' : 'written';
      if (!same && before?.countedByRegister) outcome = 'counted-by-register';
      else if (!same && !context.dryRun) {
        outcome = await deps.imports.putMonth(customerNumber, totals, monthExpiry(totals.month));
      }
      state.purchases[outcome] = (state.purchases[outcome] ?? 0) + lines;
    },
  );
  return report;
}

const sameGroups = (a: MonthTotals['groups'], b: MonthTotals['groups']) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof MonthTotals['groups']>;
  return [...keys].every((group) => (a[group] ?? 0) === (b[group] ?? 0));
};

/** Emails and mobiles given for more than one earlier member: the first by earlier number keeps each. */
interface SharedValues {
  first: Record<'email' | 'mobile', Map<string, string>>;
  /** For a member who keeps a value, the others who gave it too. */
  sharedWith: Map<string, string[]>;
}

/** One pass over members.csv: who, of the members to be moved in, gives each email and mobile first (by earlier number). */
async function sharedValues(exportId: string, files: ExchangeFiles, today: string): Promise<SharedValues> {
  const first = { email: new Map<string, string>(), mobile: new Map<string, string>() };
  const sharedWith = new Map<string, string[]>();
  const byNumber = (a: string, b: string) => Number(a) - Number(b);
  for await (const record of csvRecords(await files.read(legacyExportKey(exportId, EXPORT_FILES.members)))) {
    if (record.line === 1 || record.fields.length !== MEMBER_COLUMNS.length) continue;
    const decision = decideMember(rowOf(MEMBER_COLUMNS, record.fields) as MemberRow, today);
    if (decision.outcome !== 'import') continue;
    for (const field of ['email', 'mobile'] as const) {
      const value = decision.member.data[field];
      if (value === undefined) continue;
      const holder = first[field].get(value);
      if (holder === undefined) {
        first[field].set(value, decision.legacyNumber);
        continue;
      }
      const [keeper, other] = [holder, decision.legacyNumber].sort(byNumber) as [string, string];
      first[field].set(value, keeper);
      sharedWith.set(keeper, [...(sharedWith.get(keeper) ?? []).filter((n) => n !== other), other]);
    }
  }
  return { first, sharedWith };
}

type Checked = { ok: true; manifest: Manifest } | { ok: false; reason: string };

async function readManifest(exportId: string, files: ExchangeFiles): Promise<Manifest> {
  const chunks: Buffer[] = [];
  for await (const chunk of await files.read(legacyExportKey(exportId, LEGACY_MANIFEST)))
    chunks.push(chunk as Buffer);
  return Manifest.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
}

/**
 * The export, checked whole before anything is taken: its manifest, and each file's header, encoding
 * (Windows-1252: a file that reads as UTF-8 with letters beyond ASCII was saved wrong), record count
 * and SHA-256 against the manifest.
 */
async function checkExport(exportId: string, files: ExchangeFiles): Promise<Checked> {
  let manifest: Manifest;
  try {
    manifest = await readManifest(exportId, files);
  } catch (error) {
    // Only what the export itself got wrong rejects it; a passing fault of the store goes up, for a retry.
    if (!(error instanceof SyntaxError || error instanceof z.core.$ZodError)) throw error;
    return { ok: false, reason: 'the manifest is not valid JSON of the agreed form' };
  }
  if (manifest.exportId !== exportId) return { ok: false, reason: 'the manifest names another export' };
  for (const [name, columns] of [
    [EXPORT_FILES.members, MEMBER_COLUMNS],
    [EXPORT_FILES.purchases, PURCHASE_COLUMNS],
  ] as const) {
    const expected = manifest.files.find((file) => file.name === name);
    if (!expected) return { ok: false, reason: `the manifest does not list ${name}` };
    let body: Readable;
    try {
      body = await files.read(legacyExportKey(exportId, name));
    } catch (error) {
      if (!(error instanceof FileMissing)) throw error;
      return { ok: false, reason: `${name} is missing` };
    }
    const hash = createHash('sha256');
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    let validUtf8 = true;
    let beyondAscii = false;
    async function* hashed() {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        hash.update(chunk);
        if (validUtf8) {
          beyondAscii ||= chunk.some((byte) => byte >= 0x80);
          try {
            utf8.decode(chunk, { stream: true });
          } catch {
            validUtf8 = false;
          }
        }
        yield chunk;
      }
    }
    let records = 0;
    let header: string[] | undefined;
    for await (const record of csvRecords(hashed())) {
      if (record.line === 1) header = record.fields;
      else records += 1;
    }
    if (validUtf8 && beyondAscii) return { ok: false, reason: `${name} is UTF-8, not Windows-1252` };
    if (header?.join(';') !== columns.join(';'))
      return { ok: false, reason: `${name}: the header must be ${columns.join(';')}` };
    if (records !== expected.records)
      return { ok: false, reason: `${name} has ${records} records, the manifest says ${expected.records}` };
    if (hash.digest('hex') !== expected.sha256)
      return { ok: false, reason: `${name}: the SHA-256 does not match the manifest (truncated or changed)` };
  }
  return { ok: true, manifest };
}

/**
 * Writes the report (streamed: it lists every member line) from the parts the windows wrote, and a
 * short summary for a person; then marks the export done (a dry run leaves no mark).
 */
async function finish(state: ImportState, deps: LegacyImportDeps, at: string): Promise<void> {
  const dryRun = Boolean(deps.dryRun);
  state.finishedAt = at;
  state.report = legacyReportKey(state.exportId, dryRun);
  const head = {
    exportId: state.exportId,
    dryRun,
    status: state.status,
    ...(state.reason ? { reason: state.reason } : {}),
    members: state.members,
    purchases: state.purchases,
    finishedAt: at,
  };
  // This run's parts only: an earlier run of the same export (a dry run, say) left its own.
  const prefix = legacyReportPartKey(state.exportId, dryRun, `${runOf(state, dryRun)}/`).replace(
    /\.jsonl$/,
    '',
  );
  const parts: string[] = [];
  for await (const key of deps.files.list(prefix)) parts.push(key);
  const files = deps.files;
  async function* json() {
    yield JSON.stringify(head).slice(0, -1) + ',"lines":[';
    let first = true;
    // Members' parts sort before purchases', each in line order: the report reads as the files do.
    for (const key of parts.sort()) {
      const chunks: Buffer[] = [];
      for await (const chunk of await files.read(key)) chunks.push(chunk as Buffer);
      for (const line of JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReportLine[]) {
        yield (first ? '' : ',') + JSON.stringify(line);
        first = false;
      }
    }
    yield ']}\n';
  }
  await deps.files.upload(state.report, Readable.from(json()), 'application/json');
  const summary = [
    `Legacy import ${state.exportId}${dryRun ? ' (dry run: nothing was changed)' : ''}: ${state.status}`,
    ...(state.reason ? [`Why: ${state.reason}`] : []),
    `Members: ${describe(state.members)}`,
    `Purchase lines: ${describe(state.purchases)}`,
    `Every line: ${state.report}`,
  ].join('\n');
  await deps.files.upload(
    legacyReportKey(state.exportId, dryRun, 'summary.txt'),
    Readable.from([summary + '\n']),
    'text/plain; charset=utf-8',
  );
  if (!dryRun) await deps.imports.saveState(state);
}

const describe = (counts: ImportCounts) =>
  Object.entries(counts)
    .map(([outcome, n]) => `${outcome} ${n}`)
    .join(', ') || 'none';
