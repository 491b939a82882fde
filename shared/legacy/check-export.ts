import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import * as z from 'zod/mini';
import { FileMissing, type ExchangeFiles } from '../exchange/exchange-files.ts';
import { LEGACY_MANIFEST, legacyExportKey } from '../exchange/layout.ts';
import { csvRecords, EXPORT_FILES, Manifest, MEMBER_COLUMNS, PURCHASE_COLUMNS } from './export-format.ts';

type Checked = { ok: true; manifest: Manifest } | { ok: false; reason: string };

export async function readManifest(exportId: string, files: ExchangeFiles): Promise<Manifest> {
  const chunks: Buffer[] = [];
  for await (const chunk of await files.read(legacyExportKey(exportId, LEGACY_MANIFEST)))
    chunks.push(chunk as Buffer);
  return Manifest.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
}

/**
 * The export, checked whole before anything is taken: its manifest, and each file's header, encoding
 * (Windows-1252: a file that reads as UTF-8 with letters beyond ASCII was saved wrong), record count
 * and SHA-256 against the manifest.
 */
export async function checkExport(exportId: string, files: ExchangeFiles): Promise<Checked> {
  let manifest: Manifest;
  try {
    manifest = await readManifest(exportId, files);
  } catch (error) {
    // Only what the export itself got wrong rejects it; a passing fault of the store goes up, for a retry.
    if (!(error instanceof SyntaxError || error instanceof z.core.$ZodError)) throw error;
    return { ok: false, reason: 'the manifest is not valid JSON of the agreed form' };
  }
  if (manifest.exportId !== exportId) return { ok: false, reason: 'the manifest names another export' };
  for (const [name, columns] of [
    [EXPORT_FILES.members, MEMBER_COLUMNS],
    [EXPORT_FILES.purchases, PURCHASE_COLUMNS],
  ] as const) {
    const expected = manifest.files.find((file) => file.name === name);
    if (!expected) return { ok: false, reason: `the manifest does not list ${name}` };
    let body: Readable;
    try {
      body = await files.read(legacyExportKey(exportId, name));
    } catch (error) {
      if (!(error instanceof FileMissing)) throw error;
      return { ok: false, reason: `${name} is missing` };
    }
    const hash = createHash('sha256');
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    let validUtf8 = true;
    let beyondAscii = false;
    async function* hashed() {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        hash.update(chunk);
        if (validUtf8) {
          beyondAscii ||= chunk.some((byte) => byte >= 0x80);
          try {
            utf8.decode(chunk, { stream: true });
          } catch {
            validUtf8 = false;
          }
        }
        yield chunk;
      }
    }
    let records = 0;
    let header: string[] | undefined;
    for await (const record of csvRecords(hashed())) {
      if (record.line === 1) header = record.fields;
      else records += 1;
    }
    if (validUtf8 && beyondAscii) return { ok: false, reason: `${name} is UTF-8, not Windows-1252` };
    if (header?.join(';') !== columns.join(';'))
      return { ok: false, reason: `${name}: the header must be ${columns.join(';')}` };
    if (records !== expected.records)
      return { ok: false, reason: `${name} has ${records} records, the manifest says ${expected.records}` };
    if (hash.digest('hex') !== expected.sha256)
      return { ok: false, reason: `${name}: the SHA-256 does not match the manifest (truncated or changed)` };
  }
  return { ok: true, manifest };
}
