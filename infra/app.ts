import { App } from 'aws-cdk-lib';
import { addNagChecks } from './nag.ts';
import { RegisterStack } from './register-stack.ts';
import { EdgeStack } from './edge-stack.ts';
import { registerPlacement } from './placement.ts';

/** `npx cdk synth` / `npx cdk deploy`: the register, checked by cdk-nag on every synth. */
export function buildApp(app = new App()): { app: App; stack: RegisterStack; edge: EdgeStack } {
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const placement = registerPlacement(app);
  // CloudFront's firewall lives in us-east-1; the register in the region of its data.
  const edge = new EdgeStack(app, 'MoymoreRegisterEdge', {
    env: { account, region: 'us-east-1' },
    crossRegionReferences: true,
    description: 'Moymore loyalty register: the firewall (AWS WAF) in front of CloudFront',
  });
  const stack = new RegisterStack(app, 'MoymoreRegister', {
    env: { account, region: placement.region },
    crossRegionReferences: true,
    description: 'Moymore Oy loyalty-customer register',
    webAclArn: edge.webAcl.attrArn,
    placement,
  });
  addNagChecks(app);
  return { app, stack, edge };
}

if (import.meta.url === `file://${process.argv[1]}`) buildApp().app.synth();
