import { ALL_EXCLUSION_REASONS } from '../campaigns/audience-rules.ts';
import { audienceFigures } from '../campaigns/campaign-view.ts';
import { PURPOSE_CODES } from '../consents/purposes.ts';
import {
  FEWER_THAN_FIVE,
  publishedCount,
  publishedFigure,
  SMALLEST_GROUP,
  type Figure,
} from '../disclosure.ts';
import { CARD_STATUSES, CARD_TYPES, LANGUAGES } from '../members/member.ts';
import { ENTRY_CHANNELS } from '../members/entry-channel.ts';
import { MAIN_GROUPS, type MainGroup } from '../purchases/main-groups.ts';
import { addMonths } from '../time/helsinki.ts';
import { OTHER_ROW, type Report, type ReportName, type ReportTable } from './report-model.ts';
import { AGE_BANDS, type Earned, type PurchaseCell, type Tally } from './tally.ts';
import { rulesFor } from '../benefits/rules-store.ts';

type Text = { fi: string; en: string };
type Column = ReportTable['columns'][number];
const col = (id: string, fi: string, en: string): Column => ({ id, title: { fi, en } });
const table = (id: string, title: Text, columns: Column[], rows: ReportTable['rows']): ReportTable => ({
  id,
  title,
  columns,
  rows,
});

/** Members counted by one thing, each of its values a row (values of no member included: "< 5" tells none from few). */
const membersBy = (
  id: string,
  title: Text,
  column: Column,
  labels: readonly string[],
  counts: Map<string, number>,
) =>
  table(
    id,
    title,
    [column, col('members', 'Jäseniä', 'Members')],
    labels.map((label) => ({
      label,
      cells: [publishedCount(counts.get(label) ?? 0)],
    })),
  );

/** Postal areas with five members or more, each a row; the rest together. */
function areaRows(areas: Map<string, number>) {
  const shown = [...areas.keys()].filter((area) => areas.get(area)! >= SMALLEST_GROUP).sort();
  const rest = [...areas].filter(([area]) => !shown.includes(area)).reduce((sum, [, n]) => sum + n, 0);
  return new Map([...shown.map((area) => [area, areas.get(area)!] as const), [OTHER_ROW, rest]]);
}

/** Every month from the first one this pass tallied to the month the figures describe: a month of no events is a row too. */
function newMonths(tally: Tally, ...maps: Map<string, unknown>[]): string[] {
  const keys = maps.flatMap((map) => [...map.keys()].map((key) => key.split(' ')[0]!));
  let month = tally.since ? addMonths(tally.since, 1) : ([...keys].sort()[0] ?? tally.through);
  const months: string[] = [];
  for (; month <= tally.through; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The rows a table published before, which never change (purchase months older than those kept drop out). */
const published = (previous: Report | undefined, id: string, keepFrom = '') =>
  previous?.tables.find((t) => t.id === id)?.rows.filter((row) => row.label >= keepFrom) ?? [];

/** A month-by-something table: the rows published before, then this pass's months. */
const flowTable = (
  previous: Report | undefined,
  id: string,
  title: Text,
  columns: Column[],
  months: string[],
  cells: (month: string) => Figure[],
  keepFrom = '',
): ReportTable =>
  table(id, title, columns, [
    ...published(previous, id, keepFrom),
    ...months.map((label) => ({ label, cells: cells(label) })),
  ]);

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.floor(s.length / 2)]!) : 0;
};

/**
 * The reports of a month from one pass's tally, by the register's rule for every figure; the rows of
 * months published before are carried as they were.
 */
