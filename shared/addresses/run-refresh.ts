import { Readable } from 'node:stream';
import { inParallel } from '../concurrency.ts';
import { changedFields, systemAuditEntry } from '../members/audit.ts';
import { withLease, type JobLeases } from '../jobs/lease.ts';
import { isCustomerNumber } from '../members/customer-number.ts';
import type { Member } from '../members/member.ts';
import type { AddressFileState, AddressJobStore, NotedLine } from './address-job-store.ts';
import type { ExchangeFiles } from '../exchange/exchange-files.ts';
import type { MemberStore } from '../members/member-store.ts';
import { decide, needsMember, REVIEW_REASONS, type LineContext, type Outcome } from './decide.ts';
import { latin1Lines, type Line } from './latin1-lines.ts';
import { parseDetail, parseHeader, parseTrailer, type AddressUpdate, type Parsed } from './update-file.ts';
import { addressReportKey, EXCHANGE_PREFIXES } from '../exchange/layout.ts';

/** Lines applied between checkpoints: ten BatchGetItems of members, then their writes. */
const WINDOW_LINES = 1000;
const WRITES_IN_FLIGHT = 16;
/** A run stops between windows when less than this is left of its time; the next run resumes. */
const STOP_MARGIN_MS = 60_000;

export interface AddressRefreshDeps {
  members: MemberStore;
  jobs: AddressJobStore;
  leases: JobLeases;
  files: ExchangeFiles;
  now?: () => Date;
  /** Milliseconds this run may still use (a Lambda's remaining time); unlimited if absent. */
  timeLeft?: () => number;
  windowLines?: number;
}

export interface FileSummary {
  key: string;
  status: AddressFileState['status'];
  counts: AddressFileState['counts'];
  reason?: string;
}

export interface AddressRefreshRun {
  /** False when the run stopped for time: the next run resumes where it stopped. */
  done: boolean;
  files: FileSummary[];
  /** Files under inbound/ that are not applied: rejected, or (when not done) still in progress. */
  unapplied: number;
  /** Lines this run sent to review. */
  inReview: number;
  /** Set when another run was applying files: this one did nothing. */
  skipped?: 'another-run-is-active';
}

/**
 * The nightly address refresh: every file under address-updates/inbound/ not yet applied is checked
 * whole (header, trailer, count), then applied a window of lines at a time with a checkpoint after
 * each, then answered with a report. Applied and rejected files are skipped on later runs.
 */
export async function runAddressRefresh(deps: AddressRefreshDeps): Promise<AddressRefreshRun> {
  const run: AddressRefreshRun = { done: true, files: [], unapplied: 0, inReview: 0 };
  // One run at a time: a schedule that fires while yesterday's loop still runs, or a run by hand,
  // would otherwise apply the same window twice and overwrite each other's checkpoints.
  const now = deps.now?.() ?? new Date();
  const leased = await withLease(deps.leases, 'address-refresh', now, () => applyInboundFiles(run, deps));
  return leased === 'another-run-is-active' ? { ...run, skipped: leased } : run;
}

async function applyInboundFiles(run: AddressRefreshRun, deps: AddressRefreshDeps): Promise<void> {
  for await (const key of deps.files.list(EXCHANGE_PREFIXES.addressUpdates)) {
    let state = await deps.jobs.fileState(key);
    if (state?.status === 'applied') continue;
    if (state?.status === 'rejected') {
      run.unapplied += 1;
      continue;
    }
    if (!run.done) {
      run.unapplied += 1;
      continue;
    }
    state ??= await startFile(key, deps);
    if (state.status === 'applying') {
      const before = { ...state.counts };
      run.done = await applyFile(state, deps);
      run.inReview += reviewCount(state.counts) - reviewCount(before);
    }
    if (state.status !== 'applied') run.unapplied += 1;
    run.files.push({
      key,
      status: state.status,
      counts: state.counts,
      ...(state.reason ? { reason: state.reason } : {}),
    });
  }
}

