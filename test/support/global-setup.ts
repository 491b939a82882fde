import type { TestProject } from 'vitest/node';
import { freePort, JAVA_MISSING, javaAvailable, startServices } from '../../infra/local/services.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
  }
}

/** One in-memory DynamoDB Local and one s3rver for the run, stopped (Java included) when it ends. */
export default async function setup(project: TestProject) {
  if (!javaAvailable()) throw new Error(JAVA_MISSING);
  const services = await startServices({ dynamoPort: await freePort(), s3Port: await freePort() });
  project.provide('dynamoEndpoint', services.dynamoEndpoint);
  project.provide('s3Endpoint', services.s3Endpoint);
  return () => services.stop();
}
