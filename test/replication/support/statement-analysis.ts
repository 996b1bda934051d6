import { KNOWN_VOLATILITY, TABLE_KINDS, type TableKind, type Volatility, isCatalog, orgColumnOf } from './citus-tables';
import { OrganizationTerms } from './organization-terms';
import { type Entry, type Node, type Output, Scope, constantOf, functionCalls, names, subLinks, unwrap } from './sql-tree';

/** One statement's walk: its tables, the organization terms of each, the problems found (see shard-routing.ts). */

export interface Verdict {
  kind: 'utility' | 'schema' | 'no-table' | 'local' | 'reference' | 'single-shard' | 'violation';
  tables: string[];
  problems: string[];
}

export interface CheckOptions {
  /** Names that stand for the rows a trigger fires on (`new`, `old`, transition tables): their organization counts as bound. */
  rowSources?: string[];
  /** Each function's volatility (the most volatile of its overloads); KNOWN_VOLATILITY by default. */
  volatility?: Readonly<Record<string, Volatility>>;
}

export class StatementAnalysis {
  readonly terms: OrganizationTerms;
  readonly tables = new Map<string, TableKind>();
  readonly problems: string[] = [];
  private readonly mustBind: { label: string; term: number }[] = [];
  private readonly rowSources: Set<string>;
  private readonly volatility: Readonly<Record<string, Volatility>>;

  constructor(params: (string | null)[], options: CheckOptions) {
    this.terms = new OrganizationTerms(params);
    this.rowSources = new Set(options.rowSources ?? []);
    this.volatility = options.volatility ?? KNOWN_VOLATILITY;
  }

  statement(node: Node, parent: Scope | undefined, ctes: Map<string, Entry>): Output {
    const [key, body] = unwrap(node);
    if (key === 'SelectStmt') return this.select(body, parent, ctes);
    if (key === 'InsertStmt' || key === 'UpdateStmt' || key === 'DeleteStmt') return this.modify(key, body, parent, ctes);
    this.problems.push(`unexpected ${key} inside a statement`);
    return { terms: [] };
  }

  private select(s: Node, parent: Scope | undefined, outerCtes: Map<string, Entry>): Output {
    const ctes = this.with(s.withClause, parent, outerCtes);
    if (s.op && s.op !== 'SETOP_NONE') {
      this.select(s.larg, parent, ctes);
      this.select(s.rarg, parent, ctes);
      return { terms: [] };
    }
    const scope = new Scope(parent);
    for (const item of s.fromClause ?? []) this.from(item, scope, ctes);
    this.conditions(s.whereClause, scope);
    this.conditions(s.havingClause, scope);
    if (JSON.stringify(s.groupClause ?? []).includes('"GroupingSet"')) this.problems.push('groups by GROUPING SETS, CUBE or ROLLUP');
    this.subqueries([s.targetList, s.whereClause, s.havingClause, s.valuesLists], scope, ctes);
    const terms = (s.targetList ?? []).map((target: Node) => this.term(target.ResTarget?.val, scope));
    return { terms, org: this.outputOrg(s.targetList, scope) };
  }

  private modify(key: string, s: Node, parent: Scope | undefined, outerCtes: Map<string, Entry>): Output {
    const ctes = this.with(s.withClause, parent, outerCtes);
    const scope = new Scope(parent);
    const target = this.from({ RangeVar: s.relation }, scope, ctes);
    for (const item of [...(s.fromClause ?? []), ...(s.usingClause ?? [])]) this.from(item, scope, ctes);
    if (key === 'InsertStmt') this.inserted(s, target, scope, ctes);
    const sets = key === 'UpdateStmt' ? s.targetList : s.onConflictClause?.targetList;
    if (target.orgColumn && (sets ?? []).some((set: Node) => set.ResTarget?.name === target.orgColumn))
      this.problems.push(`changes ${target.table}.${target.orgColumn}, the distribution column`);
    this.conditions(s.whereClause, scope);
    this.conditions(s.onConflictClause?.whereClause, scope);
    this.subqueries([s.targetList, s.whereClause, s.onConflictClause], scope, ctes);
    const returning = s.returningClause?.exprs ?? s.returningList;
    if (target.kind === 'distributed') {
      this.functions(
        [sets],
        `the SET of ${target.table}`,
        (volatility, onColumns) => volatility === 'v' || (volatility === 's' && onColumns),
      );
      this.functions([s.whereClause], `the WHERE of a change to ${target.table}`, (volatility) => volatility === 'v');
      this.functions([returning], `the RETURNING of ${target.table}`, (volatility) => volatility !== 'i');
    }
    return { terms: [], org: returning ? this.outputOrg(returning, scope) : undefined };
  }

