/**
 * Terms that stand for an organization in one statement — the organization_id column of each table occurrence,
 * each parameter or constant it is compared with, the rows a trigger fires on — and the equalities between them
 * (union–find). A term is bound when its class holds a value; the value of a parameter is what was sent for it.
 */
export class OrganizationTerms {
  private readonly parent: number[] = [];
  private readonly values = new Map<number, string>();
  private readonly byValue = new Map<string, number>();

  constructor(private readonly params: (string | null)[]) {}

  /** A new column term (one table occurrence's organization column). */
  column(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }

  /** The term of parameter `$n`: its value when known (equal values are one term), the parameter otherwise. */
  param(n: number): number {
    const value = this.params[n - 1];
    return this.value(value === undefined ? `$${n}` : value === null ? 'NULL' : `'${value}'`);
  }

  /** A constant written in the statement (as `constantOf` prints it: equal to a parameter sent with that value). */
  literal(text: string): number {
    return this.value(text);
  }

  /** A NULL: no organization, hence no shard. */
  none(): number {
    return this.value('NULL');
  }

  /** The organization of the rows a trigger fires on. */
  row(): number {
    return this.value('the triggering rows');
  }

  union(a: number | undefined, b: number | undefined): void {
    if (a === undefined || b === undefined) return;
    this.parent[this.find(a)] = this.find(b);
  }

  /** `t IN (v1, v2, …)`: binds `t` only when every candidate is the same value. */
  unionIfOneValue(term: number | undefined, candidates: (number | undefined)[]): void {
    if (term === undefined || candidates.length === 0) return;
    const values = new Set(candidates.map((candidate) => (candidate === undefined ? undefined : this.values.get(candidate))));
    if (values.size === 1 && !values.has(undefined)) this.union(term, candidates[0]);
  }

  /** The values in the class of `term`. */
  valuesOf(term: number): string[] {
    const root = this.find(term);
    return [...this.values].filter(([other]) => this.find(other) === root).map(([, value]) => value);
  }

  private value(key: string): number {
    const known = this.byValue.get(key);
    if (known !== undefined) return known;
    const term = this.column();
    this.values.set(term, key);
    this.byValue.set(key, term);
    return term;
  }

  private find(term: number): number {
    while (this.parent[term] !== term) {
      this.parent[term] = this.parent[this.parent[term]];
      term = this.parent[term];
    }
    return term;
  }
}
