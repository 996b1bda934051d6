import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { preProcessFile } from 'typescript';

const SOURCE = resolve(__dirname, '..', '..', 'src');

/** Every TypeScript file under `directory`. */
function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The file a relative import names (`./x` → `./x.ts` or `./x/index.ts`); undefined for packages. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(from), specifier);
  return [`${target}.ts`, join(target, 'index.ts'), target].find((path) => existsSync(path) && statSync(path).isFile());
}

/** Import edges between the files of src/ (`import type` included: a cycle of types is a cycle of design). */
function importEdges(): [string, string][] {
  return sourceFiles(SOURCE).flatMap((file) =>
    preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map(({ fileName }) => resolveImport(file, fileName))
      .filter((target): target is string => target !== undefined && target.startsWith(SOURCE + sep))
      .map((target): [string, string] => [relative(SOURCE, file), relative(SOURCE, target)]),
  );
}

/** The folder of src/ a file belongs to (`auth/guards/x.ts` → `auth/`); a file at the root is its own node. */
const folderOf = (file: string): string => (file.includes(sep) ? `${file.split(sep)[0]}/` : file);

/** The strongly connected components of more than one node (Tarjan), each with the edges that close it. */
function cycles(edges: [string, string][]): string[] {
  const graph = new Map<string, Map<string, string>>();
  for (const [from, to, why] of edges.map(([a, b]) => [a, b, `${a} → ${b}`])) {
    if (from === to) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, why);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      component.push(member);
    } while (member !== node);
    if (component.length < 2) return;
    const closing = component.flatMap((from) =>
      [...(graph.get(from) ?? [])].filter(([to]) => component.includes(to)).map(([, why]) => `    ${why}`),
    );
    found.push([`  {${component.sort().join(', ')}}`, ...closing].join('\n'));
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the import graph of src/', () => {
  const edges = importEdges();

  it('is read from the sources (sanity: the application module imports the feature modules)', () => {
    expect(edges).toContainEqual(['app.module.ts', join('auth', 'auth.module.ts')]);
  });

  it('has no cycle between files', () => {
    expect(cycles(edges)).toEqual([]);
  });

  it('has no cycle between folders (a file at the root of src/ counts as its own folder)', () => {
    const betweenFolders = edges.map(([from, to]): [string, string] => [folderOf(from), folderOf(to)]);
    const examples = new Map<string, string>();
    for (const [from, to] of edges) examples.set(`${folderOf(from)} → ${folderOf(to)}`, `${from} → ${to}`);
    const found = cycles(betweenFolders).map((cycle) =>
      cycle.replace(/^ {4}(.+)$/gm, (line, edge: string) => `${line} (e.g. ${examples.get(edge)})`),
    );
    expect(found).toEqual([]);
  });
});
