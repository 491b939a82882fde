import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT } from '../../infra/bundling.ts';
import { freePort, JAVA_MISSING, javaAvailable, startServices } from '../../infra/local/services.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
    sesEndpoint: string;
    smsEndpoint: string;
  }
}

/** As `npm run build` does; a production build, whatever NODE_ENV the test runner set. */
function buildConsole() {
  const vite = join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const run = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(PROJECT_ROOT, 'web', 'vite.config.ts'), '--logLevel', 'warn'],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) throw new Error('the console did not build');
}

/**
 * One in-memory DynamoDB Local and one s3rver for the run, stopped (Java included) when it ends, and
 * the console built as `npm run build` builds it, for the browser tests to load.
 */
export default async function setup(project: TestProject) {
  if (!javaAvailable()) throw new Error(JAVA_MISSING);
  buildConsole();
  const services = await startServices({ dynamoPort: await freePort(), s3Port: await freePort() });
  project.provide('dynamoEndpoint', services.dynamoEndpoint);
  project.provide('s3Endpoint', services.s3Endpoint);
  project.provide('sesEndpoint', services.sesEndpoint);
  project.provide('smsEndpoint', services.smsEndpoint);
  return () => services.stop();
}
