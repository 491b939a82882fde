import type { operations } from '../generated/schema.ts';

type Operation = keyof operations;

/** The JSON an operation answers with a status (200 unless told), as the generated schema has it. */
export type AnswerOf<
  Id extends Operation,
  Status extends number = 200,
> = operations[Id]['responses'] extends {
  [S in Status]: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

/** The JSON body an operation takes. */
export type BodyOf<Id extends Operation> = operations[Id] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

/** The parameters an operation takes in its path. */
export type PathOf<Id extends Operation> = operations[Id]['parameters']['path'];
