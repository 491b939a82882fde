import { EXCHANGE_PREFIXES, type ExchangePrefix } from '../exchange/layout.ts';

/**
 * The parties outside who exchange files with the register: each assumes its own IAM role from its own
 * account (a CDK context value), and may read and write only its own prefixes of the exchange bucket.
 */
export interface PartnerSpec {
  /** The CDK context value that names the partner's AWS account. */
  accountContext: string;
  description: string;
  read: readonly ExchangePrefix[];
  write: readonly ExchangePrefix[];
}

export const partners = {
  CardManufacturer: {
    accountContext: 'manufacturerAccountId',
    description: 'The card manufacturer: reads card batches, writes its acknowledgements',
    read: [EXCHANGE_PREFIXES.cardBatches],
    write: [EXCHANGE_PREFIXES.cardAcks],
  },
  AddressService: {
    accountContext: 'addressServiceAccountId',
    description: 'The address update service: reads the extract, writes address update files',
    read: [EXCHANGE_PREFIXES.addressExtracts],
    write: [EXCHANGE_PREFIXES.addressUpdates],
  },
  MailingHouse: {
    accountContext: 'mailingHouseAccountId',
    description: 'The mailing house: reads postal campaign address lists',
    read: [EXCHANGE_PREFIXES.marketingExports],
    write: [],
  },
  PaymentPartner: {
    accountContext: 'paymentPartnerAccountId',
    description: 'The payment partner: reads benefit payouts, writes its acknowledgements',
    read: [EXCHANGE_PREFIXES.benefitPayouts],
    write: [EXCHANGE_PREFIXES.benefitPayoutAcks],
  },
} as const satisfies Record<string, PartnerSpec>;
