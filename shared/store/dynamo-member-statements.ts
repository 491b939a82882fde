import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MemberStatements } from '../benefits/read-benefits.ts';
import type { Statement } from '../benefits/statement.ts';
import { getAll, queryPages, withoutStorage } from './dynamo.ts';
import { statementKey } from './keys.ts';

/** A member's statements, from their own partition, newest first. */
export class DynamoMemberStatements implements MemberStatements {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async of(customerNumber: string): Promise<Statement[]> {
    const { pk, sk } = statementKey(customerNumber, '');
    const statements: Statement[] = [];
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :statement)',
      ExpressionAttributeValues: { ':pk': pk, ':statement': sk },
      ScanIndexForward: false,
    }))
      statements.push(...(page.Items ?? []).map((item) => withoutStorage<Statement>(item)));
    return statements;
  }

  async ofMonth(customerNumbers: readonly string[], month: string): Promise<Map<string, Statement>> {
    const items = await getAll(
      this.db,
      this.table,
      customerNumbers.map((n) => statementKey(n, month)),
      false,
    );
    const statements = items.map((item) => withoutStorage<Statement>(item));
    return new Map(statements.map((statement) => [statement.customerNumber, statement]));
  }
}