export function buildReports(
  tally: Tally,
  computedAt: string,
  previous: Partial<Record<ReportName, Report>>,
  oldestPurchaseMonth: string,
): Report[] {
  const report = (name: ReportName, tables: ReportTable[]): Report => ({
    report: name,
    month: tally.through,
    computedAt,
    tables,
  });
  const groups = Object.keys(MAIN_GROUPS.groups) as MainGroup[];
  const total = publishedCount(tally.members);
  const purchase = (month: string, group: MainGroup): PurchaseCell =>
    tally.purchases.get(`${month} ${group}`) ?? { cents: 0, receipts: 0, buyers: 0, largest: 0 };
  const buyersOf = (cell: PurchaseCell) => ({ members: cell.buyers, largest: cell.largest / 100 });
  const monthsOf = newMonths(tally, tally.joined, tally.left, tally.erased);

  return [
    report('members', [
      flowTable(
        previous.members,
        'members-by-month',
        { fi: 'Liittyneet, eronneet ja poistetut kuukausittain', en: 'Joined, left and erased by month' },
        [
          col('month', 'Kuukausi', 'Month'),
          col('joined', 'Liittyneet', 'Joined'),
          col('left', 'Eronneet', 'Left'),
          col('erased', 'Poistetut', 'Erased'),
        ],
        monthsOf,
        (month) => [tally.joined, tally.left, tally.erased].map((map) => publishedCount(map.get(month) ?? 0)),
      ),
      membersBy(
        'members-by-language',
        { fi: 'Jäsenet kielen mukaan', en: 'Members by language' },
        col('language', 'Kieli', 'Language'),
        LANGUAGES,
        tally.language,
      ),
      membersBy(
        'members-by-channel',
        {
          fi: 'Jäsenet liittymiskanavan mukaan (tuntematon: liittyi ennen kuin kanava kirjattiin)',
          en: 'Members by the channel they joined through (unknown: joined before it was recorded)',
        },
        col('channel', 'Kanava', 'Channel'),
        [...ENTRY_CHANNELS, 'unknown'],
        tally.channel,
      ),
      membersBy(
        'members-by-age',
        { fi: 'Jäsenet ikäryhmittäin', en: 'Members by age band' },
        col('age', 'Ikä', 'Age'),
        AGE_BANDS.map(([, , label]) => label),
        tally.age,
      ),
      (() => {
        const areas = areaRows(tally.area);
        return membersBy(
          'members-by-area',
          {
            fi: 'Jäsenet postinumeroalueittain (kaksi ensimmäistä numeroa; alle viiden jäsenen alueet yhdessä)',
            en: 'Members by postal area (first two digits; areas of fewer than five together)',
          },
          col('area', 'Alue', 'Area'),
          [...areas.keys()],
          areas,
        );
      })(),
    ]),
    report('cards', [
      table(
        'cards-by-type',
        { fi: 'Kortit tyypin ja tilan mukaan', en: 'Cards by type and status' },
        [col('type', 'Tyyppi', 'Type'), ...CARD_STATUSES.map((s) => col(s, s, s))],
        CARD_TYPES.map((type) => ({
          label: type,
          cells: CARD_STATUSES.map((status) => publishedCount(tally.cards.get(`${type} ${status}`) ?? 0)),
        })),
      ),
      flowTable(
        previous.cards,
        'card-batches',
        {
          fi: 'Korttierät kuukausittain ja niiden läpimeno',
          en: 'Card batches by month and their turnaround',
        },
        [
          col('month', 'Kuukausi', 'Month'),
          col('batches', 'Eriä', 'Batches'),
          col('cards', 'Kortteja', 'Cards'),
          col('hours', 'Läpimeno, mediaani tuntia', 'Turnaround, median hours'),
        ],
        newMonths(tally, tally.batches),
        (month) => {
          const b = tally.batches.get(month) ?? { batches: 0, records: 0, hours: [] };
          return [
            b.batches,
            publishedCount(b.records),
            publishedFigure({ members: b.records }, median(b.hours), 1),
          ];
        },
      ),
    ]),
    report('consents', [
      table(
        'consents-granted',
        { fi: 'Voimassa olevat suostumukset ja kiellot', en: 'Consents and bans in force' },
        [
          col('purpose', 'Tarkoitus', 'Purpose'),
          col('members', 'Jäseniä', 'Members'),
          col('share', 'Osuus jäsenistä, %', 'Share of members, %'),
        ],
        PURPOSE_CODES.map((purpose) => {
          const members = publishedCount(tally.granted.get(purpose) ?? 0);
          // From the published figures only, so that the share tells nothing they do not.
          const share =
            typeof members === 'number' && typeof total === 'number'
              ? Math.round((100 * members) / total)
              : FEWER_THAN_FIVE;
          return { label: purpose, cells: [members, share] };
        }),
      ),
      flowTable(
        previous.consents,
        'consent-changes',
        {
          fi: 'Vastaustaan muuttaneet jäsenet kuukausittain',
          en: 'Members who changed their answer, by month',
        },
        [col('month', 'Kuukausi', 'Month'), ...PURPOSE_CODES.map((p) => col(p, p, p))],
        newMonths(tally, tally.consentChanges),
        (month) =>
          PURPOSE_CODES.map((p) => publishedCount(tally.consentChanges.get(`${month} ${p}`)?.size ?? 0)),
      ),
    ]),
    report('purchases', [
      flowTable(
        previous.purchases,
        'purchase-sums',
        {
          fi: 'Ostot pääryhmittäin kuukausittain, euroa (poistettujen jäsenten nimettömät summat mukana)',
          en: 'Purchases per main group by month, euros (erased members’ anonymous totals included)',
        },
        [col('month', 'Kuukausi', 'Month'), ...groups.map((g) => col(g, g, g))],
        newMonths(tally, tally.purchases),
        (month) =>
          groups.map((g) => publishedFigure(buyersOf(purchase(month, g)), purchase(month, g).cents / 100, 1)),
        oldestPurchaseMonth,
      ),
      flowTable(
        previous.purchases,
        'purchase-receipts',
        {
          fi: 'Pääryhmästä ostaneiden jäsenten kuitit kuukausittain',
          en: 'Receipts of the members who bought in a main group, by month',
        },
        [col('month', 'Kuukausi', 'Month'), ...groups.map((g) => col(g, g, g))],
        newMonths(tally, tally.purchases),
        (month) =>
          groups.map((g) =>
            publishedFigure({ members: purchase(month, g).buyers }, purchase(month, g).receipts, 5),
          ),
        oldestPurchaseMonth,
      ),
    ]),
    report('benefits', benefitTables(tally, previous.benefits)),
    report('campaigns', [
      table(
        'campaign-reach',
        {
          fi: 'Kampanjoiden tavoittamat ja pois jätetyt syyn mukaan',
          en: 'Campaigns: reached, and left out per reason',
        },
        [
          col('campaign', 'Kampanja', 'Campaign'),
          col('reached', 'Tavoitettu', 'Reached'),
          ...ALL_EXCLUSION_REASONS.map((r) => col(r, r, r)),
        ],
        [...published(previous.campaigns, 'campaign-reach'), ...campaignRows(tally)],
      ),
    ]),
  ];
}

