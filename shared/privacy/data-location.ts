/**
 * Where the register keeps its data: the AWS region it runs in and, only when that region is outside
 * the EU/EEA (a deliberate, documented override), the safeguard the transfer rests on, which the
 * privacy notice then states.
 */
export interface DataLocation {
  region: string;
  outsideEeaSafeguard?: string;
}

/**
 * AWS regions in EU or EEA member states. London and Zurich are not among them: the UK and
 * Switzerland have adequacy decisions, but data stored there has left the EU/EEA.
 */
export const EEA_REGIONS: Readonly<Record<string, string>> = {
  'eu-north-1': 'Stockholm',
  'eu-west-1': 'Ireland',
  'eu-west-3': 'Paris',
  'eu-central-1': 'Frankfurt',
  'eu-south-1': 'Milan',
  'eu-south-2': 'Spain',
};

export const isEeaRegion = (region: string) => Object.hasOwn(EEA_REGIONS, region);

/** The region the register is deployed to unless cdk.json says otherwise, and the one the local register plays. */
export const DEFAULT_REGION = 'eu-north-1';

/** The region as a person reads it: `eu-north-1 (Stockholm)`. */
export const regionName = (region: string) =>
  isEeaRegion(region) ? `${region} (${EEA_REGIONS[region]})` : region;
