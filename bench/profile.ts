import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CpuProfile, flameGraphSvg, summarize } from './flamegraph.ts';
import { type Schedule, hammer } from './load.ts';
import { startService, stop } from './processes.ts';
import type { Workload, WorkloadContext } from './workloads.ts';

const RAW_DIR = fileURLToPath(new URL('.tmp/profiles/', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('results/profiles/', import.meta.url));

function summaryMarkdown(workload: Workload, profile: CpuProfile, rps: number): string {
  const summary = summarize(profile);
  return [
    `# CPU profile: ${workload.title}`,
    '',
    `Service on PostgreSQL under the workload's load (${rps} req/s while profiled, \`--cpu-prof\` on), ${summary.busySamples} busy samples.`,
    `Flame graph: [${workload.name}.svg](${workload.name}.svg).`,
    '',
    '## Self time by where the code lives',
    '',
    '| code | share of busy samples |',
    '|---|---:|',
    ...summary.byCategory.map((row) => `| ${row.category} | ${row.percent}% |`),
    '',
    '## Functions with the most self time',
    '',
    '| function | code | share |',
    '|---|---|---:|',
    ...summary.topFunctions.map((row) => `| \`${row.name.replace(/\|/g, '\\|')}\` | ${row.category} | ${row.percent}% |`),
    '',
  ].join('\n');
}

/**
 * One service process per workload, started with `--cpu-prof`: warm-up and one measured round, then
 * SIGTERM writes the profile; a flame graph (SVG) and a self-time summary go to `results/profiles/`.
 */
export async function profileWorkloads(
  databaseUrl: string,
  context: WorkloadContext,
  workloads: Workload[],
  schedule: Schedule,
  log: (line: string) => void,
): Promise<void> {
  mkdirSync(RAW_DIR, { recursive: true });
  mkdirSync(OUT_DIR, { recursive: true });
  for (const workload of workloads) {
    const file = `${workload.name}.cpuprofile`;
    const service = await startService({
      databaseUrl,
      nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${RAW_DIR}`, `--cpu-prof-name=${file}`],
    });
    const target = { name: 'service', url: service.url, pid: service.child.pid!, context };
    await hammer(target, workload, schedule.warmupSeconds, schedule.connections);
    const round = await hammer(target, workload, Math.max(schedule.seconds, 10), schedule.connections);
    await stop(service);
    const profile = JSON.parse(readFileSync(`${RAW_DIR}${file}`, 'utf8')) as CpuProfile;
    writeFileSync(`${OUT_DIR}${workload.name}.svg`, flameGraphSvg(profile, `${workload.title}: ${round.rps} req/s`));
    writeFileSync(`${OUT_DIR}${workload.name}.md`, summaryMarkdown(workload, profile, round.rps));
    log(`  ${workload.name}: ${round.rps} req/s under the profiler → bench/results/profiles/${workload.name}.{svg,md}`);
  }
}
