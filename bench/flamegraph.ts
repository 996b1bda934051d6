/** A V8 `.cpuprofile` (from `node --cpu-prof`) turned into an SVG flame graph and a self-time summary. */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
}

interface Frame {
  name: string;
  category: string;
  self: number;
  total: number;
  children: Frame[];
}

const PALETTE: Record<string, string> = {
  scorekeeper: '#e6550d',
  '@mikro-orm': '#3182bd',
  pg: '#6baed6',
  '@nestjs': '#e7298a',
  fastify: '#31a354',
  'class-validator': '#756bb1',
  'class-transformer': '#9e9ac8',
  pino: '#fdae6b',
  'node core': '#bdbdbd',
  'V8 / GC': '#969696',
};

/** Where a frame's code lives: the package under node_modules, this service, Node itself, or V8. */
export function categoryOf(url: string, functionName: string): string {
  if (url.includes('/dist/src/')) return 'scorekeeper';
  const at = url.lastIndexOf('node_modules/');
  if (at >= 0) {
    const [scope, name] = url.slice(at + 'node_modules/'.length).split('/');
    if (scope === '@mikro-orm' || scope === '@nestjs') return scope;
    if (scope === 'pg-protocol' || scope === 'pg-pool') return 'pg';
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (url.startsWith('node:')) return 'node core';
  if (functionName.startsWith('(')) return functionName === '(idle)' ? 'idle' : 'V8 / GC';
  return url ? 'other' : 'V8 / GC';
}

const label = (node: ProfileNode): string => {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/');
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
};

function tree(profile: CpuProfile): Frame {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const build = (node: ProfileNode): Frame => {
    const children = (node.children ?? []).map((id) => build(byId.get(id)!)).filter((child) => child.total > 0);
    const self = node.hitCount ?? 0;
    return {
      name: label(node),
      category: categoryOf(node.callFrame.url, node.callFrame.functionName),
      self,
      total: self + children.reduce((sum, child) => sum + child.total, 0),
      children: children.sort((a, b) => a.name.localeCompare(b.name)),
    };
  };
  const root = build(profile.nodes[0]);
  // Idle time is the absence of work, and loading the modules at start-up is not serving requests:
  // leaving both out makes every width a share of the time spent on the workload.
  root.children = root.children.filter((child) => child.category !== 'idle' && !child.name.includes('node:internal/main/run_main_module'));
  root.total = root.self + root.children.reduce((sum, child) => sum + child.total, 0);
  return root;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An icicle-style flame graph: callers above callees, widths proportional to CPU samples. */
export function flameGraphSvg(profile: CpuProfile, title: string): string {
  const root = tree(profile);
  const width = 1600;
  const rowHeight = 16;
  const minWidth = 0.5;
  const rects: string[] = [];
  let depthMax = 0;
  const draw = (frame: Frame, x: number, depth: number) => {
    const w = (frame.total / root.total) * width;
    if (w < minWidth) return;
    depthMax = Math.max(depthMax, depth);
    const y = 24 + depth * rowHeight;
    const share = ((frame.total / root.total) * 100).toFixed(1);
    const text = w > 40 ? `<text x="${(x + 3).toFixed(1)}" y="${y + 12}">${escape(frame.name.slice(0, Math.floor(w / 7)))}</text>` : '';
    rects.push(
      `<g><title>${escape(frame.name)} — ${share}% (${frame.category})</title><rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowHeight - 1}" fill="${PALETTE[frame.category] ?? '#fdd0a2'}"/>${text}</g>`,
    );
    let childX = x;
    for (const child of frame.children) {
      draw(child, childX, depth + 1);
      childX += (child.total / root.total) * width;
    }
  };
  draw(root, 0, 0);
  const height = 24 + (depthMax + 1) * rowHeight + 8;
  const legend = Object.entries(PALETTE)
    .map(
      ([name, color], index) =>
        `<rect x="${600 + index * 100}" y="4" width="10" height="10" fill="${color}"/><text x="${614 + index * 100}" y="13">${escape(name)}</text>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="monospace" font-size="11">`,
    `<text x="4" y="13" font-size="12">${escape(title)} (busy samples: ${root.total})</text>${legend}`,
    ...rects,
    '</svg>',
  ].join('\n');
}

export interface ProfileSummary {
  busySamples: number;
  /** Share of busy CPU samples by where the code lives (self time). */
  byCategory: { category: string; percent: number }[];
  /** The functions with the most self time. */
  topFunctions: { name: string; category: string; percent: number }[];
}

export function summarize(profile: CpuProfile, top = 25): ProfileSummary {
  const root = tree(profile);
  const categories = new Map<string, number>();
  const functions = new Map<string, { category: string; self: number }>();
  const walk = (frame: Frame) => {
    categories.set(frame.category, (categories.get(frame.category) ?? 0) + frame.self);
    const entry = functions.get(frame.name) ?? { category: frame.category, self: 0 };
    entry.self += frame.self;
    functions.set(frame.name, entry);
    frame.children.forEach(walk);
  };
  walk(root);
  const percent = (samples: number) => Math.round((samples / root.total) * 1000) / 10;
  return {
    busySamples: root.total,
    byCategory: [...categories]
      .filter(([, samples]) => samples > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([category, samples]) => ({ category, percent: percent(samples) })),
    topFunctions: [...functions]
      .sort((a, b) => b[1].self - a[1].self)
      .slice(0, top)
      .map(([name, entry]) => ({ name, category: entry.category, percent: percent(entry.self) })),
  };
}
