/**
 * The one module that knows the exchange bucket's layout: each party's prefix and how file keys are
 * made. Jobs, IAM grants, notifications, lifecycle rules and the data catalogue all read it.
 */
export const EXCHANGE_PREFIXES = {
  /** Card batches and their manifests, for the card manufacturer. */
  cardBatches: 'card-orders/outbound/',
  /** The card manufacturer's acknowledgements. */
  cardAcks: 'card-orders/inbound/',
  cardAckReports: 'card-orders/reports/',
  /** Address update files from the population register service. */
  addressUpdates: 'address-updates/inbound/',
  /** The extract sent to the population register service. */
  addressExtracts: 'address-updates/outbound/',
  addressReports: 'address-updates/reports/',
  /** Postal campaign address lists, for the mailing house. */
  marketingExports: 'marketing/exports/',
  /** The earlier register's exports, one folder each, for the move-in. */
  legacyExports: 'legacy-import/inbound/',
  legacyReports: 'legacy-import/reports/',
  /** Monthly benefit payouts and their manifests, for the payment partner. */
  benefitPayouts: 'benefit-payouts/outbound/',
  /** The payment partner's acknowledgements. */
  benefitPayoutAcks: 'benefit-payouts/inbound/',
  benefitPayoutReports: 'benefit-payouts/reports/',
} as const;

export type ExchangePrefix = (typeof EXCHANGE_PREFIXES)[keyof typeof EXCHANGE_PREFIXES];

const P = EXCHANGE_PREFIXES;
const fileName = (key: string) => key.split('/').pop()!;

/** A batch's file and manifest, under the day (YYYYMMDD) the batch was opened. */
export const cardBatchKey = (day: string, batchId: string) => `${P.cardBatches}${day}/${batchId}.csv`;
export const cardBatchManifestKey = (day: string, batchId: string) =>
  `${P.cardBatches}${day}/${batchId}.manifest.json`;
export const cardAckReportKey = (ackKey: string) => `${P.cardAckReports}${fileName(ackKey)}.report.json`;
export const addressReportKey = (updateKey: string) =>
  `${P.addressReports}${fileName(updateKey)}.report.json`;
/** The monthly extract of one day (YYYY-MM-DD). */
export const addressExtractKey = (day: string) => `${P.addressExtracts}${day.replaceAll('-', '')}.dat`;
export const marketingExportKey = (campaignId: string) => `${P.marketingExports}${campaignId}.csv`;

/** An export's files: `legacy-import/inbound/<exportId>/<name>`; its manifest arrives last. */
export const legacyExportKey = (exportId: string, name: string) => `${P.legacyExports}${exportId}/${name}`;
export const LEGACY_MANIFEST = 'manifest.json';
/** The export of a manifest key, if it is one. */
export const legacyExportOf = (key: string) =>
  key.startsWith(P.legacyExports) && key.endsWith(`/${LEGACY_MANIFEST}`)
    ? key.slice(P.legacyExports.length, -LEGACY_MANIFEST.length - 1)
    : undefined;
/** An import's report (a dry run's beside it), its short summary, and the parts a run writes as it goes. */
export const legacyReportKey = (exportId: string, dryRun: boolean, ending = 'report.json') =>
  `${P.legacyReports}${exportId}${dryRun ? '.dry-run' : ''}.${ending}`;
export const legacyReportPartKey = (exportId: string, dryRun: boolean, part: string) =>
  `${P.legacyReports}${exportId}${dryRun ? '.dry-run' : ''}/${part}.jsonl`;

/** A payout's file and manifest, under the purchase month (YYYY-MM) the benefit was earned in. */
export const benefitPayoutKey = (month: string, payoutId: string) =>
  `${P.benefitPayouts}${month}/${payoutId}.csv`;
export const benefitPayoutManifestKey = (month: string, payoutId: string) =>
  `${P.benefitPayouts}${month}/${payoutId}.manifest.json`;
export const benefitPayoutAckReportKey = (ackKey: string) =>
  `${P.benefitPayoutReports}${fileName(ackKey)}.report.json`;
