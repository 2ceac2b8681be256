/**
 * Owner of epic.yml, attempt-ledger.yml, their cache snapshots and the epic backups. Every
 * change goes through one of the named verbs below, each of which validates, locks the
 * ledger, writes atomically and then appends the events the change produced.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { AttemptLedger, type Epic, type GateReason, type Settings } from '../core/shared/schemas.ts';
import { checkEpic } from '../core/epic/epic.ts';
import { closeAbandonedAttempts, finishAttempt, gateTask, refreshStatuses, startAttempt, ungateTask, type AttemptOutcome } from '../core/epic/attempts.ts';
import { attemptEndEvents, attemptStartEvent, recoveryEvents } from '../core/epic/attempt-flow.ts';
import { RelayError } from '../core/shared/errors.ts';
import { yamlLocator } from '../core/shared/yaml-strict.ts';
import { epicBackupFile, type ProjectPaths } from '../core/shared/paths.ts';
import type { NewEventLine } from '../core/events/events.ts';
import { loadYamlIfExists, loadYamlSnapshot, updateYaml, writeYaml } from './documents.ts';
import { appendEvent } from './event-ledger.ts';
import { withLock, writeFileAtomic } from './store.ts';

const EPIC_HEADER = ' yaml-language-server: $schema=./schema/epic.schema.json\n Written by relay init; edit freely, then check with: relay init --dry-run <this file>';
const LEDGER_HEADER = ' yaml-language-server: $schema=./schema/attempt-ledger.schema.json\n Owned by relay: change it with relay commands (gate, ungate, work), not by hand.';

export function loadEpic(paths: ProjectPaths): Epic {
  if (!existsSync(paths.epic)) throw new RelayError(`${paths.epic}: no epic here; create one with: relay init <blueprint.md>`);
  const value = loadYamlSnapshot(paths.epic, z.unknown(), paths.epicSnapshot);
  try {
    return checkEpic(value, paths.epic);
  } catch (err) {
    // A hand edit went wrong: say it again, with the line of every problem.
    if (!(err instanceof RelayError)) throw err;
    return checkEpic(value, paths.epic, yamlLocator(readFileSync(paths.epic, 'utf8')));
  }
}

function checkLedgerMatches(epic: Epic, ledger: AttemptLedger, file: string): void {
  if (ledger.epic_id !== epic.id) throw new RelayError(`${file}: epic_id: "${ledger.epic_id}" does not match epic.yml id "${epic.id}"; re-run relay init`);
}

/** Epic and ledger as they stand, with blocked/pending re-derived from the epic's graph. */
export function loadState(paths: ProjectPaths): { epic: Epic; ledger: AttemptLedger } {
  const epic = loadEpic(paths);
  if (!existsSync(paths.attemptLedger)) throw new RelayError(`${paths.attemptLedger}: file not found; re-run relay init`);
  const ledger = loadYamlSnapshot(paths.attemptLedger, AttemptLedger, paths.ledgerSnapshot);
  checkLedgerMatches(epic, ledger, paths.attemptLedger);
  return { epic, ledger: refreshStatuses(epic, ledger) };
}

interface LedgerChange<R> {
  ledger: AttemptLedger;
  result: R;
  events?: NewEventLine[];
}

async function mutateLedger<R>(paths: ProjectPaths, change: (epic: Epic, ledger: AttemptLedger) => LedgerChange<R>): Promise<R> {
  const epic = loadEpic(paths);
  let events: NewEventLine[] = [];
  const result = await updateYaml(paths.attemptLedger, AttemptLedger, (current) => {
    checkLedgerMatches(epic, current, paths.attemptLedger);
    const outcome = change(epic, refreshStatuses(epic, current));
    events = outcome.events ?? [];
    return { next: outcome.ledger, result: outcome.result };
  }, paths.ledgerSnapshot);
  for (const event of events) appendEvent(paths.root, event);
  return result;
}

/**
 * `relay init`: writes a new epic and a fresh ledger, backing up the ones it replaces.
 * Refuses to replace an epic that has recorded attempts unless `force`.
 */
export async function createEpic(paths: ProjectPaths, epic: Epic, ledger: AttemptLedger, opts: { force?: boolean; stamp: string }): Promise<void> {
  await withLock(paths.attemptLedger, () => {
    const old = loadYamlIfExists(paths.attemptLedger, AttemptLedger);
    const attemptCount = old ? Object.values(old.attempts).reduce((n, list) => n + list.length, 0) : 0;
    if (attemptCount > 0 && !opts.force) {
      throw new RelayError(`${paths.attemptLedger}: the current epic has ${attemptCount} recorded attempts; pass --force to replace it (the old files are backed up)`);
    }
    for (const file of [paths.epic, paths.attemptLedger]) {
      if (existsSync(file)) writeFileAtomic(epicBackupFile(paths, opts.stamp, basename(file)), readFileSync(file));
    }
    writeYaml(paths.epic, epic, EPIC_HEADER, paths.epicSnapshot);
    writeYaml(paths.attemptLedger, ledger, LEDGER_HEADER, paths.ledgerSnapshot);
    writeFileAtomic(paths.cacheIgnore, '# derived data, rebuilt on demand\n*\n');
  });
}

