import type { Role } from '../auth/roles.ts';
import type { Figure } from '../disclosure.ts';

type Text = { fi: string; en: string };
export interface ReportTable {
  id: string;
  title: Text;
  /** The first column names the rows (a month, a language, a purpose…); the others are figures. */
  columns: { id: string; title: Text }[];
  rows: { label: string; cells: Figure[] }[];
}
export interface Report {
  report: ReportName;
  /** The closed month the figures describe: taken once after it ends, never changed after. */
  month: string;
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
  benefits: { title: { fi: 'Edut', en: 'Benefits' }, roles: ['admin', 'marketing'] },
} as const satisfies Record<string, { title: Text; roles: readonly Role[] }>;
export type ReportName = keyof typeof REPORTS;
export const REPORT_NAMES = Object.keys(REPORTS) as ReportName[];

/** A row whose figures are of no one value of the column's code list: the areas too small to show alone. */
export const OTHER_ROW = 'other';
