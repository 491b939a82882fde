import { Readable } from 'node:stream';
import { isLeaving, type Member } from '../members/member.ts';
import type { ExchangeFiles } from '../exchange/exchange-files.ts';
import type { MemberStore } from '../members/member-store.ts';
import { helsinkiDate } from '../time/helsinki.ts';
import { toLatin1, writeColumns, type Layout } from './fixed-width.ts';
import { formatHeader, formatTrailer } from './update-file.ts';
import { addressExtractKey } from '../exchange/layout.ts';

/** A member sent to the update service for checking (README, "Address extract"). */
export const EXTRACT_LAYOUT = [
  { name: 'recordType', width: 1 },
  { name: 'customerNumber', width: 10 },
  { name: 'surname', width: 50 },
  { name: 'firstNames', width: 100 },
  { name: 'birthDate', width: 8 },
  { name: 'streetAddress', width: 50 },
  { name: 'postalCode', width: 5 },
  { name: 'postOffice', width: 30 },
] as const satisfies Layout<string>;

/** Why a member is not sent: the dead, those whose address must not leave, and those who asked us to stop. */
export type LeftOut = 'deceased' | 'protected-address' | 'restricted' | 'leaving';

function leftOut(member: Member): LeftOut | undefined {
  if (member.flags.deceased) return 'deceased';
  if (member.flags.protectedAddress) return 'protected-address';
  if (member.flags.restricted) return 'restricted';
  if (isLeaving(member)) return 'leaving';
  return undefined;
}

export function extractLine(member: Member): string {
  const text = (value: string | undefined) => toLatin1(value ?? '');
  return writeColumns(
    {
      recordType: 'D',
      customerNumber: member.customerNumber,
      surname: text(member.surname),
      firstNames: text(member.firstNames),
      birthDate: member.birthDate.replaceAll('-', ''),
      streetAddress: text(member.streetAddress),
      postalCode: member.postalCode ?? '',
      postOffice: text(member.postOffice),
    },
    EXTRACT_LAYOUT,
  );
}

export interface AddressExtractSummary {
  key: string;
  members: number;
  leftOut: Partial<Record<LeftOut, number>>;
}

/**
 * The monthly extract: every member the update service may check, streamed as Latin-1 fixed-width
 * lines with CRLF, between a header and a trailer with the count. A second run the same day
 * writes the same file again.
 */
export async function runAddressExtract(deps: {
  members: MemberStore;
  files: ExchangeFiles;
  now?: () => Date;
}): Promise<AddressExtractSummary> {
  const day = helsinkiDate(deps.now?.() ?? new Date());
  const summary: AddressExtractSummary = { key: addressExtractKey(day), members: 0, leftOut: {} };
  const line = (text: string) => Buffer.from(text + '\r\n', 'latin1');
  async function* lines() {
    yield line(
      formatHeader({
        fileId: `MOYMORE-${day.replaceAll('-', '')}`,
        created: day,
        referenceDate: day,
        sender: 'Moymore Oy',
      }),
    );
    for await (const page of deps.members.everyMember()) {
      const out: Buffer[] = [];
      for (const member of page) {
        const reason = leftOut(member);
        if (reason) summary.leftOut[reason] = (summary.leftOut[reason] ?? 0) + 1;
        else {
          out.push(line(extractLine(member)));
          summary.members += 1;
        }
      }
      if (out.length > 0) yield Buffer.concat(out);
    }
    yield line(formatTrailer(summary.members));
  }
  await deps.files.upload(summary.key, Readable.from(lines()), 'text/plain; charset=iso-8859-1');
  return summary;
}
