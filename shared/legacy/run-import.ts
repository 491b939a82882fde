import { EXCHANGE_PREFIXES, legacyExportKey, legacyExportOf } from '../exchange/layout.ts';
import { withLease } from '../jobs/lease.ts';
import { helsinkiDate } from '../time/helsinki.ts';
import { checkExport, readManifest } from './check-export.ts';
import { csvRecords, EXPORT_FILES, type CsvRecord, type Manifest } from './export-format.ts';
import { clock, type ImportContext, type LegacyImportDeps } from './import-context.ts';
import { membersWindow } from './import-members.ts';
import { purchasesWindow } from './import-purchases.ts';
import { finish, writeReportPart } from './import-report.ts';
import type { ImportCounts, ImportState } from './import-store.ts';
import { sharedValues } from './shared-values.ts';

/** Records taken between checkpoints. */
const WINDOW = 1000;
/** A run stops between windows when less than this is left of its time; the next run resumes. */
const STOP_MARGIN_MS = 60_000;

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

const summaryOf = (state: ImportState): ExportSummary => ({
  exportId: state.exportId,
  status: state.status,
  ...(state.reason ? { reason: state.reason } : {}),
  members: state.members,
  purchases: state.purchases,
  ...(state.report ? { report: state.report } : {}),
});

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
    await writeReportPart(
      lines,
      `${phase}-${String(window[0]!.line).padStart(9, '0')}`,
      state,
      context,
      deps,
    );
    const last = window.at(-1)!;
    state.next = { line: last.nextLine, offset: last.next };
    if (!context.dryRun) await deps.imports.saveState(state);
    // A dry run keeps no checkpoint, so it never stops early: it must fit one invocation.
    if (!context.dryRun && deps.timeLeft && deps.timeLeft() < STOP_MARGIN_MS) return false;
  }
}
