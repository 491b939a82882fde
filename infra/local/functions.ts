import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A function's handler, from the very module its Lambda is bundled from (functions/<handler>.ts). */
export async function loadFunction<H>(handler: string): Promise<H> {
  const module = (await import(pathToFileURL(join(PROJECT_ROOT, 'functions', `${handler}.ts`)).href)) as {
    handler: H;
  };
  return module.handler;
}
