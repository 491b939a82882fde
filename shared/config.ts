import { addCalendarMonths } from './time/helsinki.ts';

/** Settings that policy, not code, decides. Retention periods are also stated in the privacy notice. */
export const config = {
  /** Who answers for the register (privacy notice, records of processing), as its 2009 description says. */
  controller: {
    name: 'Moymore Oy',
    registerName: {
      fi: 'Moymore Oy:n kanta-asiakasrekisteri',
      en: 'The loyalty customer register of Moymore Oy',
    },
    /** The person responsible for the register and its contact person. */
    contactPerson: 'Leena Glans',
    address: 'Porvoontie 24, 07150 Laukkoski',
    phone: '041 5398001',
    /** The IT company that runs the register for Moymore (a processor). */
    itProcessor: 'Internet-Palvelut.fi SM',
  },
  retention: {
    auditMonths: 24,
    /** Monthly purchase totals are kept this many months after the month ends. */
    purchaseMonths: 36,
    contactMonths: 24,
    /** Job reports and the lines they list hold customer numbers only. */
    reportMonths: 24,
    /** A deceased member is erased this long after the date of death. */
    afterDeathMonths: 12,
    /** A member whose membership ended is erased this long after. */
    afterMembershipMonths: 12,
    /** A member's own erasure request is carried out by the retention job after this many days, unless an admin does it first. */
    erasureRequestDays: 7,
    /**
     * Benefit statements and payouts are bookkeeping vouchers: kept six years from the end of the year
     * they were paid in (Accounting Act 1336/1997, 2:10 §).
     */
    bookkeepingYears: 6,
    /** Unpaid benefit lapses this long after the month it was earned in. */
    unpaidBenefitMonths: 12,
    /** Files with personal data in the exchange bucket (batches, address files, exports). */
    exchangeFileDays: 30,
  },
  marketing: {
    /** How long the unsubscribe link of a message works (RFC 8058 asks for a link that keeps working). */
    unsubscribeLinkDays: 90,
    /** Messages a second the campaign sender stays under (the SES account's sending rate, or less). */
    sendsPerSecond: 14,
    /** Text messages a second (an origination number's rate in End User Messaging; a long code sends few). */
    textsPerSecond: 5,
    /** Of the members a campaign reaches, the share kept out of it to measure what it did (per campaign). */
    holdoutPercent: 10,
    /** Months after the send over which a campaign's result is measured. */
    resultMonths: 3,
  },
  /** Receipts of a batch written at once: enough to keep DynamoDB busy, few enough not to throttle one partition. */
  batchConcurrency: 16,
  /** How long a registration's Idempotency-Key answers with the member it created. */
  idempotencyHours: 24,
  /** Seconds a caller is asked to wait when DynamoDB throttles or times out. */
  retryAfterSeconds: 1,
  maxBodyBytes: 16 * 1024,
  /** The jobs' own CloudWatch metrics, which the stack's alarms watch. */
  metricsNamespace: 'Moymore/Register',
} as const;

/** When an item kept `months` from an instant expires, as DynamoDB's TTL reads it (epoch seconds). */
export const epochSecondsAfterMonths = (from: Date, months: number): number =>
  Math.floor(addCalendarMonths(from, months).getTime() / 1000);