const reviewCount = (counts: AddressFileState['counts']) =>
  Object.entries(counts).reduce((sum, [outcome, n]) => sum + (outcome in REVIEW_REASONS ? n : 0), 0);

/** Checks the whole file's structure before any line is applied: a truncated upload changes nothing. */
async function startFile(key: string, deps: AddressRefreshDeps): Promise<AddressFileState> {
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  const state: AddressFileState = { key, status: 'applying', startedAt: now(), counts: {} };
  const structure = await readStructure(key, deps.files);
  if (structure.ok) {
    const { header, details, firstDetail } = structure.value;
    const holder = await deps.jobs.claimFileId(header.fileId, key);
    if (holder === key) {
      Object.assign(state, {
        fileId: header.fileId,
        referenceDate: header.referenceDate,
        details,
        next: firstDetail,
      });
      await deps.jobs.saveFileState(state);
      return state;
    }
    state.reason = `file id ${header.fileId} was delivered before as ${holder.split('/').pop()}`;
  } else {
    state.reason = structure.reason;
  }
  state.status = 'rejected';
  await finish(state, deps, now());
  return state;
}

async function readStructure(
  key: string,
  files: ExchangeFiles,
): Promise<
  Parsed<{
    header: { fileId: string; referenceDate: string };
    details: number;
    firstDetail: { number: number; offset: number };
  }>
> {
  let header: ReturnType<typeof parseHeader> | undefined;
  let firstDetail = { number: 2, offset: 0 };
  let last: Line | undefined;
  for await (const lines of latin1Lines(await files.read(key))) {
    for (const line of lines) {
      if (line.number === 1) {
        header = parseHeader(line.text);
        if (!header.ok) return header;
        firstDetail = { number: 2, offset: line.nextOffset };
      }
      if (line.text !== '') last = line;
    }
  }
  if (!header) return { ok: false, reason: 'the file is empty' };
  if (!header.ok) return header;
  if (!last || last.number === 1) return { ok: false, reason: 'the trailer record is missing' };
  const trailer = parseTrailer(last.text);
  if (!trailer.ok) return trailer;
  const details = last.number - 2;
  if (trailer.value.count !== details) {
    return {
      ok: false,
      reason: `the trailer counts ${trailer.value.count} detail lines but the file has ${details}: not applied`,
    };
  }
  return { ok: true, value: { header: header.value, details, firstDetail } };
}

/** Applies the file from its checkpoint; false if the run stopped for time before the end. */
async function applyFile(state: AddressFileState, deps: AddressRefreshDeps): Promise<boolean> {
  const windowLines = deps.windowLines ?? WINDOW_LINES;
  const lastDetail = 1 + state.details!;
  const bytes = await deps.files.read(state.key, state.next!.offset);
  let window: Line[] = [];
  try {
    for await (const lines of latin1Lines(bytes, state.next)) {
      for (const line of lines) {
        if (line.number > lastDetail) break;
        window.push(line);
        if (window.length < windowLines) continue;
        await applyWindow(window, state, deps);
        window = [];
        if ((deps.timeLeft?.() ?? Infinity) < STOP_MARGIN_MS && state.next!.number <= lastDetail)
          return false;
      }
    }
    if (window.length > 0) await applyWindow(window, state, deps);
  } finally {
    bytes.destroy();
  }
  state.status = 'applied';
  await finish(state, deps, (deps.now?.() ?? new Date()).toISOString());
  return true;
}

