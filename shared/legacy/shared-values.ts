import type { ExchangeFiles } from '../exchange/exchange-files.ts';
import { legacyExportKey } from '../exchange/layout.ts';
import { csvRecords, EXPORT_FILES, MEMBER_COLUMNS, rowOf, type MemberRow } from './export-format.ts';
import { decideMember } from './legacy-member.ts';

/** Emails and mobiles given for more than one earlier member: the first by earlier number keeps each. */
export interface SharedValues {
  first: Record<'email' | 'mobile', Map<string, string>>;
  /** For a member who keeps a value, the others who gave it too. */
  sharedWith: Map<string, string[]>;
}

/** One pass over members.csv: who, of the members to be moved in, gives each email and mobile first (by earlier number). */
export async function sharedValues(
  exportId: string,
  files: ExchangeFiles,
  today: string,
): Promise<SharedValues> {
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
