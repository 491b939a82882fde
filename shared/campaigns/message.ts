import type { Member } from '../members/member.ts';
import { MERGE_FIELDS, type ContentInput, type MergeField } from './schemas.ts';

export type MessageLanguage = keyof ContentInput;

/** Said under every message, in its language, with the link that ends the member's email marketing. */
const UNSUBSCRIBE = {
  fi: 'Et halua enää Moymoren markkinointia sähköpostiisi? Peru se yhdellä napsautuksella:',
  sv: 'Vill du inte längre få marknadsföring från Moymore per e-post? Avbeställ med ett klick:',
  en: 'No more marketing email from Moymore? Unsubscribe with one click:',
} as const satisfies Record<MessageLanguage, string>;

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

/**
 * The message one member gets: their own language's content if the campaign has it, else Finnish;
 * the merge fields filled with their values as text (the message is plain text, so nothing in them
 * can become markup); the unsubscribe link said under it.
 */
export function messageFor(
  content: ContentInput,
  member: Pick<Member, 'firstNames' | 'language'>,
  unsubscribeUrl: string,
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
    text: `${fill(message.body)}\n\n--\n${UNSUBSCRIBE[language]}\n${unsubscribeUrl}\n`,
  };
}

/** What a member would get in each language the campaign has, for an example member and link: the console shows it before sending. */
export function previewMessages(content: ContentInput | undefined) {
  const languages = (Object.keys(content ?? {}) as MessageLanguage[]).filter(
    (language) => content?.[language],
  );
  return {
    messages: languages.map((language) => {
      const { subject, text } = messageFor(
        content!,
        { firstNames: PREVIEW_FIRST_NAME, language },
        PREVIEW_LINK,
        PREVIEW_BENEFIT,
      );
      return { language, subject, text };
    }),
  };
}
const PREVIEW_FIRST_NAME = 'Liisa';
const PREVIEW_LINK = 'https://…/unsubscribe/…';
const PREVIEW_BENEFIT: MessageBenefit = { tierPercent: 2, benefitCents: 1234 };
