/** Rewrites README's role table from the route table (npm run readme:roles); a test checks they agree. */
import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { roleTable } from '../infra/role-table.ts';
const readme = readFileSync('README.md', 'utf8');
const start = readme.search(/^\| route +\|/m);
if (start < 0) throw new Error('README has no role table to rewrite');
const end = readme.indexOf('\n\n', start);
const table = await format(roleTable(), { parser: 'markdown', proseWrap: 'preserve' });
writeFileSync('README.md', readme.slice(0, start) + table.trimEnd() + readme.slice(end));
