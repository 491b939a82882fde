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

/** A member's values for the merge fields, as plain text on one line. */
function mergeValues(member: Pick<Member, 'firstNames'>): Record<MergeField, string> {
  const oneLine = (value: string) => value.replace(/[\r\n\t]+/g, ' ').trim();
  return { firstName: oneLine(member.firstNames).split(' ')[0] ?? '' };
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
) {
  const language: MessageLanguage =
    member.language in content && content[member.language as MessageLanguage]
      ? (member.language as MessageLanguage)
      : 'fi';
  const message = content[language]!;
  const values = mergeValues(member);
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
      );
      return { language, subject, text };
    }),
  };
}
const PREVIEW_FIRST_NAME = 'Liisa';
const PREVIEW_LINK = 'https://…/unsubscribe/…';
