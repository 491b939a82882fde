import type { Caller } from '../auth/caller.ts';
import type { Role } from '../auth/roles.ts';
import { PURPOSE_CODES } from '../consents/purposes.ts';
import { isLeaving } from '../members/member.ts';
import { MAIN_GROUPS, type MainGroup } from '../purchases/main-groups.ts';
import { notFound, Refusal } from '../refusal.ts';
import { ageOn, helsinkiDate, helsinkiMonth } from '../time/helsinki.ts';
import type { Campaign } from '../campaigns/campaign-store.ts';
import type { StatisticsStore } from './statistics-store.ts';
import { registerCsv } from '../exchange/csv.ts';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';

/** No figure may describe fewer members than this: a smaller cell is shown as SUPPRESSED, everywhere. */
export const SMALLEST_CELL = 5;
export const SUPPRESSED = '< 5';
export type Cell = number | typeof SUPPRESSED;

type Text = { fi: string; en: string };
export interface ReportTable {
  id: string;
  title: Text;
  /** The first column names the rows (a month, a language, a purpose…); the others are figures. */
  columns: { id: string; title: Text }[];
  rows: { label: string; cells: Cell[] }[];
}
export interface Report {
  report: ReportName;
  computedAt: string;
  tables: ReportTable[];
}

/** Which reports each role opens: marketing the marketing ones, the admin all. */
export const REPORTS = {
  members: { title: { fi: 'Jäsenet', en: 'Members' }, roles: ['admin', 'marketing'] },
  cards: { title: { fi: 'Kortit', en: 'Cards' }, roles: ['admin'] },
  consents: {
    title: { fi: 'Suostumukset ja kiellot', en: 'Consents and bans' },
    roles: ['admin', 'marketing'],
  },
  purchases: { title: { fi: 'Ostot', en: 'Purchases' }, roles: ['admin', 'marketing'] },
  campaigns: { title: { fi: 'Kampanjat', en: 'Campaigns' }, roles: ['admin', 'marketing'] },
} as const satisfies Record<string, { title: Text; roles: readonly Role[] }>;
export type ReportName = keyof typeof REPORTS;
export const REPORT_NAMES = Object.keys(REPORTS) as ReportName[];

/** A count of members as a figure: suppressed when it describes 1 to 4 members. */
export const cell = (members: number, figure = members): Cell =>
  members > 0 && members < SMALLEST_CELL ? SUPPRESSED : figure;

/**
 * Secondary suppression: where a column has exactly one suppressed cell, the smallest other figure in
 * it is suppressed too, so that a total known from elsewhere (the members, another table's sum) minus
 * the figures shown cannot give the hidden one back.
 */
export function protectColumns(table: ReportTable): ReportTable {
  const rows = table.rows.map((row) => ({ ...row, cells: [...row.cells] }));
  for (let column = 0; column < table.columns.length - 1; column++) {
    const cells = rows.map((row) => row.cells[column]);
    if (cells.filter((value) => value === SUPPRESSED).length !== 1) continue;
    const smallest = cells.reduce<number | undefined>(
      (best, value, i) =>
        typeof value === 'number' && value > 0 && (best === undefined || value < (cells[best] as number))
          ? i
          : best,
      undefined,
    );
    if (smallest !== undefined) rows[smallest]!.cells[column] = SUPPRESSED;
  }
  return { ...table, rows };
}

const AGE_BANDS = [
  [0, 24, '–24'],
  [25, 34, '25–34'],
  [35, 44, '35–44'],
  [45, 54, '45–54'],
  [55, 64, '55–64'],
  [65, 200, '65–'],
] as const;
const ageBand = (age: number) => AGE_BANDS.find(([from, to]) => age >= from && age <= to)![2];

