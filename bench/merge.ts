/**
 * Team scale on git: a merge of two branches that together carry 10,000 events and 1,000
 * attempts, through relay's merge driver (the attempt ledger merged by meaning, the JSONL by
 * union), against the same merge of the events alone, which is git's own work, measured in
 * the same run.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { stringify } from 'yaml';
import { median, ratio, type BenchRow } from './lib.ts';

const RELAY = join(import.meta.dirname, '..', 'dist', 'relay.mjs');
const TASKS = 1000;
const EVENTS_PER_BRANCH = 5000;
const RUNS = 3;

const git = (root: string, ...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function ledger(attempted: (task: number) => boolean, at: (task: number) => string) {
  const tasks = Array.from({ length: TASKS }, (_, i) => `T${i + 1}`);
  return {
    version: 1, epic_id: 'bench', started_at: '2026-11-01T00:00:00.000Z',
    settings: { max_attempts_per_task: 3, timeout_minutes: 30, review: { enabled: true, provider: 'none' } },
    task_status: Object.fromEntries(tasks.map((t, i) => [t, attempted(i + 1) ? 'completed' : 'pending'])),
    attempts: Object.fromEntries(tasks.filter((_, i) => attempted(i + 1)).map((t, i) => [t, [{
      id: 1, started_at: at(i), ended_at: at(i), result: 'success', fingerprint: null, session_id: `s-${t}`, total_cost_usd: 0.12, num_turns: 9, duration_ms: 61000, flags: [],
      git: { start_commit: 'a'.repeat(40), end_commit: 'b'.repeat(40), files_changed: [`src/${t}.ts`] },
      receipt: { status: 'success', summary: `Implemented ${t} with tests`, files_changed: [`src/${t}.ts`], pattern_tags: ['api'], quality_gate_findings: [], learning: `Task ${t} needed the fixture rebuilt` },
    }]])),
    gated_tasks: {}, streak_start: {}, promoted_learnings: [],
  };
}

function events(file: string, branch: string): void {
  const lines = Array.from({ length: EVENTS_PER_BRANCH }, (_, i) => JSON.stringify({ id: randomUUID(), timestamp: new Date(Date.UTC(2026, 10, 2, 0, 0, i)).toISOString(), agent: 'claude', event: 'tool_use', session_id: `sess-${branch}`, summary: `Bash npm test (${branch} ${i})`, data: { tool: 'Bash', ok: true } }));
  appendFileSync(file, `${lines.join('\n')}\n`);
}

/** A repository with branches a and b off main; with `ledgerToo`, each branch also records 500 attempts. */
function repo(ledgerToo: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'relay-bench-merge-'));
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.email', 'bench@relay.local');
  git(root, 'config', 'user.name', 'bench');
  git(root, 'config', 'merge.relay.driver', `'${process.execPath}' '${RELAY}' merge-driver %O %A %B %P`);
  const ledgerFile = join(root, '.agents-os', 'relay', 'attempt-ledger.yml');
  const eventsFile = join(root, '.agents-os', 'ledger', 'claude', '2026-11-02.jsonl');
  mkdirSync(join(root, '.agents-os', 'relay'), { recursive: true });
  mkdirSync(join(root, '.agents-os', 'ledger', 'claude'), { recursive: true });
  writeFileSync(join(root, '.gitattributes'), '.agents-os/ledger/**/*.jsonl merge=union\n.agents-os/relay/attempt-ledger.yml merge=relay\n');
  writeFileSync(ledgerFile, stringify(ledger(() => false, () => '')));
  writeFileSync(eventsFile, '');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'base');
  for (const [branch, half] of [['a', 0], ['b', 1]] as const) {
    git(root, 'checkout', '-qb', branch, 'main');
    events(eventsFile, branch);
    if (ledgerToo) writeFileSync(ledgerFile, stringify(ledger((t) => (t - 1) % 2 === half, (i) => new Date(Date.UTC(2026, 10, 2 + half, 0, 0, i)).toISOString())));
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', branch);
  }
  git(root, 'checkout', '-q', 'a');
  git(root, 'tag', 'a-start');
  return root;
}

function timeMerge(root: string): number {
  // Back to branch a's own commit: a merge moves the branch.
  git(root, 'reset', '-q', '--hard', 'a-start');
  const started = process.hrtime.bigint();
  git(root, 'merge', '-q', '--no-edit', 'b');
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function run(): Promise<BenchRow[]> {
  const full = repo(true);
  const eventsOnly = repo(false);
  const subject: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    subject.push(timeMerge(full));
    baseline.push(timeMerge(eventsOnly));
  }
  const [s, b] = [median(subject), median(baseline)];
  return [{
    name: `git merge: ${2 * EVENTS_PER_BRANCH} events and ${TASKS} attempts across two branches`,
    command: 'npm run bench -- merge',
    value: Math.round(s),
    baseline: Math.round(b),
    baselineLabel: `the same merge of the ${2 * EVENTS_PER_BRANCH} events alone`,
    unit: 'ms',
    ratio: ratio(s, b),
    notes: 'relay merge-driver on attempt-ledger.yml (about 1 MB of YAML) plus union on the event JSONL',
  }];
}
