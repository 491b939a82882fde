import type { Member } from '../members/member.ts';
import { MERGE_FIELDS, type ContentInput, type MergeField } from './schemas.ts';

export type MessageLanguage = keyof ContentInput;
/** The channels the register sends itself; post goes to the mailing house as a file. */
export type SentChannel = 'email' | 'sms';

/** Said under every message, in its language, with the link that ends the member's email marketing. */
const UNSUBSCRIBE = {
  fi: 'Et halua enää Moymoren markkinointia sähköpostiisi? Peru se yhdellä napsautuksella:',
  sv: 'Vill du inte längre få marknadsföring från Moymore per e-post? Avbeställ med ett klick:',
  en: 'No more marketing email from Moymore? Unsubscribe with one click:',
} as const satisfies Record<MessageLanguage, string>;

/**
 * Said at the end of every text message: a reply of STOP (or its Finnish or Swedish word) ends the
 * member's text-message marketing. End User Messaging answers the keywords; the register hears them.
 */
const STOP = {
  fi: 'Peru tekstiviestimarkkinointi: vastaa LOPETA tai STOP',
  sv: 'Avbeställ marknadsföring per sms: svara SLUTA eller STOP',
  en: 'No more marketing texts: reply STOP',
} as const satisfies Record<MessageLanguage, string>;
/** The words a reply may start with to end the text messages: the service's own STOP, and the ones the notice names. */
export const STOP_KEYWORDS = ['STOP', 'LOPETA', 'SLUTA'] as const;

const MERGE_FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** What the benefit fields say: the member's statement of the month that closed last (none: nothing earned). */
export interface MessageBenefit {
  tierPercent: number;
  benefitCents: number;
}
const NO_BENEFIT: MessageBenefit = { tierPercent: 0, benefitCents: 0 };

/** Whether the content names the benefit fields: only then are statements read for it. */
export const namesBenefit = (content: ContentInput) =>
  Object.values(content).some((message) =>
    /\{\{\s*(tier|benefit)\s*\}\}/.test(`${message?.subject} ${message?.body}`),
  );

/** A member's values for the merge fields, as plain text on one line, numbers as their language writes them. */
function mergeValues(
  member: Pick<Member, 'firstNames'>,
  language: MessageLanguage,
  benefit: MessageBenefit,
): Record<MergeField, string> {
  const oneLine = (value: string) => value.replace(/[\r\n\t]+/g, ' ').trim();
  const locale = `${language}-FI`;
  return {
    firstName: oneLine(member.firstNames).split(' ')[0] ?? '',
    tier: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
      benefit.tierPercent / 100,
    ),
    benefit: new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(
      benefit.benefitCents / 100,
    ),
  };
}

/** How the member may refuse more: the email's unsubscribe link, or the text message's STOP reply. */
export type WayToRefuse = { channel: 'email'; unsubscribeUrl: string } | { channel: 'sms' };

/**
 * The message one member gets: their own language's content if the campaign has it, else Finnish;
 * the merge fields filled with their values as text (the message is plain text, so nothing in them
 * can become markup); how to refuse more said under it. A text message is the body alone.
 */
export function messageFor(
  content: ContentInput,
  member: Pick<Member, 'firstNames' | 'language'>,
  refuse: WayToRefuse,
  benefit: MessageBenefit = NO_BENEFIT,
) {
  const language: MessageLanguage =
    member.language in content && content[member.language as MessageLanguage]
      ? (member.language as MessageLanguage)
      : 'fi';
  const message = content[language]!;
  const values = mergeValues(member, language, benefit);
  const fill = (text: string) =>
    text.replace(MERGE_FIELD, (_, name: string) =>
      (MERGE_FIELDS as readonly string[]).includes(name) ? values[name as MergeField] : '',
    );
  return {
    language,
    subject: fill(message.subject),
    text:
      refuse.channel === 'email'
        ? `${fill(message.body)}\n\n--\n${UNSUBSCRIBE[language]}\n${refuse.unsubscribeUrl}\n`
        : `${fill(message.body)}\n${STOP[language]}`,
  };
}

/** What a member would get in each language the campaign has, for an example member and link: the console shows it before sending. */
export function previewMessages(content: ContentInput | undefined, channel: SentChannel | 'post') {
  const languages = (Object.keys(content ?? {}) as MessageLanguage[]).filter(
    (language) => content?.[language],
  );
  return {
    messages: languages.map((language) => {
      const { subject, text } = messageFor(
        content!,
        { firstNames: PREVIEW_FIRST_NAME, language },
        channel === 'sms' ? { channel } : { channel: 'email', unsubscribeUrl: PREVIEW_LINK },
        PREVIEW_BENEFIT,
      );
      return { language, subject, text };
    }),
  };
}
const PREVIEW_FIRST_NAME = 'Liisa';
const PREVIEW_LINK = 'https://…/unsubscribe/…';
const PREVIEW_BENEFIT: MessageBenefit = { tierPercent: 2, benefitCents: 1234 };