/** Each campaign computed in the months of this pass: its figures as marketing saw them. */
function campaignRows(tally: Tally): ReportTable['rows'] {
  return [...tally.campaigns]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((c) => {
      const figures = audienceFigures(c.summary!, c);
      return {
        label: `${c.createdAt.slice(0, 10)} ${c.name}`,
        cells: [
          figures.reached,
          ...ALL_EXCLUSION_REASONS.map((reason) => figures.excluded[reason] ?? FEWER_THAN_FIVE),
        ],
      };
    });
}

const euros = (earned: Earned | undefined): Figure =>
  earned
    ? publishedFigure({ members: earned.members, largest: earned.largest / 100 }, earned.cents / 100, 1)
    : FEWER_THAN_FIVE;

/**
 * The benefits of each month this pass took: members and euros per tier of that month's rules, the
 * month's whole (erased members' anonymous benefits included), and what was credited in each month.
 */
function benefitTables(tally: Tally, previous: Report | undefined): ReportTable[] {
  const months = newMonths(tally, tally.benefitsByTier, tally.anonymousBenefits, tally.benefitsPaid);
  const figures = [col('members', 'Jäseniä', 'Members'), col('euros', 'Euroa', 'Euros')];
  const byTier = months.flatMap((month) =>
    (rulesFor(month, tally.benefitRules)?.tiers ?? []).map((tier) => {
      const earned = tally.benefitsByTier.get(`${month} ${tier.percent}`);
      return {
        label: `${month} ${tier.percent} %`,
        cells: [publishedCount(earned?.members ?? 0), euros(earned)],
      };
    }),
  );
  const monthWhole = (month: string): Earned =>
    [...tally.benefitsByTier, ...tally.anonymousBenefits]
      .filter(([key]) => key.split(' ')[0] === month)
      .reduce<Earned>(
        (whole, [, e]) => ({
          members: whole.members + e.members,
          cents: whole.cents + e.cents,
          largest: Math.max(whole.largest, e.largest),
        }),
        { members: 0, cents: 0, largest: 0 },
      );
  return [
    table(
      'benefits-by-tier',
      { fi: 'Edut kuukausittain tason mukaan', en: 'Benefits by month and tier' },
      [col('tier', 'Kuukausi ja taso', 'Month and tier'), ...figures],
      [...published(previous, 'benefits-by-tier'), ...byTier],
    ),
    flowTable(
      previous,
      'benefits-by-month',
      {
        fi: 'Ansaitut edut kuukausittain (poistettujen jäsenten nimettömät edut mukana)',
        en: 'Benefits earned by month (erased members’ anonymous benefits included)',
      },
      [col('month', 'Kuukausi', 'Month'), ...figures],
      months,
      (month) => {
        const whole = monthWhole(month);
        return [publishedCount(whole.members), euros(whole)];
      },
    ),
    flowTable(
      previous,
      'benefits-paid',
      { fi: 'Maksetut edut hyvityskuukauden mukaan', en: 'Benefits paid, by the month credited' },
      [col('month', 'Kuukausi', 'Month'), ...figures],
      months,
      (month) => {
        const paid = tally.benefitsPaid.get(month);
        return [publishedCount(paid?.members ?? 0), euros(paid)];
      },
    ),
  ];
}