const count = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);
const sorted = (map: Map<string, unknown>) => [...map.keys()].sort();
const col = (id: string, fi: string, en: string) => ({ id, title: { fi, en } });
const table = (
  id: string,
  fi: string,
  en: string,
  columns: ReportTable['columns'],
  rows: ReportTable['rows'],
) => ({
  id,
  title: { fi, en },
  columns,
  rows,
});
/** Members counted by one thing (language, age band, postal area): a row of one count per value. */
const membersBy = (column: ReportTable['columns'][number], title: Text, counts: Map<string, number>) =>
  table(
    `members-by-${column.id}`,
    `Jäsenet ${title.fi}`,
    `Members ${title.en}`,
    [column, col('members', 'Jäseniä', 'Members')],
    sorted(counts).map((label) => ({ label, cells: [cell(counts.get(label)!)] })),
  );

/**
 * A table of figures kept under `<row> <column>` keys (a month and a purpose, a card type and a
 * status): a row for each row key found, a cell for each of the given columns.
 */
function crossTable<T>(
  id: string,
  title: Text,
  rowTitle: ReportTable['columns'][number],
  figures: Map<string, T>,
  columns: readonly string[],
  cellOf: (figure: T | undefined) => Cell,
): ReportTable {
  const rows = [...new Set([...figures.keys()].map((key) => key.split(' ')[0]!))].sort();
  return {
    id,
    title,
    columns: [rowTitle, ...columns.map((c) => col(c, c, c))],
    rows: rows.map((label) => ({ label, cells: columns.map((c) => cellOf(figures.get(`${label} ${c}`))) })),
  };
}

interface PurchaseCell {
  cents: number;
  receipts: number;
  members: number;
}

/**
 * The nightly statistics: one pass over the table, then small anonymous reports, each saved as one
 * item that the report routes read. Every figure about members is suppressed below five.
 */
