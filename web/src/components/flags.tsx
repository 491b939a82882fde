import { useI18n, type MessageKey } from '../lib/i18n/i18n-provider.tsx';

const FLAG_NAMES: Record<string, MessageKey> = {
  deceased: 'deceased',
  protectedAddress: 'protectedAddress',
  restricted: 'restricted',
  addressDoubtful: 'addressDoubtful',
  emailUndeliverable: 'emailUndeliverable',
};

/** A member's flags that are set, each a word. */
export function Flags({ flags }: { flags: Record<string, boolean> }) {
  const { t } = useI18n();
  const set = Object.keys(FLAG_NAMES).filter((name) => flags[name]);
  if (set.length === 0) return null;
  return (
    <span className="flags">
      {set.map((name) => (
        <span key={name} className={`flag flag-${name}`}>
          {t(FLAG_NAMES[name]!)}
        </span>
      ))}
    </span>
  );
}
