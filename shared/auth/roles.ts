/** The six roles of DESIGN.md, most privileged first: a caller in several groups acts as the first one a route allows. */
export const ROLES = ['admin', 'customer-service', 'processor', 'marketing', 'pos', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ['admin', 'customer-service', 'processor'] as const satisfies readonly Role[];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
