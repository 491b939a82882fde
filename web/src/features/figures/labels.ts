import { nameOf } from '../../lib/format.ts';
import { MAIN_GROUP_NAMES, PURPOSE_NAMES } from '../../lib/generated/code-lists.ts';
import type { Language } from '../../lib/i18n/i18n-provider.tsx';
import type { ReportTable } from './api/use-reports.ts';

type Names = { fi: string; en: string };

/** The row of the values too small to show alone (postal areas of fewer than five members). */
const OTHER_ROW: Names = { fi: 'muut yhteensä', en: 'others together' };

/** A code as words where a code list names it (purposes, main groups); other labels as they are. */
export const labelOf = (code: string, language: Language) =>
  nameOf(
    (PURPOSE_NAMES as Record<string, Names>)[code] ??
      (MAIN_GROUP_NAMES as Record<string, Names>)[code] ??
      (code === 'other' ? OTHER_ROW : undefined),
    language,
  ) ?? code;

/** A column's heading: the code list's name of its code, or the report's own title for it. */
export const columnTitle = (column: ReportTable['columns'][number], language: Language) =>
  labelOf(column.id, language) === column.id ? nameOf(column.title, language) : labelOf(column.id, language);