export async function computeStatistics(store: StatisticsStore, now = new Date()) {
  const today = helsinkiDate(now);
  const members = { total: 0, language: new Map<string, number>(), age: new Map<string, number>() };
  const area = new Map<string, number>();
  const joined = new Map<string, number>();
  const left = new Map<string, number>();
  const erased = new Map<string, number>();
  const cards = new Map<string, number>();
  const granted = new Map<string, number>();
  const changes = new Map<string, number>();
  const batches = new Map<string, { batches: number; records: number; hours: number[] }>();
  const purchases = new Map<string, PurchaseCell>();
  const campaigns: ReportTable['rows'] = [];
  const reasons = new Set<string>();
  const campaignRecords: Campaign[] = [];
  let itemsRead = 0;

  const addPurchases = (
    month: string,
    groups: Partial<Record<MainGroup, number>>,
    receipts: number,
    by: number,
  ) => {
    for (const [group, cents] of Object.entries(groups)) {
      const key = `${month} ${group}`;
      const sum = purchases.get(key) ?? { cents: 0, receipts: 0, members: 0 };
      sum.cents += cents ?? 0;
      sum.receipts += receipts;
      sum.members += by;
      purchases.set(key, sum);
    }
  };

  for await (const page of store.everyRecord()) {
    itemsRead += page.length;
    for (const record of page) {
      switch (record.kind) {
        case 'member': {
          const m = record.member;
          count(joined, helsinkiMonth(new Date(m.createdAt)));
          if (m.membershipEndedAt) count(left, helsinkiMonth(new Date(m.membershipEndedAt)));
          if (isLeaving(m)) break;
          members.total += 1;
          count(members.language, m.language);
          count(members.age, ageBand(ageOn(m.birthDate, today)));
          if (m.postalCode) count(area, m.postalCode.slice(0, 2));
          count(cards, `${m.card.type} ${m.card.status}`);
          for (const purpose of PURPOSE_CODES) if (m.consents?.[purpose]?.granted) count(granted, purpose);
          break;
        }
        case 'erased':
          count(erased, helsinkiMonth(new Date(record.erasedAt)));
          break;
        case 'purchases':
          addPurchases(record.month, record.groups, record.receipts, 1);
          break;
        case 'anonymous-purchases':
          addPurchases(record.month, record.groups, record.receipts, record.members);
          break;
        case 'consent-event':
          count(changes, `${helsinkiMonth(new Date(record.at))} ${record.purpose}`);
          break;
        case 'card-batch': {
          const month = helsinkiMonth(new Date(record.createdAt));
          const b = batches.get(month) ?? { batches: 0, records: 0, hours: [] };
          b.batches += 1;
          b.records += record.records;
          if (record.deliveredAt)
            b.hours.push((Date.parse(record.deliveredAt) - Date.parse(record.createdAt)) / 3_600_000);
          batches.set(month, b);
          break;
        }
        case 'campaign':
          campaignRecords.push(record.campaign);
          for (const reason of Object.keys(record.campaign.summary?.excluded ?? {})) reasons.add(reason);
          break;
      }
    }
  }

  const reasonList = [...reasons].sort();
  for (const c of campaignRecords.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    if (!c.summary) continue;
    campaigns.push({
      label: `${c.createdAt.slice(0, 10)} ${c.name}`,
      cells: [cell(c.summary.reached), ...reasonList.map((reason) => cell(c.summary!.excluded[reason] ?? 0))],
    });
  }
  const months = (...maps: Map<string, unknown>[]) => [...new Set(maps.flatMap((m) => [...m.keys()]))].sort();
  const median = (values: number[]) => {
    const s = [...values].sort((a, b) => a - b);
    return s.length ? Math.round(s[Math.floor(s.length / 2)]!) : 0;
  };
  const computedAt = now.toISOString();
  const report = (name: ReportName, tables: ReportTable[]): Report => ({ report: name, computedAt, tables });
  const cardStatuses = [...new Set([...cards.keys()].map((key) => key.split(' ')[1]!))].sort();
  const groups = Object.keys(MAIN_GROUPS.groups) as MainGroup[];
  const countCell = (n: number | undefined) => cell(n ?? 0);
  const purchaseCell = (figure: (p: PurchaseCell) => number) => (p: PurchaseCell | undefined) =>
    p ? cell(p.members, figure(p)) : 0;

  const reports: Report[] = [
    report('members', [
      table(
        'members-by-month',
        'Liittyneet, eronneet ja poistetut kuukausittain',
        'Joined, left and erased by month',
        [
          col('month', 'Kuukausi', 'Month'),
          col('joined', 'Liittyneet', 'Joined'),
          col('left', 'Eronneet', 'Left'),
          col('erased', 'Poistetut', 'Erased'),
        ],
        months(joined, left, erased).map((month) => ({
          label: month,
          cells: [cell(joined.get(month) ?? 0), cell(left.get(month) ?? 0), cell(erased.get(month) ?? 0)],
        })),
      ),
      membersBy(
        col('language', 'Kieli', 'Language'),
        { fi: 'kielen mukaan', en: 'by language' },
        members.language,
      ),
      membersBy(col('age', 'Ikä', 'Age'), { fi: 'ikäryhmittäin', en: 'by age band' }, members.age),
      membersBy(
        col('area', 'Alue', 'Area'),
        { fi: 'postinumeroalueittain (kaksi ensimmäistä numeroa)', en: 'by postal area (first two digits)' },
        area,
      ),
    ]),
    report('cards', [
      crossTable(
        'cards-by-type',
        { fi: 'Kortit tyypin ja tilan mukaan', en: 'Cards by type and status' },
        col('type', 'Tyyppi', 'Type'),
        cards,
        cardStatuses,
        countCell,
      ),
      table(
        'card-batches',
        'Korttierät kuukausittain ja niiden läpimeno',
        'Card batches by month and their turnaround',
        [
          col('month', 'Kuukausi', 'Month'),
          col('batches', 'Eriä', 'Batches'),
          col('cards', 'Kortteja', 'Cards'),
          col('hours', 'Läpimeno, mediaani tuntia', 'Turnaround, median hours'),
        ],
        sorted(batches).map((month) => {
          const b = batches.get(month)!;
          return { label: month, cells: [b.batches, cell(b.records), cell(b.records, median(b.hours))] };
        }),
      ),
    ]),
    report('consents', [
      table(
        'consents-granted',
        'Voimassa olevat suostumukset ja kiellot',
        'Consents and bans in force',
        [
          col('purpose', 'Tarkoitus', 'Purpose'),
          col('members', 'Jäseniä', 'Members'),
          col('share', 'Osuus jäsenistä, %', 'Share of members, %'),
        ],
        PURPOSE_CODES.map((purpose) => {
          const n = granted.get(purpose) ?? 0;
          return {
            label: purpose,
            cells: [cell(n), cell(n, members.total ? Math.round((1000 * n) / members.total) / 10 : 0)],
          };
        }),
      ),
      crossTable(
        'consent-changes',
        { fi: 'Muutokset kuukausittain', en: 'Changes by month' },
        col('month', 'Kuukausi', 'Month'),
        changes,
        PURPOSE_CODES,
        countCell,
      ),
    ]),
    report('purchases', [
      crossTable(
        'purchase-sums',
        {
          fi: 'Ostot pääryhmittäin kuukausittain, euroa (poistettujen jäsenten nimettömät summat mukana)',
          en: 'Purchases per main group by month, euros (erased members’ anonymous totals included)',
        },
        col('month', 'Kuukausi', 'Month'),
        purchases,
        groups,
        purchaseCell((p) => Math.round(p.cents / 100)),
      ),
      crossTable(
        'purchase-receipts',
        { fi: 'Kuitit pääryhmittäin kuukausittain', en: 'Receipts per main group by month' },
        col('month', 'Kuukausi', 'Month'),
        purchases,
        groups,
        purchaseCell((p) => p.receipts),
      ),
    ]),
    report('campaigns', [
      table(
        'campaign-reach',
        'Kampanjoiden tavoittamat ja pois jätetyt syyn mukaan',
        'Campaigns: reached, and left out per reason',
        [
          col('campaign', 'Kampanja', 'Campaign'),
          col('reached', 'Tavoitettu', 'Reached'),
          ...reasonList.map((r) => col(r, r, r)),
        ],
        campaigns,
      ),
    ]),
  ];
  await Promise.all(reports.map((r) => store.save({ ...r, tables: r.tables.map(protectColumns) })));
  return { itemsRead, members: members.total, reports: reports.length };
}

