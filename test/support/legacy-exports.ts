import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { legacyExportKey, LEGACY_MANIFEST } from '../../shared/exchange/layout.ts';
import { MEMBER_COLUMNS, PURCHASE_COLUMNS, type MemberRow } from '../../shared/legacy/export-format.ts';
import { bucketName, createS3Client } from '../../shared/store/exchange-bucket.ts';

export const EXAMPLE = join(import.meta.dirname, '../fixtures/legacy-import');

/** Text as the earlier system writes it: Windows-1252 (Latin-1 but for the typographic apostrophe and the euro). */
export const cp1252 = (text: string) =>
  Buffer.from(text.replaceAll('’', '\x92').replaceAll('€', '\x80'), 'latin1');

/** A CSV file of the export: header, `;`, CRLF, quoted where a field needs it. */
export function csvFile(columns: readonly string[], rows: readonly Record<string, string>[]): Buffer {
  const quote = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = [columns.join(';'), ...rows.map((row) => columns.map((c) => quote(row[c] ?? '')).join(';'))];
  return cp1252(lines.join('\r\n') + '\r\n');
}

/** An earlier member with a valid line; the overrides make it anything else. */
export function aLegacyMember(legacyNumber: number, overrides: Partial<MemberRow> = {}): MemberRow {
  return {
    asiakasnro: String(legacyNumber),
    sukunimi: 'Mäkinen',
    etunimet: 'Pirkko Annikki',
    katuosoite: 'Hämeenkatu 1',
    postinro: '33100',
    postitoimipaikka: 'Tampere',
    matkapuhelin: `040 ${String(legacyNumber).padStart(7, '0')}`,
    puhelin: '',
    sahkoposti: `pirkko.${legacyNumber}@example.fi`,
    syntymaaika: '5.6.1965',
    sukupuoli: 'N',
    kieli: 'FI',
    liittynyt: '1.3.2012',
    kortti: 'EI',
    korttinro: '',
    korttitila: '',
    suoramarkkinointikielto: 'E',
    luovutuskielto: 'E',
    kiellot_muutettu: '',
    sahkopostilupa: 'K',
    tekstiviestilupa: '',
    luvat_muutettu: '1.3.2012',
    kuollut: '',
    turvakielto: 'E',
    ...overrides,
  };
}

export const membersFile = (rows: readonly MemberRow[]) => csvFile(MEMBER_COLUMNS, rows);
export const purchasesFile = (rows: readonly Record<string, string>[]) => csvFile(PURCHASE_COLUMNS, rows);

const records = (file: Buffer) => file.toString('latin1').split('\r\n').filter(Boolean).length - 1;
const sha256 = (file: Buffer) => createHash('sha256').update(file).digest('hex');

/** The manifest that matches the files; the overrides make it lie. */
export function manifestOf(exportId: string, members: Buffer, purchases: Buffer, overrides: object = {}) {
  return {
    exportId,
    createdAt: '2026-11-20T18:00:00+02:00',
    files: [
      { name: 'members.csv', records: records(members), sha256: sha256(members) },
      { name: 'purchases.csv', records: records(purchases), sha256: sha256(purchases) },
    ],
    ...overrides,
  };
}

/** Delivers an export as the earlier system does: the files, and the manifest last. */
export async function deliverExport(
  exportId: string,
  files: { members: Buffer; purchases: Buffer; manifest?: object },
): Promise<void> {
  const s3 = createS3Client();
  const put = (name: string, body: Buffer | string) =>
    s3.send(new PutObjectCommand({ Bucket: bucketName(), Key: legacyExportKey(exportId, name), Body: body }));
  await put('members.csv', files.members);
  await put('purchases.csv', files.purchases);
  await put(
    LEGACY_MANIFEST,
    JSON.stringify(files.manifest ?? manifestOf(exportId, files.members, files.purchases)),
  );
}

/** The example export of formats/legacy-import.md, as delivered, under its own id or another. */
export async function deliverExample(exportId?: string): Promise<void> {
  const members = readFileSync(join(EXAMPLE, 'members.csv'));
  const purchases = readFileSync(join(EXAMPLE, 'purchases.csv'));
  const manifest = JSON.parse(readFileSync(join(EXAMPLE, 'manifest.json'), 'utf8'));
  await deliverExport(exportId ?? manifest.exportId, {
    members,
    purchases,
    manifest: exportId ? { ...manifest, exportId } : manifest,
  });
}
