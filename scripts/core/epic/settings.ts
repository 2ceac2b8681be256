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

export interface RunOverrides {
  maxAttempts?: number;
  timeoutMinutes?: number;
}

export interface LiveSettings {
  settings: Settings;
  /** One line per setting where .agents.yml now differs from what the epic recorded at init. */
  changes: string[];
}

/**
 * The settings a run works with: what the epic recorded at init, then `.agents.yml` as it is
 * now (it is read at the start of every run, so an edit takes effect on the next one), then
 * this run's flags.
 */
export function liveSettings(recorded: Settings, config: RelayConfig, flags: RunOverrides = {}): LiveSettings {
  const fromConfig = Settings.parse({
    max_attempts_per_task: config.max_attempts_per_task ?? recorded.max_attempts_per_task,
    timeout_minutes: config.timeout_minutes ?? recorded.timeout_minutes,
    review: { ...recorded.review, ...config.review },
  });
  const changes: string[] = [];
  if (fromConfig.max_attempts_per_task !== recorded.max_attempts_per_task) changes.push(`max attempts ${fromConfig.max_attempts_per_task} from .agents.yml (the epic recorded ${recorded.max_attempts_per_task})`);
  if (fromConfig.timeout_minutes !== recorded.timeout_minutes) changes.push(`timeout ${fromConfig.timeout_minutes} min from .agents.yml (the epic recorded ${recorded.timeout_minutes})`);
  const review = (r: Settings['review']) => (r.enabled && r.provider !== 'none' ? `${r.provider}${r.command ? ` (${r.command})` : ''}` : 'off');
  if (review(fromConfig.review) !== review(recorded.review)) changes.push(`review ${review(fromConfig.review)} from .agents.yml (the epic recorded ${review(recorded.review)})`);
  return {
    settings: {
      ...fromConfig,
      ...(flags.maxAttempts ? { max_attempts_per_task: flags.maxAttempts } : {}),
      ...(flags.timeoutMinutes ? { timeout_minutes: flags.timeoutMinutes } : {}),
    },
    changes,
  };
}
