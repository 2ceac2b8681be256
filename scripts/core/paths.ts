import { join } from 'node:path';

/** Every file relay owns inside a project, by name (the contract in shared/design.md). */
export function projectPaths(root: string) {
  const relayDir = join(root, '.agents-os', 'relay');
  return {
    root,
    relayDir,
    epic: join(relayDir, 'epic.yml'),
    attemptLedger: join(relayDir, 'attempt-ledger.yml'),
    schemaDir: join(relayDir, 'schema'),
    backupDir: join(relayDir, 'backup'),
    runLock: join(relayDir, 'run.lock'),
    runLog: join(relayDir, 'run.log'),
    eventLedgerDir: join(root, '.agents-os', 'ledger'),
    agentsDir: join(root, '.agents-os', 'agents'),
    memoryDir: join(root, '.agents-os', 'memory'),
    cacheDir: join(root, '.agents-os', 'cache'),
    epicSnapshot: join(root, '.agents-os', 'cache', 'epic.json'),
    ledgerSnapshot: join(root, '.agents-os', 'cache', 'attempt-ledger.json'),
    progressDir: join(root, 'progress'),
    episodicLedger: join(root, 'progress', 'ledger.jsonl'),
    notes: join(root, 'progress', 'NOTES.md'),
    progressArchive: join(root, 'progress', 'archive'),
    ledgerIndex: join(root, 'progress', 'ledger-index.json'),
    opsKnowledge: join(root, 'docs', 'ops-knowledge'),
    agentsMd: join(root, 'AGENTS.md'),
    config: join(root, '.agents.yml'),
    localConfig: join(root, '.agents.local.yml'),
    gitattributes: join(root, '.gitattributes'),
  };
}
export type ProjectPaths = ReturnType<typeof projectPaths>;

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
