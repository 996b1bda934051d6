import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** The TypeScript files below `root` (tests excluded), as paths relative to `root`. */
function sourceFiles(root: string, folder = root): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(root, path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts') ? [relative(root, path)] : [];
  });
}

/** The file below `root` a relative specifier names (`./a` → `a.ts` or `a/index.ts`); undefined for packages and files outside. */
function resolved(root: string, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(root, dirname(from), specifier.replace(/\.js$/, ''));
  const file = [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  const path = file && relative(root, file);
  return path && !path.startsWith('..') ? path : undefined;
}

/** Which files each file imports (type-only imports and re-exports included: a reader follows them too). */
export function importGraph(root: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(root)) {
    const imports = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, false).importedFiles;
    graph.set(file, new Set(imports.flatMap(({ fileName }) => resolved(root, file, fileName) ?? [])));
  }
  return graph;
}

/** The same graph between groups of files (`groupOf` names a file's group); edges inside a group are dropped. */
export function groupGraph(graph: Map<string, Set<string>>, groupOf: (file: string) => string): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const [file, imports] of graph) {
    const from = groupOf(file);
    const edges = groups.get(from) ?? new Set<string>();
    groups.set(from, edges);
    for (const target of imports) if (groupOf(target) !== from) edges.add(groupOf(target));
  }
  return groups;
}

/** The strongly connected components of more than one node (Tarjan): each is a set of nodes importing each other in a cycle. */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found.sort((a, b) => a[0].localeCompare(b[0]));
}
