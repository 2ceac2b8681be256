import { join } from 'node:path';

/**
 * Every file relay reads or writes inside a project, by name. No other module joins a path
 * under the project root; docs/architecture.md maps each of these to its one owner.
 */
export function projectPaths(root: string) {
  const relayDir = join(root, '.agents-os', 'relay');
  const cacheDir = join(root, '.agents-os', 'cache');
  const opsKnowledge = join(root, 'docs', 'ops-knowledge');
  return {
    root,
    relayDir,
    epic: join(relayDir, 'epic.yml'),
    attemptLedger: join(relayDir, 'attempt-ledger.yml'),
    schemaDir: join(relayDir, 'schema'),
    backupDir: join(relayDir, 'backup'),
    runLock: join(relayDir, 'run.lock'),
    runLog: join(relayDir, 'run.log'),
    runState: join(relayDir, 'run-state.json'),
    serveInfo: join(relayDir, 'serve.json'),
    // Locks for files outside .agents-os live here, so no lock file appears beside the user's files.
    keyLearningsLock: join(relayDir, 'key-learnings'),
    gitattributesLock: join(relayDir, 'gitattributes'),
    eventLedgerDir: join(root, '.agents-os', 'ledger'),
    agentsDir: join(root, '.agents-os', 'agents'),
    memoryDir: join(root, '.agents-os', 'memory'),
    cacheDir,
    inboxDir: join(root, '.agents-os', 'inbox'),
    cacheIgnore: join(cacheDir, '.gitignore'),
    epicSnapshot: join(cacheDir, 'epic.json'),
    ledgerSnapshot: join(cacheDir, 'attempt-ledger.json'),
    recallCacheDir: join(cacheDir, 'recall'),
    /** The single-file cache of relay before 2026-12; removed when the new one is written. */
    legacyRecallIndex: join(cacheDir, 'recall-index.json'),
    progressDir: join(root, 'progress'),
    episodicLedger: join(root, 'progress', 'ledger.jsonl'),
    notes: join(root, 'progress', 'NOTES.md'),
    progressArchive: join(root, 'progress', 'archive'),
    ledgerIndex: join(root, 'progress', 'ledger-index.json'),
    opsKnowledge,
    learningsArchive: join(opsKnowledge, 'learnings', 'key-learnings-archive.md'),
    learningsProvenance: join(opsKnowledge, 'learnings', 'key-learnings-provenance.md'),
    agentsMd: join(root, 'AGENTS.md'),
    config: join(root, '.agents.yml'),
    localConfig: join(root, '.agents.local.yml'),
    gitattributes: join(root, '.gitattributes'),
    stateIgnore: join(root, '.agents-os', '.gitignore'),
    gitDirPointer: join(root, '.git'),
  };
}
export type ProjectPaths = ReturnType<typeof projectPaths>;

/** Where another agent CLI reads its hooks, under a project or a home folder. */
export function agentHooksFile(base: string, agent: 'codex' | 'gemini' | 'copilot'): string {
  if (agent === 'copilot') return join(base, '.github', 'hooks', 'relay.json');
  return agent === 'codex' ? join(base, '.codex', 'hooks.json') : join(base, '.gemini', 'settings.json');
}

/**
 * Names that become path segments (agent names, slugs) are reduced to a safe alphabet so
 * that nothing from a payload or a title can climb out of its folder.
 */
export function safeSegment(raw: string, fallback = 'unknown', max = 64): string {
  const cleaned = raw
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, max)
    .replace(/[-.]+$/g, '');
  return cleaned || fallback;
}

/** `.agents-os/ledger/<agent>/<YYYY-MM-DD>.jsonl`: one append-only file per agent per UTC day. */
/** The folder whose presence opts a project in to relay's hooks. */
export function agentsOsDir(root: string): string {
  return join(root, '.agents-os');
}

export function eventLedgerFile(root: string, agent: string, day: string): string {
  return join(root, '.agents-os', 'ledger', safeSegment(agent, 'unknown'), `${day}.jsonl`);
}

export function agentStatusFile(root: string, agent: string): string {
  return join(root, '.agents-os', 'agents', safeSegment(agent), 'status.json');
}

/** Named by the day the session started, so the PreCompact snapshot and the final summary are one file. */
export function sessionSummaryFile(root: string, agent: string, day: string, sessionId: string): string {
  return join(root, '.agents-os', 'memory', safeSegment(agent), 'sessions', `${day}-${safeSegment(sessionId)}.md`);
}

/** Where `relay init` keeps the epic it replaced, one folder per replacement. */
export function epicBackupFile(paths: ProjectPaths, stamp: string, name: string): string {
  return join(paths.backupDir, stamp, name);
}

export function schemaFile(schemaDir: string, name: string): string {
  return join(schemaDir, name);
}

/** `ledger-<YYYY>-Q<n>.jsonl` and `NOTES-<YYYY>.md` under progress/archive. */
export function progressArchiveFile(paths: ProjectPaths, name: string): string {
  return join(paths.progressArchive, name);
}
