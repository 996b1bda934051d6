import type { TableKind } from './citus-tables';

/** The parse trees of libpg-query (PostgreSQL's parser, as JSON) and the scopes of the names in a statement. */

export type Node = Record<string, any>;
export interface Entry {
  table: string;
  kind: TableKind | 'derived' | 'rows';
  org?: number;
  orgColumn?: string;
}
export interface Output {
  terms: (number | undefined)[];
  org?: number;
}

export class Scope {
  readonly entries = new Map<string, Entry>();
  constructor(readonly parent?: Scope) {}
}

export const unwrap = (node: Node | undefined): [string, Node] => {
  const [key] = Object.keys(node ?? {});
  return [key, node?.[key]];
};
export const names = (list: Node[] | undefined): string[] => (list ?? []).map((item) => item.String?.sval ?? (item.A_Star ? '*' : ''));

/** A constant as text, the way a parameter's value is sent (`'abc'` for a string, `12` for a number). */
export function constantOf(node: Node): string {
  if (node.sval) return `'${node.sval.sval}'`;
  if (node.ival) return String(node.ival.ival ?? 0);
  if (node.fval) return String(node.fval.fval);
  if (node.boolval) return String(node.boolval.boolval ?? false);
  return JSON.stringify({ ...node, location: undefined });
}

/** The subqueries inside expressions (`exists (…)`, `x in (select …)`, scalar subqueries), outermost first. */
export function subLinks(trees: unknown[]): Node[] {
  const found: Node[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const sublink = (value as Node).SubLink;
    if (!sublink) return Object.values(value).forEach(visit);
    found.push(sublink);
    visit(sublink.testexpr);
  };
  trees.forEach(visit);
  return found;
}

/** The function calls in expressions (`CURRENT_TIMESTAMP` and its kind count as `now`), and whether their arguments use columns. */
export function functionCalls(trees: unknown[]): { name: string; onColumns: boolean }[] {
  const found: { name: string; onColumns: boolean }[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const node = value as Node;
    const name = node.FuncCall ? names(node.FuncCall.funcname).at(-1) : node.SQLValueFunction ? 'now' : undefined;
    if (name) found.push({ name, onColumns: JSON.stringify(node.FuncCall?.args ?? []).includes('"ColumnRef"') });
    Object.values(value).forEach(visit);
  };
  trees.forEach(visit);
  return found;
}
