import { Readable } from 'node:stream';
import { legacyReportKey, legacyReportPartKey } from '../exchange/layout.ts';
import { LegacyNumber } from '../members/schemas.ts';
import type { ImportContext, LegacyImportDeps } from './import-context.ts';
import type { ImportCounts, ImportState } from './import-store.ts';
import type { Dropped } from './legacy-member.ts';

/** One line of the report: the earlier number and what was done with it, never other personal data. */
export interface ReportLine {
  file: 'members.csv' | 'purchases.csv';
  line: number;
  legacyNumber?: string;
  outcome: string;
  reason?: string;
  fields?: Dropped[];
  month?: string;
}

/** An earlier number as the report may show it: only one of the agreed form, as anything else may be data. */
export const reportedNumber = (legacyNumber: string | undefined) =>
  legacyNumber !== undefined && LegacyNumber.safeParse(legacyNumber).success ? { legacyNumber } : {};

/** The run a report part belongs to: the import's start, kept across its invocations (a dry run has one). */
const runOf = (state: ImportState, dryRun: boolean) => (dryRun ? `dry-${state.startedAt}` : state.startedAt);

/**
 * The report's lines of one window, kept as a part until the export is finished. Parts with nothing
 * to say are not written: a report of millions of good purchase lines stays short.
 */
export async function writeReportPart(
  lines: readonly ReportLine[],
  part: string,
  state: ImportState,
  context: ImportContext,
  deps: LegacyImportDeps,
): Promise<void> {
  if (lines.length === 0) return;
  await deps.files.putJson(
    legacyReportPartKey(context.exportId, context.dryRun, `${runOf(state, context.dryRun)}/${part}`),
    lines,
  );
}

/**
 * Writes the report (streamed: it lists every member line) from the parts the windows wrote, and a
 * short summary for a person; then marks the export done (a dry run leaves no mark).
 */
export async function finish(state: ImportState, deps: LegacyImportDeps, at: string): Promise<void> {
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
