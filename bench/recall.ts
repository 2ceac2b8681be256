/**
 * `relay recall` over a generated corpus of 10,000 records across every source: episodic
 * ledger (live file and two archives), attempt receipts, ops-knowledge entries and AGENTS.md
 * Key Learnings. Against `grep -ri` over the same files, in the same run:
 * - first query: nothing cached, so it includes reading (and parsing) every source and building the index;
 * - warm query: sources unchanged, index loaded from .agents-os/cache;
 * - after one change: one record appended to progress/ledger.jsonl (incremental rebuild).
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderEntry, entryRelativePath, KB_CATEGORIES } from '../scripts/core/knowledge/kb.ts';
import { projectPaths } from '../scripts/core/shared/paths.ts';
import { serializeYaml } from '../scripts/adapters/documents.ts';
import { recallForTask } from '../scripts/adapters/anchor-context.ts';
import { buildAnchor, MEMORY_BUDGET } from '../scripts/core/epic/anchor.ts';
import { newLedger } from '../scripts/core/epic/attempts.ts';
import { Settings, type Epic } from '../scripts/core/shared/schemas.ts';
import { median } from './lib.ts';
import { ratio, sideBySide, timeCommand, type BenchRow } from './lib.ts';

const RELAY = join(import.meta.dirname, '..', 'dist', 'relay.mjs');
const COUNTS = { episodicLive: 3000, episodicArchived: 3000, receipts: 2000, kb: 1500, learnings: 500 };
const QUERY = 'redis connection timeout checkout';
const GREP_TERM = 'connection timeout';
const RUNS = 7;

const SERVICES = ['api', 'checkout', 'billing', 'search', 'auth', 'ingest', 'mailer', 'gateway'];
const SYMPTOMS = ['connection timeout', 'pool exhausted', 'disk full', 'OOM kill', 'stale cache', 'slow query', 'TLS handshake failure', 'DNS lookup failure', 'deadlock', 'rate limited'];
const SYSTEMS = ['redis', 'postgres', 'kafka', 'nginx', 'kubernetes', 'elasticsearch', 's3', 'rabbitmq'];
const FIXES = ['raised the pool size', 'added an index', 'rotated the certificate', 'increased the memory limit', 'cleared the cache', 'added retries with backoff', 'pinned the client version', 'moved the job off-peak'];

/** A deterministic generator, so every run indexes the same corpus. */
function picker(seed: number) {
  let state = seed;
  return <T>(items: readonly T[]): T => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    // The high bits: an LCG's low bits repeat with a short period, which would correlate the picks.
    return items[(state >>> 16) % items.length]!;
  };
}

function sentence(pick: ReturnType<typeof picker>, i: number): { service: string; system: string; symptom: string; fix: string; text: string } {
  const service = pick(SERVICES);
  const system = pick(SYSTEMS);
  const symptom = pick(SYMPTOMS);
  const fix = pick(FIXES);
  return { service, system, symptom, fix, text: `${service} saw ${system} ${symptom} (case ${i}); ${fix}` };
}

function episodicLines(pick: ReturnType<typeof picker>, from: number, count: number, year: number): string {
  const lines: string[] = [];
  for (let i = from; i < from + count; i++) {
    const s = sentence(pick, i);
    lines.push(JSON.stringify({ id: `rec-${i}`, timestamp: `${year}-03-01T10:00:00Z`, type: 'incident', task_id: `${s.service}-${i}`, severity: 'medium', root_cause: `${s.system} ${s.symptom} in ${s.service}`, fix: s.fix, lesson_learned: `When ${s.service} reports ${s.symptom}, check ${s.system} first` }));
  }
  return `${lines.join('\n')}\n`;
}

function attemptLedger(pick: ReturnType<typeof picker>, count: number): string {
  const attempts: Record<string, unknown[]> = {};
  for (let i = 0; i < count; i++) {
    const s = sentence(pick, i);
    const task = `T${Math.floor(i / 5) + 1}`;
    const failure = i % 5 !== 4;
    (attempts[task] ??= []).push({
      id: (i % 5) + 1, started_at: '2026-05-01T10:00:00.000Z', ended_at: '2026-05-01T10:30:00.000Z', result: failure ? 'failure' : 'success',
      receipt: {
        status: failure ? 'failure' : 'success', summary: failure ? `attempt hit ${s.symptom}` : `fixed: ${s.fix}`, files_changed: [`src/${s.service}/client.ts`],
        pattern_tags: [s.system, s.service], quality_gate_findings: [],
        ...(failure ? { error_category: 'test_failure', error_summary: `${s.system} ${s.symptom} in ${s.service}.test.ts:${i}` } : {}),
        learning: `Mock ${s.system} in ${s.service} tests to avoid ${s.symptom}`,
      },
    });
  }
  return serializeYaml({ version: 1, epic_id: 'bench', started_at: '2026-05-01T10:00:00.000Z', attempts, promoted_learnings: [] });
}

