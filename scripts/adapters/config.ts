import { AgentsFile, type RelayConfig } from '../core/shared/schemas.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import { loadYamlIfExists } from './documents.ts';

/** `.agents.yml`, then `.agents.local.yml` on top (review merged key by key). */
export function loadRelayConfig(paths: ProjectPaths): RelayConfig {
  const shared = loadYamlIfExists(paths.config, AgentsFile.nullable())?.relay ?? {};
  const local = loadYamlIfExists(paths.localConfig, AgentsFile.nullable())?.relay ?? {};
  return {
    ...shared,
    ...local,
    ...(shared.review || local.review ? { review: { ...shared.review, ...local.review } } : {}),
  };
}
