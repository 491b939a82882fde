import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleClientFiles, GENERATED_DIR } from '../../scripts/generate-console-client.ts';

describe('the console’s generated API client', () => {
  it('is the one the current route table makes (npm run generate:client when it is not)', async () => {
    for (const [name, text] of Object.entries(await consoleClientFiles())) {
      expect(readFileSync(join(GENERATED_DIR, name), 'utf8'), name).toBe(text);
    }
  });
});
