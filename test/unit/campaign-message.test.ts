import { describe, expect, it } from 'vitest';
import { messageFor } from '../../shared/campaigns/message.ts';
import { CreateCampaignBody } from '../../shared/campaigns/schemas.ts';

const CONTENT = {
  fi: { subject: 'Hei {{firstName}}', body: 'Hei {{ firstName }}, tervetuloa.' },
  en: { subject: 'Hi {{firstName}}', body: 'Hi {{firstName}}, welcome.' },
};
const URL = 'https://moymore.example/api/unsubscribe/t.o.k.e.n';
const EMAIL = { channel: 'email', unsubscribeUrl: URL } as const;

describe('a campaign’s content', () => {
  it('names only the merge fields there are, in each language’s subject and body', () => {
    const parsed = CreateCampaignBody.safeParse({
      name: 'Joulu',
      channel: 'email',
      content: {
        fi: { subject: 'Hei {{lastName}}', body: 'ok' },
        sv: { subject: 'Hej', body: '{{ points }}' },
      },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'content.fi.subject',
      'content.sv.body',
    ]);
    expect(
      CreateCampaignBody.safeParse({
        name: 'Joulu',
        channel: 'email',
        content: { fi: { subject: 'a\nb', body: 'x' } },
      }).success,
    ).toBe(false);
  });

  it('gives the member their language, else Finnish, with their first name as plain text and the link under it', () => {
    const sv = messageFor(CONTENT, { firstNames: 'Åsa Märta', language: 'sv' }, EMAIL);
    expect([sv.language, sv.subject]).toEqual(['fi', 'Hei Åsa']);
    const en = messageFor(CONTENT, { firstNames: 'Sean', language: 'en' }, EMAIL);
    expect(en.subject).toBe('Hi Sean');
    expect(en.text).toBe(
      `Hi Sean, welcome.\n\n--\nNo more marketing email from Moymore? Unsubscribe with one click:\n${URL}\n`,
    );
    // Whatever a name holds stays text on one line: no header or markup can be made of it.
    const odd = messageFor(CONTENT, { firstNames: '<b>Liisa</b>\r\nBcc: x', language: 'fi' }, EMAIL);
    expect(odd.subject).toBe('Hei <b>Liisa</b>');
  });

  it('makes a text message of the body alone, with the STOP reply said in the member’s language', () => {
    const sv = { ...CONTENT, sv: { subject: 'Hej', body: 'Hej {{firstName}}, 20 % i dag.' } };
    expect(messageFor(sv, { firstNames: 'Åsa', language: 'sv' }, { channel: 'sms' }).text).toBe(
      'Hej Åsa, 20 % i dag.\nAvbeställ marknadsföring per sms: svara SLUTA eller STOP',
    );
    const fi = messageFor(CONTENT, { firstNames: 'Liisa', language: 'fi' }, { channel: 'sms' });
    expect(fi.text).toBe('Hei Liisa, tervetuloa.\nPeru tekstiviestimarkkinointi: vastaa LOPETA tai STOP');
    expect(fi.text).not.toContain('http');
  });
});
