import { ROLES } from '../shared/auth/roles.ts';
import { routeList } from '../shared/contract/routes.ts';

/**
 * README's "who may do what" table, made from the route table; a test keeps README equal to it.
 * A member reaches only their own record on routes that name one.
 */
export function roleTable(): string {
  const header = `| route | ${ROLES.join(' | ')} |\n| --- | ${ROLES.map(() => '---').join(' | ')} |`;
  const rows = routeList.map((route) => {
    const cells = ROLES.map((role) => {
      if (route.roles === 'public') return role === 'admin' ? 'public' : '';
      if (!(route.roles as readonly string[]).includes(role)) return '';
      return role === 'member' && route.path.includes('{customerNumber}') ? 'own' : '✓';
    });
    return `| \`${route.method} ${route.path}\` | ${cells.join(' | ')} |`;
  });
  return [header, ...rows].join('\n') + '\n';
}
