import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  loadYamlIfExists
} from "./chunk-RKO5KVIC.mjs";
import {
  AgentsFile
} from "./chunk-QMNJTYV7.mjs";

// scripts/adapters/config.ts
function loadRelayConfig(paths) {
  const shared = loadYamlIfExists(paths.config, AgentsFile.nullable())?.relay ?? {};
  const local = loadYamlIfExists(paths.localConfig, AgentsFile.nullable())?.relay ?? {};
  return {
    ...shared,
    ...local,
    ...shared.review || local.review ? { review: { ...shared.review, ...local.review } } : {}
  };
}

export {
  loadRelayConfig
};
