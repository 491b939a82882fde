import type { Caller } from '../auth/caller.ts';
import {
  DEFAULT_MARKETING_SETTINGS,
  footingOf,
  type ChannelFooting,
  type MarketingSettings,
} from '../consents/purposes.ts';
import { invalid } from '../refusal.ts';

/** One version of the settings, with who set it and when: the versions are the record of every change. */
export interface SavedMarketingSettings extends MarketingSettings {
  version: number;
  setAt: string;
  setBy: string;
}

export interface MarketingSettingsStore {
  /** Every version saved, oldest first (a few ever: read whole). */
  all(): Promise<SavedMarketingSettings[]>;
  /** Saves a new version; false when its number was taken meanwhile (two admins at once). */
  add(settings: SavedMarketingSettings): Promise<boolean>;
}

const current = (all: readonly SavedMarketingSettings[]): MarketingSettings =>
  all.at(-1) ?? DEFAULT_MARKETING_SETTINGS;

/** Each channel's footing now: what audiences, sending and the notice follow. */
export const marketingFooting = async (store: MarketingSettingsStore): Promise<ChannelFooting> =>
  footingOf(current(await store.all()));

/**
 * The admin turns the own-customer exception on or off per channel. It counts for every audience
 * computed and every notice shown after it; a campaign already computed keeps the footing it was
 * computed on, which it shows.
 */
export async function setMarketingSettings(
  caller: Caller,
  input: MarketingSettings,
  store: MarketingSettingsStore,
  now = new Date(),
): Promise<SavedMarketingSettings> {
  const saved: SavedMarketingSettings = {
    ownCustomerException: input.ownCustomerException,
    version: (await store.all()).length + 1,
    setAt: now.toISOString(),
    setBy: caller.actor,
  };
  if (await store.add(saved)) return saved;
  throw invalid([{ field: 'ownCustomerException', message: 'was being changed by someone else: try again' }]);
}

/** The settings in force, each channel's footing, and every version (who set it is the admin's to see). */
export async function readMarketingSettings(caller: Caller, store: MarketingSettingsStore) {
  const all = await store.all();
  const shown = ({ setBy, ...settings }: SavedMarketingSettings) =>
    caller.role === 'admin' ? { ...settings, setBy } : settings;
  return {
    ownCustomerException: current(all).ownCustomerException,
    footing: footingOf(current(all)),
    history: [...all].reverse().map(shown),
  };
}
