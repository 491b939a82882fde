import { config } from '../config.ts';
import { EXCHANGE_PREFIXES, type ExchangePrefix } from '../exchange/layout.ts';

const exchangeFile = (prefix: ExchangePrefix, personal: boolean | 'voucher') => ({
  prefix,
  expiresAfterDays:
    personal === 'voucher'
      ? // Bookkeeping vouchers: the years from the end of the year paid, that year and the next included.
        (config.retention.bookkeepingYears + 2) * 366
      : personal
        ? config.retention.exchangeFileDays
        : config.retention.reportMonths * 31,
});
const X = EXCHANGE_PREFIXES;
/** Files in the exchange bucket, by prefix: those with personal data expire after days, reports (customer numbers only) after months. */
export const EXCHANGE_FILES = [
  exchangeFile(X.cardBatches, true),
  exchangeFile(X.cardAcks, true),
  exchangeFile(X.addressUpdates, true),
  exchangeFile(X.addressExtracts, true),
  exchangeFile(X.marketingExports, true),
  exchangeFile(X.legacyExports, true),
  exchangeFile(X.cardAckReports, false),
  exchangeFile(X.addressReports, false),
  exchangeFile(X.legacyReports, false),
  // The payouts and the partner's answers are the vouchers of benefits paid.
  exchangeFile(X.benefitPayouts, 'voucher'),
  exchangeFile(X.benefitPayoutAcks, 'voucher'),
  exchangeFile(X.benefitPayoutReports, false),
];
