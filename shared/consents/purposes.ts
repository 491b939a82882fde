/**
 * What a member may consent to or object to (versioned code list). Marketing purposes are opt-in
 * (GDPR Art. 6(1)(a), 7); the two bans of the original register description are the member's
 * objections (Art. 21) and stay in force until the member lifts them.
 */
export const PURPOSES = {
  version: '2026.1',
  purposes: {
    'marketing.email': { kind: 'consent', fi: 'Sähköpostimarkkinointi', en: 'Marketing by email' },
    'marketing.sms': { kind: 'consent', fi: 'Tekstiviestimarkkinointi', en: 'Marketing by text message' },
    'marketing.post': { kind: 'consent', fi: 'Suoramarkkinointi postitse', en: 'Marketing by post' },
    profiling: {
      kind: 'consent',
      fi: 'Ostotietojen käyttö kohdentamiseen',
      en: 'Using purchase totals to target',
    },
    directMarketingBan: { kind: 'ban', fi: 'Suoramarkkinointikielto', en: 'Direct-marketing ban' },
    addressDisclosureBan: { kind: 'ban', fi: 'Osoitteiden luovutuskielto', en: 'Address-disclosure ban' },
  },
} as const;

/**
 * Every privacy notice version the register has published, oldest first; the last is the one in
 * force (publishing a new one moves the old one in front). A consent answers to one of these, never
 * to a version nobody could have read.
 */
export const PUBLISHED_NOTICE_VERSIONS = [PURPOSES.version] as const;

export type Purpose = keyof typeof PURPOSES.purposes;
export const PURPOSE_CODES = Object.keys(PURPOSES.purposes) as Purpose[];
export const CONSENT_SOURCES = ['web', 'store', 'phone', 'letter', 'registration'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/**
 * Where a recorded answer came from beyond what a person enters: the earlier register's (no notice
 * version), a message's unsubscribe link, an email the member marked as spam (a complaint), a STOP
 * reply to a text message.
 */
export type RecordedSource =
  ConsentSource | 'legacy-register' | 'unsubscribe-link' | 'complaint' | 'text-reply';

/** The current state of one purpose for a member. */
export interface Consent {
  purpose: Purpose;
  granted: boolean;
  source: RecordedSource;
  /** The privacy notice the member had read; none for answers moved in from the earlier register. */
  noticeVersion?: string;
  at: string;
  actor: string;
}

/** One change, kept for ever while the member exists: the proof of consent (Art. 7(1)). */
export interface ConsentEvent extends Consent {
  previously: boolean | null;
}

/** Marketing channels and the consent each needs. */
export const CHANNEL_PURPOSE = {
  email: 'marketing.email',
  sms: 'marketing.sms',
  post: 'marketing.post',
} as const;
export type Channel = keyof typeof CHANNEL_PURPOSE;

/**
 * The lawful footing of each channel. Post rests on legitimate interest (GDPR Art. 6(1)(f)) and
 * reaches every member who has not objected with the direct-marketing ban (Art. 21): members moved
 * in from the 2009 register, who were never asked, included. Email and text messages need the
 * member's consent (Finnish Information Society Code 200 §). The notice reads the same table.
 */
export const CHANNEL_BASIS = {
  email: 'consent',
  sms: 'consent',
  post: 'legitimate-interest',
} as const satisfies Record<Channel, 'consent' | 'legitimate-interest'>;
export const channelsOn = (basis: (typeof CHANNEL_BASIS)[Channel]) =>
  (Object.keys(CHANNEL_BASIS) as Channel[]).filter((channel) => CHANNEL_BASIS[channel] === basis);

/** What marketing reads of a member a campaign reaches: the names and the channel's contact field. */
export const CHANNEL_FIELDS = {
  email: ['surname', 'firstNames', 'email'],
  sms: ['surname', 'firstNames', 'mobile'],
  post: ['surname', 'firstNames', 'streetAddress', 'postalCode', 'postOffice'],
} as const satisfies Record<Channel, readonly string[]>;

/** A marketing consent (not a ban): granting it puts the member in its audience, withdrawing it out. */
export const isMarketingConsent = (purpose: Purpose) => PURPOSES.purposes[purpose].kind === 'consent';
