import { isCustomerNumber } from '../members/customer-number.ts';
import { isAddressText, isName } from '../members/schemas.ts';
import { isCalendarDate } from '../time/helsinki.ts';
import { isPlainLine, readColumns, widthOf, writeColumns, type Layout } from './fixed-width.ts';

/** The address update file of formats/address-update.md: header, detail lines, trailer. */
export const HEADER_LAYOUT = [
  { name: 'recordType', width: 1 },
  { name: 'version', width: 2 },
  { name: 'fileId', width: 20 },
  { name: 'created', width: 8 },
  { name: 'referenceDate', width: 8 },
  { name: 'sender', width: 50 },
] as const satisfies Layout<string>;

export const DETAIL_LAYOUT = [
  { name: 'recordType', width: 1 },
  { name: 'customerNumber', width: 10 },
  { name: 'match', width: 1 },
  { name: 'status', width: 1 },
  { name: 'surname', width: 50 },
  { name: 'firstNames', width: 100 },
  { name: 'streetAddress', width: 50 },
  { name: 'postalCode', width: 5 },
  { name: 'postOffice', width: 30 },
  { name: 'country', width: 2 },
  { name: 'foreignAddress', width: 100 },
  { name: 'moveDate', width: 8 },
  { name: 'dateOfDeath', width: 8 },
  { name: 'language', width: 2 },
] as const satisfies Layout<string>;

export const TRAILER_LAYOUT = [
  { name: 'recordType', width: 1 },
  { name: 'count', width: 9, zeroPadded: true },
] as const satisfies Layout<string>;

export const HEADER_WIDTH = widthOf(HEADER_LAYOUT);
export const DETAIL_WIDTH = widthOf(DETAIL_LAYOUT);
export const TRAILER_WIDTH = widthOf(TRAILER_LAYOUT);

export const MATCHES = { M: 'matched', N: 'no-match', A: 'ambiguous', U: 'not-released' } as const;
export const STATUSES = { ' ': 'normal', K: 'deceased', T: 'protected', P: 'update-ban' } as const;
export type Match = (typeof MATCHES)[keyof typeof MATCHES];
export type Status = (typeof STATUSES)[keyof typeof STATUSES];

export interface UpdateHeader {
  fileId: string;
  created: string;
  referenceDate: string;
  sender: string;
}

