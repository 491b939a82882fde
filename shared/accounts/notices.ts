import type { Language } from '../members/member.ts';
import type { Mail, Mailer } from '../mail/mailer.ts';

/** The job that sends a notice about a member's sign-in account (shared/contract/jobs.ts). */
export const ACCOUNT_NOTICE_JOB = 'account-notice';

/**
 * What happened to a membership's link to a sign-in account, told by email: to the member when it
 * was linked by card and birth date (if that was not them, they can take it back), and to both
 * accounts when the member's own email took it back.
 */
export type NoticeKind = 'linked-by-card' | 'taken-back' | 'unlinked';

/** A notice waiting to be sent, saved in the same write as the change it tells of. */
export interface AccountNotice {
  id: string;
  kind: NoticeKind;
  to: string;
  language: Language;
  /** The other account: the one that linked by card, or was unlinked. */
  accountEmail?: string;
  at: string;
}

/** Notices by their id alone: the job that sends one is asked for with the id, which names nobody. */
export interface AccountNotices {
  get(id: string): Promise<AccountNotice | undefined>;
  /** Sent: the notice goes. */
  done(id: string): Promise<void>;
}

const when = (at: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'sv' ? 'sv-FI' : language === 'en' ? 'en-GB' : 'fi-FI', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Helsinki',
  }).format(new Date(at));

type Texts = Record<NoticeKind, (n: AccountNotice, at: string) => { subject: string; text: string }>;

const TEXTS: Record<Language, Texts> = {
  fi: {
    'linked-by-card': (n, at) => ({
      subject: 'Kanta-asiakkuutesi liitettiin kirjautumistiliin',
      text: `Kanta-asiakkuutesi liitettiin ${at} korttisi numerolla ja syntymäajallasi kirjautumistiliin ${n.accountEmail}.\n\nJos se olit sinä, mitään ei tarvitse tehdä. Jos et, kirjaudu tällä sähköpostiosoitteella (${n.to}) ja valitse "Ota jäsenyyteni takaisin": kanta-asiakkuus siirtyy tilillesi ja toinen tili irrotetaan. Voit myös soittaa asiakaspalveluun.`,
    }),
    'taken-back': (n, at) => ({
      subject: 'Kanta-asiakkuutesi on nyt omalla tililläsi',
      text: `Kanta-asiakkuutesi liitettiin ${at} tähän sähköpostiosoitteeseen (${n.to}) kuuluvaan tiliin. Tili ${n.accountEmail}, joka oli liitetty korttinumerolla ja syntymäajalla, irrotettiin.`,
    }),
    unlinked: (n, at) => ({
      subject: 'Kanta-asiakkuus irrotettiin tililtäsi',
      text: `Kanta-asiakkuus, jonka liitit tiliisi (${n.to}) korttinumerolla ja syntymäajalla, irrotettiin ${at}: jäsen otti sen omalle sähköpostilleen. Jos kanta-asiakkuus on sinun, ota yhteyttä asiakaspalveluun.`,
    }),
  },
  sv: {
    'linked-by-card': (n, at) => ({
      subject: 'Ditt stamkundskap kopplades till ett inloggningskonto',
      text: `Ditt stamkundskap kopplades ${at} med ditt kortnummer och ditt födelsedatum till inloggningskontot ${n.accountEmail}.\n\nOm det var du behöver du inte göra något. Om inte, logga in med den här e-postadressen (${n.to}) och välj "Ta tillbaka mitt medlemskap": stamkundskapet flyttas till ditt konto och det andra kopplas loss. Du kan också ringa kundtjänst.`,
    }),
    'taken-back': (n, at) => ({
      subject: 'Ditt stamkundskap finns nu på ditt eget konto',
      text: `Ditt stamkundskap kopplades ${at} till kontot med den här e-postadressen (${n.to}). Kontot ${n.accountEmail}, som var kopplat med kortnummer och födelsedatum, kopplades loss.`,
    }),
    unlinked: (n, at) => ({
      subject: 'Stamkundskapet kopplades loss från ditt konto',
      text: `Stamkundskapet som du kopplade till ditt konto (${n.to}) med kortnummer och födelsedatum kopplades loss ${at}: medlemmen tog det till sin egen e-post. Om stamkundskapet är ditt, kontakta kundtjänst.`,
    }),
  },
  en: {
    'linked-by-card': (n, at) => ({
      subject: 'Your membership was linked to a sign-in account',
      text: `On ${at} your Moymore membership was linked, with your card number and date of birth, to the sign-in account ${n.accountEmail}.\n\nIf that was you, there is nothing to do. If not, sign in with this email address (${n.to}) and choose "Take my membership back": the membership moves to your account and the other is unlinked. You may also call customer service.`,
    }),
    'taken-back': (n, at) => ({
      subject: 'Your membership is now on your own account',
      text: `On ${at} your Moymore membership was linked to the account of this email address (${n.to}). The account ${n.accountEmail}, linked by card number and date of birth, was unlinked.`,
    }),
    unlinked: (n, at) => ({
      subject: 'A membership was unlinked from your account',
      text: `The Moymore membership you linked to your account (${n.to}) with a card number and date of birth was unlinked on ${at}: its member took it to their own email. If the membership is yours, please contact customer service.`,
    }),
  },
};

/** The notice as a message in its reader's language (Finnish for a language the register has no texts in). */
export function noticeMail(notice: AccountNotice): Mail {
  const texts = TEXTS[notice.language] ?? TEXTS.fi;
  return { to: notice.to, ...texts[notice.kind](notice, when(notice.at, notice.language)) };
}

/**
 * Sends one notice and lets it go. A notice gone (sent already, or its member erased) sends nothing;
 * a run that stops between sending and letting it go sends it again when retried: a notice about
 * someone's account is sent at least once.
 */
export async function sendAccountNotice(
  input: { notice: string },
  deps: { notices: AccountNotices; mailer: Mailer },
) {
  const notice = await deps.notices.get(input.notice);
  if (!notice) return { sent: 0 };
  await deps.mailer.send(noticeMail(notice));
  await deps.notices.done(input.notice);
  return { sent: 1, kind: notice.kind };
}