/**
 * `relay init --update`: `merge` turns the epic and ledger as they stand into the new pair and
 * the changes it made; both files are backed up, then rewritten, under the ledger lock.
 */
export async function updateEpic(paths: ProjectPaths, merge: (epic: Epic, ledger: AttemptLedger) => { epic: Epic; ledger: AttemptLedger; changes: string[] }): Promise<string[]> {
  return withLock(paths.attemptLedger, () => {
    const { epic, ledger } = loadState(paths);
    const next = merge(epic, ledger);
    if (!next.changes.length) return [];
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    for (const file of [paths.epic, paths.attemptLedger]) writeFileAtomic(epicBackupFile(paths, stamp, basename(file)), readFileSync(file));
    writeYaml(paths.epic, next.epic, EPIC_HEADER, paths.epicSnapshot);
    writeYaml(paths.attemptLedger, next.ledger, LEDGER_HEADER, paths.ledgerSnapshot);
    return next.changes;
  });
}

/** Attempts a dead run left in_progress become `interrupted`; returns their refs (T1#2). */
export function recoverAbandonedAttempts(paths: ProjectPaths): Promise<string[]> {
  return mutateLedger(paths, (epic, ledger) => {
    const { ledger: next, closed } = closeAbandonedAttempts(epic, ledger, new Date().toISOString());
    return { ledger: next, result: closed, events: recoveryEvents(closed) };
  });
}

export function recordAttemptStart(paths: ProjectPaths, taskId: string, startCommit: string | null, recalled: string[]) {
  return mutateLedger(paths, (epic, ledger) => {
    const started = startAttempt(epic, ledger, taskId, new Date().toISOString(), startCommit, recalled);
    return { ledger: started.ledger, result: started.attempt, events: [attemptStartEvent(taskId, epic.tasks[taskId]!, started.attempt.id, startCommit)] };
  });
}

/**
 * Records the outcome and gates the task when `settings` (this run's) say so; the stored settings
 * stay. Returns the task's status and gate, and the ledger as written.
 */
export function recordAttemptEnd(paths: ProjectPaths, taskId: string, attemptId: number, outcome: AttemptOutcome, settings: Settings) {
  return mutateLedger(paths, (epic, ledger) => {
    const next = { ...finishAttempt(epic, { ...ledger, settings }, taskId, attemptId, outcome, new Date().toISOString()), settings: ledger.settings };
    const status = next.task_status[taskId]!;
    const gate = next.gated_tasks[taskId]?.reason;
    return { ledger: next, result: { status, gate, ledger: next }, events: attemptEndEvents(taskId, attemptId, outcome, status, gate) };
  });
}

export function gateTaskByUser(paths: ProjectPaths, taskId: string, reason: string): Promise<void> {
  const gate: GateReason = 'user_blocked';
  return mutateLedger(paths, (epic, ledger) => ({
    ledger: gateTask(epic, ledger, taskId, gate, reason, new Date().toISOString()),
    result: undefined,
    events: [{ agent: 'relay', event: 'task_result', task_id: taskId, source: 'relay gate', summary: `${taskId} gated by user: ${reason}`, data: { action: 'gate', reason: gate, detail: reason } }],
  }));
}

/** Returns the task's status once the gate is lifted. */
export function ungateTaskByUser(paths: ProjectPaths, taskId: string) {
  return mutateLedger(paths, (epic, ledger) => {
    const previous = ledger.gated_tasks[taskId];
    const next = ungateTask(epic, ledger, taskId, new Date().toISOString());
    return {
      ledger: next,
      result: next.task_status[taskId],
      events: [{ agent: 'relay', event: 'task_result', task_id: taskId, source: 'relay ungate', summary: `${taskId} ungated (was ${previous?.reason})`, data: { action: 'ungate', previous_reason: previous?.reason } }],
    };
  });
}

/** Receipt refs (T3#2) now counted in AGENTS.md, so no later promotion counts them again. */
export function consumeLearnings(paths: ProjectPaths, refs: string[]): Promise<void> {
  return mutateLedger(paths, (_epic, ledger) => {
    const known = new Set(ledger.promoted_learnings);
    return { ledger: { ...ledger, promoted_learnings: [...ledger.promoted_learnings, ...refs.filter((r) => !known.has(r))] }, result: undefined };
  });
}

/** The ledger alone, for readers that do not need the epic (learnings). */
export function loadLedgerIfExists(paths: ProjectPaths): AttemptLedger | undefined {
  return loadYamlIfExists(paths.attemptLedger, AttemptLedger);
}