/** One detail record, dates as YYYY-MM-DD; empty text where the service gave none. */
export interface AddressUpdate {
  customerNumber: string;
  match: Match;
  status: Status;
  surname: string;
  firstNames: string;
  streetAddress: string;
  postalCode: string;
  postOffice: string;
  /** ISO 3166-1 alpha-2 as given; empty means Finland. */
  country: string;
  foreignAddress: string;
  moveDate?: string;
  dateOfDeath?: string;
  language: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** YYYYMMDD to YYYY-MM-DD, if it is a real date. */
function isoDate(compact: string): string | undefined {
  if (compact.length !== 8) return undefined;
  const iso = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6)}`;
  return isCalendarDate(iso) ? iso : undefined;
}
const compactDate = (iso: string | undefined) => (iso ?? '').replaceAll('-', '');

export const isFinnish = (update: Pick<AddressUpdate, 'country'>) =>
  update.country === '' || update.country === 'FI';

export function parseHeader(line: string): Parsed<UpdateHeader> {
  if (line.length !== HEADER_WIDTH || line[0] !== 'H' || !isPlainLine(line)) {
    return fail(`the first line must be a header record H of ${HEADER_WIDTH} characters`);
  }
  const columns = readColumns(line, HEADER_LAYOUT);
  if (columns.version !== '01') return fail(`format version ${columns.version} is not 01`);
  const created = isoDate(columns.created);
  const referenceDate = isoDate(columns.referenceDate);
  if (!columns.fileId.trim()) return fail('the header has no file id');
  if (!created || !referenceDate) return fail('the header dates must be YYYYMMDD');
  return {
    ok: true,
    value: { fileId: columns.fileId.trim(), created, referenceDate, sender: columns.sender },
  };
}

export function parseTrailer(line: string): Parsed<{ count: number }> {
  const columns = readColumns(line, TRAILER_LAYOUT);
  if (line.length !== TRAILER_WIDTH || columns.recordType !== 'T' || !/^\d{9}$/.test(columns.count)) {
    return fail(`the last line must be a trailer record T with a 9-digit count`);
  }
  return { ok: true, value: { count: Number(columns.count) } };
}

/** A detail line: every field checked, the first fault given as the reason. */
export function parseDetail(line: string): Parsed<AddressUpdate> {
  if (line.length !== DETAIL_WIDTH) return fail(`expected ${DETAIL_WIDTH} characters, found ${line.length}`);
  if (!isPlainLine(line)) return fail('the line holds control characters or no-break spaces');
  const c = readColumns(line, DETAIL_LAYOUT);
  if (c.recordType !== 'D') return fail('expected a detail record D');
  if (!isCustomerNumber(c.customerNumber)) return fail('customer number is not valid');
  const match = MATCHES[c.match as keyof typeof MATCHES];
  if (!match) return fail(`unknown match code "${c.match}"`);
  const status = STATUSES[(line[12] ?? '') as keyof typeof STATUSES];
  if (!status) return fail(`unknown status code "${c.status}"`);
  const moveDate = c.moveDate ? isoDate(c.moveDate) : '';
  const dateOfDeath = c.dateOfDeath ? isoDate(c.dateOfDeath) : '';
  if (moveDate === undefined) return fail('move date must be YYYYMMDD');
  if (dateOfDeath === undefined) return fail('date of death must be YYYYMMDD');
  if (status === 'deceased' && !c.dateOfDeath) return fail('status K needs a date of death');
  if (c.postalCode && !/^\d{5}$/.test(c.postalCode)) return fail('postal code must be 5 digits');
  if (c.country && !/^[A-Z]{2}$/.test(c.country)) return fail('country must be two capital letters');
  if (c.language && !/^[a-z]{2}$/.test(c.language)) return fail('language must be two small letters');
  for (const field of ['surname', 'firstNames', 'streetAddress', 'postOffice', 'foreignAddress'] as const) {
    if (c[field].startsWith(' ')) return fail(`${field} begins with a space`);
  }
  const update: AddressUpdate = {
    customerNumber: c.customerNumber,
    match,
    status,
    surname: c.surname,
    firstNames: c.firstNames,
    streetAddress: c.streetAddress,
    postalCode: c.postalCode,
    postOffice: c.postOffice,
    country: c.country,
    foreignAddress: c.foreignAddress,
    ...(moveDate ? { moveDate } : {}),
    ...(dateOfDeath ? { dateOfDeath } : {}),
    language: c.language,
  };
  const unusable = match === 'matched' && status !== 'update-ban' ? whatIsMissing(update) : undefined;
  return unusable ? fail(unusable) : { ok: true, value: update };
}

/**
 * A matched record must carry what the register would store: the same patterns as a member's own
 * input (the column widths are the API's maximum lengths), so a refreshed member passes the API's validation.
 */
function whatIsMissing(update: AddressUpdate): string | undefined {
  if (!isName(update.surname)) return 'surname is missing or not a name';
  if (!isName(update.firstNames)) return 'first names are missing or not names';
  if (update.status !== 'normal') return undefined;
  if (!isFinnish(update)) return update.foreignAddress ? undefined : 'a foreign address is missing';
  if (!isAddressText(update.streetAddress)) return 'street address is missing or invalid';
  if (!update.postalCode) return 'postal code is missing';
  if (!isName(update.postOffice)) return 'post office is missing or invalid';
  return undefined;
}

const codeOf = <T extends Record<string, string>>(codes: T, value: string) =>
  Object.keys(codes).find((code) => codes[code] === value)!;

/** A detail record back as its line: what the parser read, written by the same layout. */
export function formatDetail(update: AddressUpdate): string {
  return writeColumns(
    {
      ...update,
      recordType: 'D',
      match: codeOf(MATCHES, update.match),
      status: codeOf(STATUSES, update.status),
      moveDate: compactDate(update.moveDate),
      dateOfDeath: compactDate(update.dateOfDeath),
    },
    DETAIL_LAYOUT,
  );
}

export const formatHeader = (header: UpdateHeader) =>
  writeColumns(
    {
      recordType: 'H',
      version: '01',
      fileId: header.fileId,
      created: compactDate(header.created),
      referenceDate: compactDate(header.referenceDate),
      sender: header.sender,
    },
    HEADER_LAYOUT,
  );

export const formatTrailer = (count: number) =>
  writeColumns({ recordType: 'T', count: String(count) }, TRAILER_LAYOUT);
