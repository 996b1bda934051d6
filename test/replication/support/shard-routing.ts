import { parseSync } from 'libpg-query';
import { TABLE_KINDS } from './citus-tables';
import { type Node, names, unwrap } from './sql-tree';
import { type CheckOptions, StatementAnalysis, type Verdict } from './statement-analysis';

export type { CheckOptions, Verdict };

/**
 * Whether a statement could run on one Citus shard, read off its parse tree (libpg-query: PostgreSQL's own
 * parser). Tables are distributed by organization_id (colocated), reference (copied to every node) or local to
 * the coordinator. A statement that touches a distributed table is routable to one shard when every distributed
 * table it reads or writes has its organization_id tied — by `=` (or IN with one value) to a parameter or a
 * constant, or by an equality with the organization_id of a table so tied (joins, subqueries, CTEs, the rows an
 * INSERT writes) — and all those values are the same organization. See docs/scaling.md for the rules.
 */

const DML = new Set(['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt']);
const UTILITY = new Set(['TransactionStmt', 'VariableSetStmt', 'VariableShowStmt', 'DiscardStmt', 'DeallocateStmt']);

/** The verdict on each statement of `sql` (parameters `$1`… have the values `params`). Call `loadModule()` of libpg-query first. */
export function checkStatements(sql: string, params: (string | null)[] = [], options: CheckOptions = {}): Verdict[] {
  return (parseSync(sql).stmts ?? []).map(({ stmt }: Node) => {
    const [key, body] = unwrap(stmt);
    if (UTILITY.has(key)) return { kind: 'utility', tables: [], problems: [] };
    if (key === 'LockStmt' || key === 'TruncateStmt') {
      const relations = names((body.relations ?? []).map((relation: Node) => ({ String: { sval: relation.RangeVar?.relname } })));
      const distributed = relations.filter((name) => TABLE_KINDS[name] === 'distributed');
      return distributed.length > 0
        ? { kind: 'violation', tables: relations, problems: [`${key} on distributed ${distributed.join(', ')} reaches every shard`] }
        : { kind: 'schema', tables: relations, problems: [] };
    }
    if (!DML.has(key)) return { kind: 'schema', tables: [], problems: [] };
    const analysis = new StatementAnalysis(params, options);
    analysis.statement(stmt, undefined, new Map());
    return analysis.verdict();
  });
}
