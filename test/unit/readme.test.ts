import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/bundling.ts';
import { roleTable } from '../../infra/role-table.ts';
import { jobs } from '../../shared/contract/jobs.ts';

const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');

describe('README stays true', () => {
  it('lists every route with the roles the route table gives it', async () => {
    const table = await format(roleTable(), { parser: 'markdown', proseWrap: 'preserve' });
    expect(readme).toContain(table);
  });

  it('names every job `npm run job` runs', () => {
    for (const name of Object.keys(jobs)) expect(readme).toContain(`npm run job -- ${name}`);
  });
});
