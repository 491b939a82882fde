import { problemOf } from './problem.ts';
import { reply } from './reply.ts';
import { Refusal } from '../refusal.ts';

/** What each page says, in the three languages of the register's messages (the link does not tell which). */
const PAGES = {
  confirm: [
    'Haluatko perua Moymoren markkinointisähköpostit?',
    'Vill du avbeställa marknadsföring från Moymore per e-post?',
    'Do you want to stop Moymore’s marketing email?',
  ],
  done: [
    'Sähköpostimarkkinointi on peruttu. Et saa enää markkinointisähköpostia meiltä.',
    'Marknadsföringen per e-post är avbeställd.',
    'You are unsubscribed: no more marketing email from us.',
  ],
  'unsubscribe-link-invalid': [
    'Tämä linkki ei ole toimiva peruutuslinkki.',
    'Länken är inte en giltig avbeställningslänk.',
    'This is not a working unsubscribe link.',
  ],
  'unsubscribe-link-expired': [
    'Linkki on vanhentunut. Voit perua suostumuksen kanta-asiakassivuillasi tai asiakaspalvelussa.',
    'Länken har gått ut. Du kan återkalla samtycket på dina kundsidor eller via kundtjänsten.',
    'The link has expired. Withdraw the consent in your membership pages, or ask customer service.',
  ],
} as const;
const BUTTON = 'Peru / Avbeställ / Unsubscribe';

/** A small page of fixed text (nothing of the request is echoed); the confirmation's button posts the one click. */
function page(kind: keyof typeof PAGES, status = 200) {
  const lines = PAGES[kind].map((line) => `<p>${line}</p>`).join('\n');
  const form =
    kind === 'confirm'
      ? `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${BUTTON}</button></form>`
      : '';
  return reply(
    status,
    `<!doctype html>\n<html lang="fi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Moymore</title></head>\n<body><main>\n${lines}\n${form}\n</main></body></html>\n`,
    {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; form-action 'self'",
    },
  );
}

/** The link's page for an outcome, or for the link's refusal (forged, expired) with its status. */
export async function unsubscribePage(outcome: () => Promise<'confirm' | 'done'>) {
  try {
    return page(await outcome());
  } catch (error) {
    if (
      error instanceof Refusal &&
      (error.kind === 'unsubscribe-link-invalid' || error.kind === 'unsubscribe-link-expired')
    )
      return page(error.kind, problemOf(error).status);
    throw error;
  }
}
