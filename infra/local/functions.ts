import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../bundling.ts';

/** A function's handler, from the very module its Lambda is bundled from (functions/<handler>.ts). */
export async function loadFunction<H>(handler: string): Promise<H> {
  const module = (await import(pathToFileURL(join(PROJECT_ROOT, 'functions', `${handler}.ts`)).href)) as {
    handler: H;
  };
  return module.handler;
}
