import type { EntryChannel } from '../members/entry-channel.ts';

/**
 * What a member may consent to or object to (versioned code list). Marketing purposes are opt-in
 * (GDPR Art. 6(1)(a), 7); the two bans of the original register description are the member's
 * objections (Art. 21) and stay in force until the member lifts them.
 */
export const PURPOSES = {
  version: '2026.1',
  purposes: {
    'marketing.email': {
      kind: 'consent',
      fi: 'Sähköpostimarkkinointi',
      en: 'Marketing by email',
      sv: 'Marknadsföring per e-post',
    },
    'marketing.sms': {
      kind: 'consent',
      fi: 'Tekstiviestimarkkinointi',
      en: 'Marketing by text message',
      sv: 'Marknadsföring per textmeddelande',
    },
    // No longer asked: post rests on legitimate interest (CHANNEL_BASIS), and a member who wants no
    // letters sets the direct-marketing ban. Answers recorded earlier are kept with their history.
    'marketing.post': {
      kind: 'consent',
      asked: false,
      fi: 'Suoramarkkinointi postitse',
      en: 'Marketing by post',
      sv: 'Direktmarknadsföring per post',
    },
    profiling: {
      kind: 'consent',
      fi: 'Ostotietojen käyttö kohdentamiseen',
      en: 'Using purchase totals to target',
      sv: 'Användning av köpsummor för riktad marknadsföring',
    },
    directMarketingBan: {
      kind: 'ban',
      fi: 'Suoramarkkinointikielto',
      en: 'Direct-marketing ban',
      sv: 'Förbud mot direktmarknadsföring',
    },
    addressDisclosureBan: {
      kind: 'ban',
      fi: 'Osoitteiden luovutuskielto',
      en: 'Address-disclosure ban',
      sv: 'Förbud mot utlämnande av adress',
    },
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
  /** Through which channel it was recorded (absent for answers recorded before channels were). */
  channel?: EntryChannel;
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
 * The lawful footing of a channel: the member's consent; legitimate interest (GDPR Art. 6(1)(f)),
 * reaching every member who has not objected with the direct-marketing ban (Art. 21); or, for email
 * and text messages, the own-customer exception of the Information Society Code (200 § 2): Moymore's
 * own customers, of its own similar products, unless they refused (a withdrawn or refused consent).
 */
export const FOOTINGS = ['consent', 'own-customer', 'legitimate-interest'] as const;
export type Footing = (typeof FOOTINGS)[number];
export type ChannelFooting = Readonly<Record<Channel, Footing>>;

/**
 * Each channel's footing unless the admin turns on the own-customer exception: post on legitimate
 * interest (members moved in from the 2009 register, who were never asked, included), email and text
 * messages on consent. The notice reads the same footing.
 */
export const CHANNEL_BASIS = {
  email: 'consent',
  sms: 'consent',
  post: 'legitimate-interest',
} as const satisfies ChannelFooting;

/** The channels whose footing the admin may move to the own-customer exception. */
export const OWN_CUSTOMER_CHANNELS = ['email', 'sms'] as const;
export type OwnCustomerChannel = (typeof OWN_CUSTOMER_CHANNELS)[number];

/** What the admin sets: per electronic channel, whether the own-customer exception is on. */
export interface MarketingSettings {
  ownCustomerException: Record<OwnCustomerChannel, boolean>;
}
export const DEFAULT_MARKETING_SETTINGS: MarketingSettings = {
  ownCustomerException: { email: false, sms: false },
};

/** Each channel's footing under the settings: consent stays the default. */
export const footingOf = (settings: MarketingSettings): ChannelFooting => ({
  ...CHANNEL_BASIS,
  ...Object.fromEntries(
    OWN_CUSTOMER_CHANNELS.filter((channel) => settings.ownCustomerException[channel]).map((channel) => [
      channel,
      'own-customer',
    ]),
  ),
});

export const channelsOn = (footing: ChannelFooting, basis: Footing) =>
  (Object.keys(footing) as Channel[]).filter((channel) => footing[channel] === basis);

/** What marketing reads of a member a campaign reaches: the names and the channel's contact field. */
export const CHANNEL_FIELDS = {
  email: ['surname', 'firstNames', 'email'],
  sms: ['surname', 'firstNames', 'mobile'],
  post: ['surname', 'firstNames', 'streetAddress', 'postalCode', 'postOffice'],
} as const satisfies Record<Channel, readonly string[]>;

/** A marketing consent (not a ban): granting it puts the member in its audience, withdrawing it out. */
export const isMarketingConsent = (purpose: Purpose) => PURPOSES.purposes[purpose].kind === 'consent';
