import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  AgentsFile,
  loadYamlIfExists
} from "./chunk-OYPHPF6D.mjs";
import "./chunk-6GERIIBB.mjs";
import "./chunk-FOMAKOLI.mjs";
import "./chunk-VED6ZBSN.mjs";

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
