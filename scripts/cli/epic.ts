import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseBlueprint } from '../core/blueprint.ts';
import { checkEpic, epicFromBlueprint, epicId } from '../core/epic.ts';
import { gateTask, newLedger, ungateTask } from '../core/attempts.ts';
import { RelayError } from '../core/errors.ts';
import { jsonSchemas } from '../core/json-schemas.ts';
import { AttemptLedger, type Epic } from '../core/schemas.ts';
import { resolveSettings, type SettingsOverrides } from '../core/settings.ts';
import { buildStatus, renderStatus, type RunInfo } from '../core/status.ts';
import type { ProjectPaths } from '../core/paths.ts';
import { loadRelayConfig } from '../adapters/config.ts';
import { loadYamlIfExists, parseYamlText, writeYaml } from '../adapters/documents.ts';
import { currentProject } from '../adapters/project.ts';
import { loadState, mutateLedger } from '../adapters/state.ts';
import { isAlive, readPidLock, readRange, readTextBounded, withLock, writeFileAtomic } from '../adapters/store.ts';
import { painter, printJson, terminalWidth } from './output.ts';

const UNION_MERGE_LINES = ['.agents-os/ledger/**/*.jsonl merge=union', 'progress/ledger.jsonl merge=union'];

export function writeSchemas(paths: ProjectPaths): string[] {
  return Object.entries(jsonSchemas()).map(([name, schema]) => {
    const file = join(paths.schemaDir, name);
    writeFileAtomic(file, `${JSON.stringify(schema, null, 2)}\n`);
    return file;
  });
}

/** Lets git union-merge the append-only ledgers, so parallel branches never conflict on them. */
function ensureUnionMerge(paths: ProjectPaths): boolean {
  const current = existsSync(paths.gitattributes) ? readFileSync(paths.gitattributes, 'utf8') : '';
  const missing = UNION_MERGE_LINES.filter((l) => !current.split('\n').includes(l));
  if (!missing.length) return false;
  const sep = current && !current.endsWith('\n') ? '\n' : '';
  writeFileAtomic(paths.gitattributes, `${current}${sep}# relay: append-only ledgers merge line by line; readers dedupe by event id\n${missing.join('\n')}\n`);
  return true;
}

function readEpicSource(file: string, createdAt: string): Epic {
  let text: string;
  try {
    text = readTextBounded(file, 4_000_000);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new RelayError(code === 'EFBIG' ? (err as Error).message : `${file}: ${code === 'ENOENT' ? 'file not found' : `cannot read (${code})`}`);
  }
  if (/\.ya?ml$/i.test(file)) return checkEpic(parseYamlText(text, file), file);
  const bp = parseBlueprint(text, file);
  return epicFromBlueprint(bp, { id: epicId(bp.title, createdAt), source: file, createdAt }, file);
}

export interface InitOptions extends SettingsOverrides {
  force?: boolean;
  dryRun?: boolean;
}

export async function initCommand(source: string, opts: InitOptions): Promise<void> {
  const paths = currentProject();
  const createdAt = new Date().toISOString();
  const sourceFile = relative(paths.root, resolve(source)) || source;
  const epic = readEpicSource(source, createdAt);
  const settings = resolveSettings(loadRelayConfig(paths), opts);
  const tasks = Object.values(epic.tasks);
  const summary = `${tasks.length} tasks, ${tasks.reduce((s, t) => s + t.points, 0)} points`;
  if (opts.dryRun) {
    process.stdout.write(`${source}: valid — ${summary}\n`);
    return;
  }
  await withLock(paths.attemptLedger, () => {
    const old = loadYamlIfExists(paths.attemptLedger, AttemptLedger);
    const attemptCount = old ? Object.values(old.attempts).reduce((n, list) => n + list.length, 0) : 0;
    if (attemptCount > 0 && !opts.force) {
      throw new RelayError(`${paths.attemptLedger}: the current epic has ${attemptCount} recorded attempts; pass --force to replace it (the old files are backed up)`);
    }
    if (old || existsSync(paths.epic)) {
      const stamp = createdAt.replace(/[:.]/g, '-');
      for (const file of [paths.epic, paths.attemptLedger]) {
        if (existsSync(file)) {
          writeFileAtomic(join(paths.backupDir, stamp, basename(file)), readFileSync(file));
        }
      }
    }
    writeSchemas(paths);
    const fromYaml = /\.ya?ml$/i.test(source);
    const stored: Epic = fromYaml ? epic : { ...epic, source: sourceFile };
    writeYaml(paths.epic, stored, ' yaml-language-server: $schema=./schema/epic.schema.json\n Written by relay init; edit freely, then check with: relay init --dry-run <this file>', paths.epicSnapshot);
    writeYaml(paths.attemptLedger, newLedger(stored, settings, createdAt), ' yaml-language-server: $schema=./schema/attempt-ledger.schema.json\n Owned by relay: change it with relay commands (gate, ungate, work), not by hand.', paths.ledgerSnapshot);
    writeFileAtomic(join(paths.cacheDir, '.gitignore'), '# derived data, rebuilt on demand\n*\n');
  });
  const merged = ensureUnionMerge(paths);
  process.stdout.write(
    `relay: wrote ${relative(process.cwd(), paths.epic)} (${epic.title}: ${summary})\n` +
      `relay: wrote ${relative(process.cwd(), paths.attemptLedger)} (max ${settings.max_attempts_per_task} attempts, ${settings.timeout_minutes} min timeout, review ${settings.review.enabled ? settings.review.provider : 'off'})\n` +
      (merged ? `relay: added union-merge rules for the ledgers to .gitattributes\n` : ''),
  );
}

