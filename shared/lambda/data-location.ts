import { DEFAULT_REGION, type DataLocation } from '../privacy/data-location.ts';

/**
 * Where this function runs, as Lambda tells it (AWS_REGION), and the safeguard the stack was given
 * for a region outside the EU/EEA. The local register plays the default region.
 */
export const deployedDataLocation = (): DataLocation => ({
  region: process.env.AWS_REGION ?? DEFAULT_REGION,
  ...(process.env.OUTSIDE_EEA_SAFEGUARD ? { outsideEeaSafeguard: process.env.OUTSIDE_EEA_SAFEGUARD } : {}),
});
