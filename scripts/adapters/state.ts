/**
 * The single owner of epic and attempt-ledger state. Every mutation of the attempt ledger
 * goes through `mutateLedger`: it validates, locks, writes atomically and records events.
 */
import { existsSync } from 'node:fs';
import { AttemptLedger, type Epic } from '../core/schemas.ts';
import { checkEpic } from '../core/epic.ts';
import { refreshStatuses } from '../core/attempts.ts';
import { RelayError } from '../core/errors.ts';
import type { ProjectPaths } from '../core/paths.ts';
import { z } from 'zod';
import { loadYamlSnapshot, updateYaml } from './documents.ts';
import { appendEvent, type NewEvent } from './event-ledger.ts';

export function loadEpic(paths: ProjectPaths): Epic {
  if (!existsSync(paths.epic)) throw new RelayError(`${paths.epic}: no epic here; create one with: relay init <blueprint.md>`);
  return checkEpic(loadYamlSnapshot(paths.epic, z.unknown(), paths.epicSnapshot), paths.epic);
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

export interface LedgerChange<R> {
  ledger: AttemptLedger;
  result: R;
  events?: NewEvent[];
}

export async function mutateLedger<R>(paths: ProjectPaths, change: (epic: Epic, ledger: AttemptLedger) => LedgerChange<R>): Promise<R> {
  const epic = loadEpic(paths);
  let events: NewEvent[] = [];
  const result = await updateYaml(paths.attemptLedger, AttemptLedger, (current) => {
    checkLedgerMatches(epic, current, paths.attemptLedger);
    const outcome = change(epic, refreshStatuses(epic, current));
    events = outcome.events ?? [];
    return { next: outcome.ledger, result: outcome.result };
  }, paths.ledgerSnapshot);
  for (const event of events) appendEvent(paths.root, event);
  return result;
}