  private inserted(s: Node, target: Entry, scope: Scope, ctes: Map<string, Entry>): void {
    if (target.org === undefined || !target.orgColumn) return;
    const index = (s.cols ?? []).findIndex((col: Node) => col.ResTarget?.name === target.orgColumn);
    if (index < 0) {
      this.problems.push(`inserts into ${target.table} without naming ${target.orgColumn}`);
      return;
    }
    const source = s.selectStmt?.SelectStmt;
    if (source?.valuesLists) {
      for (const row of source.valuesLists) this.terms.union(target.org, this.term(row.List.items[index], scope));
      this.subqueries([source.valuesLists], scope, ctes);
    } else if (source) {
      this.terms.union(target.org, this.select(source, scope.parent, ctes).terms[index]);
    }
  }

  private with(clause: Node | undefined, parent: Scope | undefined, outer: Map<string, Entry>): Map<string, Entry> {
    const ctes = new Map(outer);
    if (clause?.recursive) this.problems.push('uses a recursive CTE');
    for (const { CommonTableExpr: cte } of clause?.ctes ?? []) {
      const output = this.statement(cte.ctequery, parent, ctes);
      ctes.set(cte.ctename, { table: cte.ctename, kind: 'derived', org: output.org, orgColumn: 'organization_id' });
    }
    return ctes;
  }

  private from(item: Node, scope: Scope, ctes: Map<string, Entry>): Entry {
    const [key, node] = unwrap(item);
    if (key === 'JoinExpr') {
      this.from(node.larg, scope, ctes);
      const right = this.from(node.rarg, scope, ctes);
      this.conditions(node.quals, scope);
      this.subqueries([node.quals], scope, ctes);
      return right;
    }
    if (key === 'RangeSubselect') {
      const output = this.select(node.subquery.SelectStmt, scope, ctes);
      return this.enter(scope, node.alias?.aliasname, {
        table: '(subquery)',
        kind: 'derived',
        org: output.org,
        orgColumn: 'organization_id',
      });
    }
    if (key !== 'RangeVar') return this.enter(scope, node?.alias?.aliasname, { table: `(${key})`, kind: 'derived' });
    const name: string = node.relname;
    const alias: string = node.alias?.aliasname ?? name;
    const cte = ctes.get(name);
    if (cte) return this.enter(scope, alias, cte);
    if (this.rowSources.has(name))
      return this.enter(scope, alias, { table: name, kind: 'rows', org: this.terms.row(), orgColumn: 'organization_id' });
    if (isCatalog(node.schemaname, name)) {
      this.tables.set(`${node.schemaname ?? 'pg_catalog'}.${name}`, 'local');
      return this.enter(scope, alias, { table: name, kind: 'local' });
    }
    const kind = TABLE_KINDS[name];
    if (!kind) this.problems.push(`unknown table ${name}: classify it in TABLE_KINDS`);
    this.tables.set(name, kind ?? 'local');
    const orgColumn = orgColumnOf(name);
    const entry: Entry = { table: name, kind: kind ?? 'local', orgColumn, org: orgColumn ? this.terms.column() : undefined };
    if (kind === 'distributed' && entry.org !== undefined)
      this.mustBind.push({ label: alias === name ? name : `${name} ${alias}`, term: entry.org });
    return this.enter(scope, alias, entry);
  }

  private enter(scope: Scope, alias: string | undefined, entry: Entry): Entry {
    scope.entries.set(alias ?? entry.table, entry);
    return entry;
  }

  /** The organization term of a column reference or a value; undefined for anything else. */
  private term(expr: Node | undefined, scope: Scope): number | undefined {
    const [key, node] = unwrap(expr);
    if (key === 'TypeCast') return this.term(node.arg, scope);
    if (key === 'ParamRef') return this.terms.param(node.number);
    if (key === 'A_Const') return node.isnull ? this.terms.none() : this.terms.literal(constantOf(node));
    if (key !== 'ColumnRef') return undefined;
    const fields = names(node.fields);
    const column = fields[fields.length - 1];
    for (let level: Scope | undefined = scope; level; level = level.parent) {
      if (fields.length >= 2) {
        const entry = level.entries.get(fields[fields.length - 2]);
        if (entry) return entry.orgColumn === column ? entry.org : undefined;
        continue;
      }
      const candidates = [...level.entries.values()].filter((entry) => entry.orgColumn === column && entry.org !== undefined);
      if (candidates.length === 1) return candidates[0].org;
      if (candidates.length > 1) return undefined;
    }
    const record = fields.length === 2 && this.rowSources.has(fields[0]);
    return record && column === 'organization_id' ? this.terms.row() : undefined;
  }

