import { Settings, type RelayConfig } from '../shared/schemas.ts';

export interface SettingsOverrides {
  maxAttempts?: number;
  timeoutMinutes?: number;
  reviewProvider?: 'claude' | 'command' | 'none';
}

/** Defaults, then `.agents.yml`, then `.agents.local.yml` (already merged in `config`), then flags. */
export function resolveSettings(config: RelayConfig, flags: SettingsOverrides = {}): Settings {
  return Settings.parse({
    max_attempts_per_task: flags.maxAttempts ?? config.max_attempts_per_task,
    timeout_minutes: flags.timeoutMinutes ?? config.timeout_minutes,
    review: {
      ...config.review,
      ...(flags.reviewProvider ? { provider: flags.reviewProvider } : {}),
    },
  });
}
