import { App } from 'aws-cdk-lib';
import { addNagChecks } from './nag.ts';
import { RegisterStack } from './register-stack.ts';

/** `npx cdk synth` / `npx cdk deploy`: the register, checked by cdk-nag on every synth. */
export function buildApp(app = new App()): { app: App; stack: RegisterStack } {
  const stack = new RegisterStack(app, 'MoymoreRegister', {
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'eu-north-1' },
    description: 'Moymore Oy loyalty-customer register',
  });
  addNagChecks(app);
  return { app, stack };
}

if (import.meta.url === `file://${process.argv[1]}`) buildApp().app.synth();