const RUN_LOG_TAIL_BYTES = 8192;

function runInfo(paths: ProjectPaths): RunInfo | null {
  const pid = readPidLock(paths.runLock);
  if (!existsSync(paths.runLog) && pid === undefined) return null;
  let lastLines: string[] = [];
  try {
    // Only the end of the log matters, however long the run has been going.
    const size = statSync(paths.runLog).size;
    const tail = readRange(paths.runLog, Math.max(0, size - RUN_LOG_TAIL_BYTES), size, RUN_LOG_TAIL_BYTES).toString('utf8');
    lastLines = tail.trimEnd().split('\n').slice(-5);
  } catch {
    lastLines = [];
  }
  const running = pid !== undefined && isAlive(pid);
  return { running, pid: running ? pid! : null, log: relative(process.cwd(), paths.runLog) || paths.runLog, last_lines: running ? lastLines : lastLines.slice(-2) };
}

export function statusCommand(opts: { json?: boolean }): void {
  const paths = currentProject();
  const { epic, ledger } = loadState(paths);
  const report = buildStatus(epic, ledger, runInfo(paths));
  if (opts.json) printJson(report);
  else process.stdout.write(`${renderStatus(report, painter(), terminalWidth())}\n`);
}

export async function gateCommand(taskId: string, opts: { reason: string }): Promise<void> {
  const paths = currentProject();
  const now = new Date().toISOString();
  await mutateLedger(paths, (epic, ledger) => ({
    ledger: gateTask(epic, ledger, taskId, 'user_blocked', opts.reason, now),
    result: undefined,
    events: [{ agent: 'relay', event: 'task_result', task_id: taskId, source: 'relay gate', summary: `${taskId} gated by user: ${opts.reason}`, data: { action: 'gate', reason: 'user_blocked', detail: opts.reason } }],
  }));
  process.stdout.write(`relay: ${taskId} gated (user_blocked): ${opts.reason}\n`);
}

export async function ungateCommand(taskId: string): Promise<void> {
  const paths = currentProject();
  const status = await mutateLedger(paths, (epic, ledger) => {
    const previous = ledger.gated_tasks[taskId];
    const next = ungateTask(epic, ledger, taskId);
    return {
      ledger: next,
      result: next.task_status[taskId],
      events: [{ agent: 'relay', event: 'task_result', task_id: taskId, source: 'relay ungate', summary: `${taskId} ungated (was ${previous?.reason})`, data: { action: 'ungate', previous_reason: previous?.reason } }],
    };
  });
  process.stdout.write(`relay: ${taskId} ungated; it is ${status} with a fresh failure streak (history kept)\n`);
}

export function schemaCommand(opts: { out?: string }): void {
  const paths = currentProject();
  const target = opts.out ? { ...paths, schemaDir: resolve(opts.out) } : paths;
  for (const file of writeSchemas(target)) process.stdout.write(`${relative(process.cwd(), file)}\n`);
}
