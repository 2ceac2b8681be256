import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  buildAnchor,
  gitFacts
} from "./chunk-5KFPGXMZ.mjs";
import {
  recallForTask
} from "./chunk-VHLMDJYF.mjs";

// scripts/adapters/anchor-context.ts
async function taskAnchor(paths, epic, ledger, taskId, budget) {
  const [git, memories] = await Promise.all([gitFacts(paths.root, ledger.started_at), recallForTask(paths, epic, ledger, taskId)]);
  return { text: buildAnchor({ epic, ledger, taskId, git, memories, ...budget ? { budget } : {} }), memories };
}

export {
  taskAnchor
};