function kbEntry(pick: ReturnType<typeof picker>, i: number): { rel: string; text: string } {
  const s = sentence(pick, i);
  const entry = { category: KB_CATEGORIES[i % KB_CATEGORIES.length]!, title: `${s.system} ${s.symptom} in ${s.service} ${i}`, severity: 'medium' as const, services: [s.service], tags: [s.system], date: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) };
  const text = renderEntry(entry)
    .replace(/## Root cause analysis\n.*\n/, `## Root cause analysis\n${s.text}.\n`)
    .replace(/## Resolution steps\n.*\n/, `## Resolution steps\n1. We ${s.fix}.\n`);
  return { rel: entryRelativePath(entry), text };
}

export function generateCorpus(): string {
  const root = mkdtempSync(join(tmpdir(), 'relay-bench-recall-'));
  const paths = projectPaths(root);
  const pick = picker(42);
  mkdirSync(paths.progressArchive, { recursive: true });
  const half = COUNTS.episodicArchived / 2;
  writeFileSync(join(paths.progressArchive, 'ledger-2025-Q3.jsonl'), episodicLines(pick, 0, half, 2025));
  writeFileSync(join(paths.progressArchive, 'ledger-2025-Q4.jsonl'), episodicLines(pick, half, half, 2025));
  writeFileSync(paths.episodicLedger, episodicLines(pick, COUNTS.episodicArchived, COUNTS.episodicLive, 2026));
  mkdirSync(paths.relayDir, { recursive: true });
  writeFileSync(paths.attemptLedger, attemptLedger(pick, COUNTS.receipts));
  for (let i = 0; i < COUNTS.kb; i++) {
    const { rel, text } = kbEntry(pick, i);
    mkdirSync(join(paths.opsKnowledge, rel, '..'), { recursive: true });
    writeFileSync(join(paths.opsKnowledge, rel), text);
  }
  const lessons = Array.from({ length: COUNTS.learnings }, (_, i) => {
    const s = sentence(pick, i);
    return `- Check ${s.system} before blaming ${s.service} for ${s.symptom} (${i}) _(recommend: seen 3 times, last seen 2026-05-01; tags: ${s.system})_`;
  });
  writeFileSync(paths.agentsMd, `# Agents\n\n## Key Learnings\n\n${lessons.join('\n')}\n`);
  return root;
}

/** What recalled memory adds to a worker's brief, over tasks that each match the corpus: the anchor with memories against the same anchor without. */
async function memoryChars(root: string): Promise<{ median: number; max: number; tasks: number }> {
  const tasks = Object.fromEntries(SERVICES.flatMap((service, i) => SYMPTOMS.slice(0, 3).map((symptom, j) => [`T${i * 3 + j + 1}`, {
    title: `Fix ${symptom} in ${service}`, priority: 'p1', points: 1, files: [`src/${service}/client.ts`], depends_on: [], acceptance_criteria: [`no ${symptom} under load`],
  }]))) as Epic['tasks'];
  const epic: Epic = { version: 1, id: 'bench', source: 'plan.md', created_at: '2026-05-01T10:00:00.000Z', title: 'Reliability', description: '', tasks };
  const ledger = newLedger(epic, Settings.parse({}), '2026-05-01T10:00:00.000Z');
  const added: number[] = [];
  for (const taskId of Object.keys(tasks)) {
    const memories = await recallForTask(projectPaths(root), epic, ledger, taskId);
    added.push(buildAnchor({ epic, ledger, taskId, git: null, memories }).length - buildAnchor({ epic, ledger, taskId, git: null }).length);
  }
  return { median: median(added), max: Math.max(...added), tasks: added.length };
}

export async function run(): Promise<BenchRow[]> {
  const root = generateCorpus();
  const paths = projectPaths(root);
  const records = Object.values(COUNTS).reduce((a, b) => a + b, 0);
  const env = { ...process.env, RELAY_PROJECT_DIR: root, NO_COLOR: '1' };
  const recallArgs = [RELAY, 'recall', QUERY, '--json', '--limit', '10'];
  const recall = () => {
    const t = timeCommand(process.execPath, recallArgs, { env });
    if (t.status !== 0) throw new Error(`relay recall failed: ${t.stderr}`);
    return t;
  };
  // The same files recall reads; grep scans them in full every time, which is what it is for.
  const grep = () => timeCommand('grep', ['-ri', '--', GREP_TERM, 'progress', '.agents-os/relay/attempt-ledger.yml', 'docs/ops-knowledge', 'AGENTS.md'], { cwd: root }).ms;
  let peakRssKb = 0;
  const cold = () => {
    // Nothing cached at all: neither recall's index nor relay's JSON snapshot of the attempt ledger.
    rmSync(paths.cacheDir, { recursive: true, force: true });
    const t = recall();
    peakRssKb = Math.max(peakRssKb, t.maxRssKb);
    return t.ms;
  };

  const node = () => timeCommand(process.execPath, ['-e', '0']).ms;
  const first = sideBySide(cold, grep, 3, 1);
  // The snapshot relay keeps of attempt-ledger.yml whenever it reads it (relay status, relay work): the usual first query.
  const firstWithSnapshot = sideBySide(() => {
    rmSync(paths.recallCacheDir, { recursive: true, force: true });
    return recall().ms;
  }, node, 3, 1);
  const warm = sideBySide(() => recall().ms, grep, RUNS);
  const warmVsNode = sideBySide(() => recall().ms, node, RUNS);
  const indexKb = Math.round(statSync(join(paths.recallCacheDir, 'index.v8')).size / 1024);
  const warmResult = recall();
  const top = JSON.parse(warmResult.stdout).results[0];
  let appended = 0;
  const modes = new Set<string>();
  const changed = sideBySide(() => {
    appendFileSync(paths.episodicLedger, episodicLines(picker(appended + 7), 100_000 + appended++, 1, 2026));
    const t = recall();
    modes.add(JSON.parse(t.stdout).index.mode);
    return t.ms;
  }, grep, 3, 1);
  const memory = await memoryChars(root);
  rmSync(root, { recursive: true, force: true });

  const row = (name: string, value: number, baseline: number, notes: string): BenchRow => ({
    name, command: `relay recall "${QUERY}" --json (10,000 records) vs grep -ri "${GREP_TERM}"`,
    value: Math.round(value), baseline: Math.round(baseline), baselineLabel: 'grep -ri, same files', unit: 'ms', ratio: ratio(value, baseline), notes,
  });
  return [
    row('recall: first query (builds the index)', first.subject, first.baseline, `${records} records; median of 3; nothing cached, not even relay's JSON snapshot of attempt-ledger.yml; peak RSS ${Math.round(peakRssKb / 1024)} MiB`),
    {
      name: 'recall: first query, attempt-ledger snapshot present', command: 'same, only .agents-os/cache/recall removed', value: Math.round(firstWithSnapshot.subject), baseline: Math.round(firstWithSnapshot.baseline),
      baselineLabel: 'node -e 0', unit: 'ms', ratio: ratio(firstWithSnapshot.subject, firstWithSnapshot.baseline), goal: '< 1 s', notes: 'the usual first query: relay status or relay work has read the attempt ledger on this machine before',
    },
    row('recall: warm query (cached index)', warm.subject, warm.baseline, `median of ${RUNS}; ranked top 10 (grep prints every matching line, unranked); top hit ${top?.source} ${top?.link}`),
    {
      name: 'recall: warm query vs node -e 0', command: 'same', value: Math.round(warmVsNode.subject), baseline: Math.round(warmVsNode.baseline), baselineLabel: 'node -e 0', unit: 'ms',
      ratio: ratio(warmVsNode.subject, warmVsNode.baseline), goal: '≤ 2.5×', notes: `median of ${RUNS}, interleaved; reads index.v8 (${indexKb} KB) and the ten hits' documents; stats every source file`,
    },
    row('recall: after one source changed', changed.subject, changed.baseline, `one record appended to progress/ledger.jsonl; index ${[...modes].join('/')}`),
    { name: 'recall: warm vs first query', command: 'same corpus', value: Math.round(warm.subject), baseline: Math.round(first.subject), baselineLabel: 'first query', unit: 'ms', ratio: ratio(warm.subject, first.subject) },
    {
      name: 'anchor: characters of recalled memory per worker prompt (median)', command: 'npm run bench -- recall', value: memory.median, baseline: MEMORY_BUDGET, baselineLabel: 'the memory budget', unit: 'chars', ratio: ratio(memory.median, MEMORY_BUDGET),
      goal: '≤ 1×', notes: `${memory.tasks} tasks matching the corpus; the most any prompt got: ${memory.max} chars; memories the brief already tells are left out`,
    },
  ];
}
