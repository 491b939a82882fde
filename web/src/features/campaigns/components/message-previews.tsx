import { Loaded } from '../../../components/loaded.tsx';
import { Section } from '../../../components/section.tsx';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import { useMessagePreviews } from '../api/use-campaign.ts';

/** The saved message in each language as the register renders it for a member: plain text, as sent. */
export function MessagePreviews({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const previews = useMessagePreviews(campaignId);
  return (
    <Section id="messages" title={t('messagePreviews')}>
      <Loaded query={previews}>
        {({ messages }) => (
          <>
            {messages.map((message) => (
              <article
                key={message.language}
                aria-label={`${t('messagePreview')}, ${t(`language_${message.language}` as MessageKey)}`}
                className="message-preview"
              >
                <h3>{t(`language_${message.language}` as MessageKey)}</h3>
                <p>
                  <strong>{message.subject}</strong>
                </p>
                <pre>{message.text}</pre>
              </article>
            ))}
          </>
        )}
      </Loaded>
    </Section>
  );
}