  private outputOrg(targets: Node[] | undefined, scope: Scope): number | undefined {
    for (const target of targets ?? []) {
      const { name, val } = target.ResTarget ?? {};
      const fields = val?.ColumnRef ? names(val.ColumnRef.fields) : [];
      if (fields.at(-1) === '*') {
        const entries = fields.length === 2 ? [scope.entries.get(fields[0])] : [...scope.entries.values()];
        const org = entries.find((entry) => entry?.org !== undefined)?.org;
        if (org !== undefined) return org;
      } else if ((name ?? fields.at(-1)) === 'organization_id') return this.term(val, scope);
    }
    return undefined;
  }

  /** Equalities among the AND-ed conditions (not under OR or NOT). */
  private conditions(expr: Node | undefined, scope: Scope): void {
    const [key, node] = unwrap(expr);
    if (key === 'BoolExpr' && node.boolop === 'AND_EXPR') node.args.forEach((arg: Node) => this.conditions(arg, scope));
    if (key !== 'A_Expr' || names(node.name)[0] !== '=') return;
    if (node.kind === 'AEXPR_OP') {
      const [left, right] = [node.lexpr, node.rexpr];
      if (left.RowExpr && right.RowExpr)
        left.RowExpr.args.forEach((arg: Node, i: number) =>
          this.terms.union(this.term(arg, scope), this.term(right.RowExpr.args[i], scope)),
        );
      else this.terms.union(this.term(left, scope), this.term(right, scope));
    } else if (node.kind === 'AEXPR_IN') {
      const items: Node[] = node.rexpr.List?.items ?? [];
      const positions: Node[] = node.lexpr.RowExpr ? node.lexpr.RowExpr.args : [node.lexpr];
      positions.forEach((position, i) =>
        this.terms.unionIfOneValue(
          this.term(position, scope),
          items.map((item) => this.term(node.lexpr.RowExpr ? item.RowExpr?.args[i] : item, scope)),
        ),
      );
    }
  }

  /** Analyses the subqueries inside expressions (`exists (…)`, `x in (select …)`, scalar subqueries). */
  private subqueries(trees: unknown[], scope: Scope, ctes: Map<string, Entry>): void {
    for (const sublink of subLinks(trees)) {
      const output = this.select(sublink.subselect.SelectStmt, scope, ctes);
      if (sublink.subLinkType === 'ANY_SUBLINK' && sublink.testexpr) this.terms.union(this.term(sublink.testexpr, scope), output.terms[0]);
    }
  }

  /** Citus evaluates a modification's functions once, on the coordinator: `refused` says which it cannot. */
  private functions(trees: unknown[], where: string, refused: (volatility: Volatility, onColumns: boolean) => boolean): void {
    for (const { name, onColumns } of functionCalls(trees)) {
      const volatility = this.volatility[name] ?? 'v';
      if (refused(volatility, onColumns)) this.problems.push(`calls ${name}() (${volatility === 'v' ? 'volatile' : 'stable'}) in ${where}`);
    }
  }

  verdict(): Verdict {
    const tables = [...this.tables.keys()].sort();
    const kinds = new Set(this.tables.values());
    if (kinds.has('local') && kinds.size > 1) this.problems.push('joins a coordinator-local table with distributed or reference tables');
    const values = new Set<string>();
    for (const { label, term } of this.mustBind) {
      const bound = this.terms.valuesOf(term);
      if (bound.length === 0) this.problems.push(`${label} is not restricted to one organization_id`);
      bound.forEach((value) => values.add(value));
    }
    if (values.size > 1) this.problems.push(`reaches several organizations: ${[...values].join(', ')}`);
    if (values.has('NULL')) this.problems.push('has a NULL organization_id (no shard)');
    if (this.problems.length > 0) return { kind: 'violation', tables, problems: this.problems };
    if (this.tables.size === 0) return { kind: 'no-table', tables, problems: [] };
    if (kinds.has('distributed')) return { kind: 'single-shard', tables, problems: [] };
    return { kind: kinds.has('local') ? 'local' : 'reference', tables, problems: [] };
  }
}
