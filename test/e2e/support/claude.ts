// Runs the real Claude Code binary headless against a fake model server.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLAUDE_BIN = join(REPO_ROOT, 'node_modules/.bin/claude');

export interface RunClaudeOptions {
  cwd: string;
  args: string[];
  modelUrl: string;
  pluginDir?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  input?: string;
}

export interface ClaudeResult {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  /** Parsed stdout when run with `--output-format json`. */
  json: ClaudeJsonResult | undefined;
  timedOut: boolean;
  durationMs: number;
}

/** The result object printed by `claude -p --output-format json`. */
export interface ClaudeJsonResult {
  type: 'result';
  subtype: string;
  is_error: boolean;
  result?: string;
  session_id: string;
  num_turns: number;
  structured_output?: unknown;
  [key: string]: unknown;
}

/**
 * The environment for a child `claude` talking to the fake model. Claude's and
 * Anthropic's own variables are dropped first: a parent session leaks CLAUDECODE
 * (a nested claude refuses to start), and CLAUDE_CONFIG_DIR, OAuth tokens or
 * ANTHROPIC_MODEL would point the child away from the throwaway HOME and fake server.
 */
export function claudeEnv(modelUrl: string, home: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(CLAUDE|ANTHROPIC_)/.test(key)) env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    ANTHROPIC_BASE_URL: modelUrl,
    ANTHROPIC_API_KEY: 'test-key',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    // bypassPermissions is refused as root unless Claude Code believes it is sandboxed.
    IS_SANDBOX: '1',
  };
}

/**
 * `claude -p <prompt>` flags for an offline, non-interactive run that may use every
 * tool: without bypassPermissions, Write and Edit are denied in print mode.
 */
export function headlessArgs(prompt: string, ...extra: string[]): string[] {
  return [
    '-p',
    prompt,
    '--output-format',
    'json',
    '--permission-mode',
    'bypassPermissions',
    '--no-session-persistence',
    ...extra,
  ];
}

export async function runClaude(opts: RunClaudeOptions): Promise<ClaudeResult> {
  const home = await mkdtemp(join(tmpdir(), 'relay-claude-home-'));
  const args = opts.pluginDir ? [...opts.args, '--plugin-dir', opts.pluginDir] : opts.args;
  const started = Date.now();
  try {
    const result = await execa(CLAUDE_BIN, args, {
      cwd: opts.cwd,
      env: { ...claudeEnv(opts.modelUrl, home), ...opts.env },
      extendEnv: false,
      input: opts.input ?? '',
      timeout: opts.timeoutMs,
      reject: false,
    });
    return {
      exitCode: result.exitCode,
      stdout: result.stdout,
      stderr: result.stderr,
      json: wantsJson(args) ? parseJson(result.stdout) : undefined,
      timedOut: result.timedOut,
      durationMs: Date.now() - started,
    };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

function wantsJson(args: string[]): boolean {
  const i = args.indexOf('--output-format');
  return (i >= 0 && args[i + 1] === 'json') || args.includes('--output-format=json');
}

function parseJson(stdout: string): ClaudeJsonResult | undefined {
  try {
    return JSON.parse(stdout) as ClaudeJsonResult;
  } catch {
    return undefined;
  }
}
