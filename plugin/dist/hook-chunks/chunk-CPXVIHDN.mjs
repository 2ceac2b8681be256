import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);

// scripts/core/shared/paths.ts
import { join } from "node:path";
function projectPaths(root) {
  const relayDir = join(root, ".agents-os", "relay");
  const cacheDir = join(root, ".agents-os", "cache");
  const opsKnowledge = join(root, "docs", "ops-knowledge");
  return {
    root,
    relayDir,
    epic: join(relayDir, "epic.yml"),
    attemptLedger: join(relayDir, "attempt-ledger.yml"),
    schemaDir: join(relayDir, "schema"),
    backupDir: join(relayDir, "backup"),
    runLock: join(relayDir, "run.lock"),
    runLog: join(relayDir, "run.log"),
    runState: join(relayDir, "run-state.json"),
    serveInfo: join(relayDir, "serve.json"),
    // Locks for files outside .agents-os live here, so no lock file appears beside the user's files.
    keyLearningsLock: join(relayDir, "key-learnings"),
    gitattributesLock: join(relayDir, "gitattributes"),
    eventLedgerDir: join(root, ".agents-os", "ledger"),
    agentsDir: join(root, ".agents-os", "agents"),
    memoryDir: join(root, ".agents-os", "memory"),
    cacheDir,
    inboxDir: join(root, ".agents-os", "inbox"),
    cacheIgnore: join(cacheDir, ".gitignore"),
    epicSnapshot: join(cacheDir, "epic.json"),
    ledgerSnapshot: join(cacheDir, "attempt-ledger.json"),
    recallCacheDir: join(cacheDir, "recall"),
    /** The single-file cache of relay before 2026-12; removed when the new one is written. */
    legacyRecallIndex: join(cacheDir, "recall-index.json"),
    progressDir: join(root, "progress"),
    episodicLedger: join(root, "progress", "ledger.jsonl"),
    notes: join(root, "progress", "NOTES.md"),
    progressArchive: join(root, "progress", "archive"),
    ledgerIndex: join(root, "progress", "ledger-index.json"),
    opsKnowledge,
    learningsArchive: join(opsKnowledge, "learnings", "key-learnings-archive.md"),
    learningsProvenance: join(opsKnowledge, "learnings", "key-learnings-provenance.md"),
    agentsMd: join(root, "AGENTS.md"),
    config: join(root, ".agents.yml"),
    localConfig: join(root, ".agents.local.yml"),
    gitattributes: join(root, ".gitattributes"),
    stateIgnore: join(root, ".agents-os", ".gitignore"),
    gitDirPointer: join(root, ".git")
  };
}
function safeSegment(raw, fallback = "unknown", max = 64) {
  const cleaned = raw.normalize("NFKD").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/\.{2,}/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, max).replace(/[-.]+$/g, "");
  return cleaned || fallback;
}
function agentsOsDir(root) {
  return join(root, ".agents-os");
}
function eventLedgerFile(root, agent, day) {
  return join(root, ".agents-os", "ledger", safeSegment(agent, "unknown"), `${day}.jsonl`);
}
function agentStatusFile(root, agent) {
  return join(root, ".agents-os", "agents", safeSegment(agent), "status.json");
}
function sessionSummaryFile(root, agent, day, sessionId) {
  return join(root, ".agents-os", "memory", safeSegment(agent), "sessions", `${day}-${safeSegment(sessionId)}.md`);
}

export {
  projectPaths,
  safeSegment,
  agentsOsDir,
  eventLedgerFile,
  agentStatusFile,
  sessionSummaryFile
};
