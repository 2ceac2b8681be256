import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  Settings
} from "./chunk-QMNJTYV7.mjs";

// scripts/core/epic/settings.ts
function resolveSettings(config, flags = {}) {
  return Settings.parse({
    max_attempts_per_task: flags.maxAttempts ?? config.max_attempts_per_task,
    timeout_minutes: flags.timeoutMinutes ?? config.timeout_minutes,
    review: {
      ...config.review,
      ...flags.reviewProvider ? { provider: flags.reviewProvider } : {}
    }
  });
}
function liveSettings(recorded, config, flags = {}) {
  const fromConfig = Settings.parse({
    max_attempts_per_task: config.max_attempts_per_task ?? recorded.max_attempts_per_task,
    timeout_minutes: config.timeout_minutes ?? recorded.timeout_minutes,
    review: { ...recorded.review, ...config.review }
  });
  const changes = [];
  if (fromConfig.max_attempts_per_task !== recorded.max_attempts_per_task) changes.push(`max attempts ${fromConfig.max_attempts_per_task} from .agents.yml (the epic recorded ${recorded.max_attempts_per_task})`);
  if (fromConfig.timeout_minutes !== recorded.timeout_minutes) changes.push(`timeout ${fromConfig.timeout_minutes} min from .agents.yml (the epic recorded ${recorded.timeout_minutes})`);
  const review = (r) => r.enabled && r.provider !== "none" ? `${r.provider}${r.command ? ` (${r.command})` : ""}` : "off";
  if (review(fromConfig.review) !== review(recorded.review)) changes.push(`review ${review(fromConfig.review)} from .agents.yml (the epic recorded ${review(recorded.review)})`);
  return {
    settings: {
      ...fromConfig,
      ...flags.maxAttempts ? { max_attempts_per_task: flags.maxAttempts } : {},
      ...flags.timeoutMinutes ? { timeout_minutes: flags.timeoutMinutes } : {}
    },
    changes
  };
}

export {
  resolveSettings,
  liveSettings
};
