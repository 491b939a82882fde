import { PutObjectCommand } from '@aws-sdk/client-s3';
import {
  formatDetail,
  formatHeader,
  formatTrailer,
  type AddressUpdate,
} from '../../shared/addresses/update-file.ts';
import { bucketName, createS3Client } from '../../shared/store/exchange-bucket.ts';

/** A matched, normal detail record with a Finnish address; the overrides make it anything else. */
export function anUpdate(customerNumber: string, overrides: Partial<AddressUpdate> = {}): AddressUpdate {
  return {
    customerNumber,
    match: 'matched',
    status: 'normal',
    surname: 'Äijälä-Öhman',
    firstNames: 'Åsa Märta',
    streetAddress: 'Hämeenkatu 12 B 7',
    postalCode: '33100',
    postOffice: 'TAMPERE',
    country: '',
    foreignAddress: '',
    moveDate: '2026-11-01',
    language: 'sv',
    ...overrides,
  };
}

/** An update file as the service sends it: Latin-1, CRLF, header and trailer; a string is a raw detail line. */
export function updateFile(
  details: readonly (AddressUpdate | string)[],
  options: { fileId?: string; count?: number; referenceDate?: string } = {},
): Buffer {
  const lines = [
    formatHeader({
      fileId: options.fileId ?? `T-${Date.now()}-${Math.random()}`.slice(0, 20),
      created: '2026-11-24',
      referenceDate: options.referenceDate ?? '2026-11-20',
      sender: 'Testipalvelu Oy',
    }),
    ...details.map((d) => (typeof d === 'string' ? d : formatDetail(d))),
    formatTrailer(options.count ?? details.length),
  ];
  return Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
}

export async function putInbound(name: string, body: Buffer): Promise<string> {
  const key = `address-updates/inbound/${name}`;
  await createS3Client().send(new PutObjectCommand({ Bucket: bucketName(), Key: key, Body: body }));
  return key;
}