/** One window: its members read in batches, its changes written in parallel, then the checkpoint. */
async function applyWindow(window: Line[], state: AddressFileState, deps: AddressRefreshDeps): Promise<void> {
  const parsed = window.map((line) => ({ line, update: parseDetail(line.text) }));
  const wanted = parsed.flatMap(({ update }) =>
    update.ok && needsMember(update.value) ? [update.value.customerNumber] : [],
  );
  const members = wanted.length > 0 ? await deps.members.getMany(wanted) : new Map<string, Member>();
  const now = (deps.now?.() ?? new Date()).toISOString();
  const noted: NotedLine[] = [];
  const outcomes = await inParallel(parsed, WRITES_IN_FLIGHT, async ({ line, update }): Promise<Outcome> => {
    if (!update.ok) {
      const customerNumber = line.text.slice(1, 11);
      noted.push({
        line: line.number,
        ...(isCustomerNumber(customerNumber) ? { customerNumber } : {}),
        outcome: 'rejected',
        reason: update.reason,
      });
      return 'rejected';
    }
    const context = { fileId: state.fileId!, line: line.number, referenceDate: state.referenceDate!, now };
    const outcome = await applyLine(update.value, members.get(update.value.customerNumber), context, deps);
    const reason = REVIEW_REASONS[outcome];
    const { streetAddress, postalCode, postOffice } = update.value;
    if (reason)
      noted.push({
        line: line.number,
        customerNumber: update.value.customerNumber,
        outcome,
        reason,
        ...(streetAddress && postalCode && postOffice
          ? { proposed: { streetAddress, postalCode, postOffice } }
          : {}),
      });
    return outcome;
  });
  if (noted.length > 0) await deps.jobs.noteLines(state.key, noted, now);
  for (const outcome of outcomes) state.counts[outcome] = (state.counts[outcome] ?? 0) + 1;
  const last = window[window.length - 1]!;
  state.next = { number: last.number + 1, offset: last.nextOffset };
  await deps.jobs.saveFileState(state);
}

/**
 * One line's write, conditional on the member's version as read. If the member changed meanwhile
 * (their own edit, or another line), the line is decided again on a fresh read, once.
 */
async function applyLine(
  update: AddressUpdate,
  member: Member | undefined,
  context: LineContext,
  deps: AddressRefreshDeps,
): Promise<Outcome> {
  let before = member;
  for (let attempt = 0; attempt < 2; attempt++) {
    const decision = decide(before, update, context);
    if (!decision.after) return decision.outcome;
    const saved = await deps.members.save({
      before: before!,
      after: decision.after,
      audit: systemAuditEntry({
        customerNumber: update.customerNumber,
        at: context.now,
        actor: 'population-register',
        action: 'address-refresh',
        via: `address-refresh ${context.fileId} line ${context.line}`,
        purpose: 'address-accuracy',
        fields: changedFields(before!, decision.after),
      }),
      ...(decision.cancelCardOrder ? { cancelCardOrder: decision.cancelCardOrder } : {}),
    });
    if (saved.outcome === 'saved') return decision.outcome;
    // Being erased: the line has no one to change any more.
    if (saved.outcome === 'gone') return 'not-in-register';
    if (saved.outcome !== 'stale') throw new Error(`an address refresh save came back ${saved.outcome}`);
    before = await deps.members.get(update.customerNumber);
  }
  return 'changed-meanwhile';
}

/** Writes the file's report, streamed (its review list may be long), then marks the file done. */
async function finish(state: AddressFileState, deps: AddressRefreshDeps, at: string): Promise<void> {
  state.finishedAt = at;
  state.report = addressReportKey(state.key);
  const head = {
    file: state.key.split('/').pop(),
    fileId: state.fileId,
    referenceDate: state.referenceDate,
    status: state.status,
    ...(state.reason ? { reason: state.reason } : {}),
    detailLines: state.details,
    counts: state.counts,
    finishedAt: at,
  };
  async function* json() {
    yield JSON.stringify(head).slice(0, -1);
    for (const kind of ['review', 'rejected'] as const) {
      yield `,"${kind}":[`;
      let first = true;
      for await (const { line, customerNumber, reason } of deps.jobs.notedLines(state.key, kind)) {
        yield (first ? '' : ',') + JSON.stringify({ line, customerNumber, reason });
        first = false;
      }
      yield ']';
    }
    yield '}\n';
  }
  await deps.files.upload(state.report, Readable.from(json()), 'application/json');
  await deps.jobs.saveFileState(state);
}
