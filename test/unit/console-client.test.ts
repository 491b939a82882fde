import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleClientFiles } from '../../scripts/generate-console-client.ts';
import { PROJECT_ROOT } from '../../infra/bundling.ts';

describe('the console’s generated API client', () => {
  it('is the one the current route table makes (npm run generate:client when it is not)', async () => {
    for (const [name, text] of Object.entries(await consoleClientFiles())) {
      expect(readFileSync(join(PROJECT_ROOT, 'web', 'src', 'api', name), 'utf8'), name).toBe(text);
    }
  });
});
