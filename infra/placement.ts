import type { App } from 'aws-cdk-lib';
import { isEeaRegion, type DataLocation } from '../shared/privacy/data-location.ts';

/** Context values (cdk.json, or `-c name=value`) that place the register. */
export const PLACEMENT_CONTEXT = {
  region: 'registerRegion',
  outsideEeaSafeguard: 'outsideEeaSafeguard',
} as const;

/**
 * The register's region is a setting of this app, never the deploying machine's default: the CDK CLI
 * always sets CDK_DEFAULT_REGION (us-east-1 when nothing is configured), which would put members'
 * data in the United States unnoticed. A region outside the EU/EEA is refused unless the context also
 * names the safeguard of the transfer, which the privacy notice then states.
 */
export function registerPlacement(app: App): DataLocation {
  const region: unknown = app.node.tryGetContext(PLACEMENT_CONTEXT.region);
  if (typeof region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
    throw new Error(
      `Set the context value ${PLACEMENT_CONTEXT.region} to the register's AWS region (cdk.json has eu-north-1).`,
    );
  if (isEeaRegion(region)) return { region };
  const safeguard: unknown = app.node.tryGetContext(PLACEMENT_CONTEXT.outsideEeaSafeguard);
  if (typeof safeguard !== 'string' || safeguard.trim() === '')
    throw new Error(
      `${region} is outside the EU/EEA, and the privacy notice promises no transfer there. To place the register there ` +
        `deliberately, also give -c ${PLACEMENT_CONTEXT.outsideEeaSafeguard}="<the adequacy decision or safeguards of the transfer>"; ` +
        'the notice will state it (README, "Deploy").',
    );
  return { region, outsideEeaSafeguard: safeguard.trim() };
}