/** A report the caller's role may open, as the nightly job left it. */
export async function readReport(caller: Caller, name: string, store: StatisticsStore): Promise<Report> {
  if (!(name in REPORTS)) throw notFound('report');
  const spec = REPORTS[name as ReportName];
  if (!(spec.roles as readonly string[]).includes(caller.role))
    throw new Refusal('role-not-allowed', 'This report is not for your role');
  const report = await store.get(name as ReportName);
  if (!report) throw notFound('report (the statistics job has not run yet)');
  return report;
}

/** The reports the caller's role may open, with their titles. */
export const reportsFor = (caller: Caller) =>
  REPORT_NAMES.filter((name) => (REPORTS[name].roles as readonly string[]).includes(caller.role)).map(
    (name) => ({
      report: name,
      title: REPORTS[name].title,
    }),
  );

/**
 * One table of a report the caller's role may open, as CSV (the first table unless one is named):
 * the row label, then each figure; suppressed cells stay "< 5".
 */
export async function readReportCsv(
  caller: Caller,
  name: string,
  tableId: string | undefined,
  store: StatisticsStore,
): Promise<string> {
  const report = await readReport(caller, name, store);
  const found = tableId === undefined ? report.tables[0] : report.tables.find((t) => t.id === tableId);
  if (!found) throw notFound('table');
  const columns = found.columns.map((c) => c.id);
  const rows = found.rows.map((row) =>
    Object.fromEntries(columns.map((c, i) => [c, i === 0 ? row.label : row.cells[i - 1]])),
  );
  return text(Readable.from(rows).pipe(registerCsv({ header: true, columns })));
}
