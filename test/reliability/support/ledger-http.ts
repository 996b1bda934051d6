import { keepAlive, send } from './http';
import type { Ledger, Verification } from './ledger';

/**
 * The ledger compared through the API (for the embedded database, which only its server may open):
 * every acknowledged score write is a revision of its score holding what was written, every score's
 * history counts 1..its ETag, every acknowledged health score is there.
 */
export async function verifyOverHttp(baseUrl: string, apiKey: string, scorerId: string, ledger: Ledger): Promise<Verification> {
  const agent = keepAlive(8);
  const get = async (path: string, headers: Record<string, string>) => {
    const res = await send(baseUrl, { method: 'GET', path, headers, agent, timeoutMs: 30_000 });
    if (res.status !== 200 && res.status !== 404) throw new Error(`GET ${path}: ${res.status} ${res.text.slice(0, 200)}`);
    return res;
  };
  const bearer = { Authorization: `Bearer ${apiKey}` };
  const lost: string[] = [];
  let halfWritten = 0;
  try {
    const byScore = new Map<string, { revision?: number; token: string }[]>();
    for (const write of ledger.acknowledged) {
      if (write.kind === 'health') {
        const res = await get(`/v2/scorers/${scorerId}/health-scores?dataset_id=${write.datasetId}`, { 'Galileo-API-Key': apiKey });
        const entries = (res.body?.scores ?? []).filter((entry: { id: string }) => entry.id === write.id);
        if (entries.length !== 1 || entries[0].score !== write.score) lost.push(`health score ${write.datasetId}`);
      } else {
        byScore.set(write.scoreId as string, [...(byScore.get(write.scoreId as string) ?? []), write]);
      }
    }
    for (const [scoreId, writes] of byScore) {
      const score = await get(`/api/scores/${scoreId}/`, bearer);
      if (score.status === 404) {
        lost.push(`score ${scoreId} (${writes.length} writes)`);
        continue;
      }
      const revisions: { revision: number; values: { string_value?: string } }[] = [];
      let count = 0;
      for (let page = 1; page === 1 || revisions.length < count; page++) {
        const history = await get(`/api/scores/${scoreId}/history/?page_size=100&page=${page}`, bearer);
        count = history.body.count;
        revisions.push(...history.body.results);
      }
      const etag = Number(/"(\d+)"/.exec(String(score.headers.etag))?.[1]);
      if (count !== etag || revisions.some((r, i) => r.revision !== i + 1)) halfWritten++;
      for (const write of writes) {
        const revision = revisions.find((r) => r.revision === write.revision);
        if (revision?.values.string_value !== write.token) lost.push(`score ${scoreId} revision ${write.revision}`);
      }
    }
  } finally {
    agent.destroy();
  }
  const duplicated = [...ledger.idempotent].filter(([, ids]) => ids.size > 1).map(([key, ids]) => `${key} answered ${[...ids].join(', ')}`);
  return { checked: ledger.acknowledged.length, lost, halfWritten, duplicated, appliedUnacknowledged: 0 };
}
