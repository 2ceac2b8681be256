/**
 * PostToolUse and PostToolUseFailure: one `tool_use` event per Edit, Write, MultiEdit,
 * NotebookEdit or Bash call, plus an `error` event when Claude Code reports the call as
 * failed (a Bash exit code other than 0 arrives as PostToolUseFailure, not PostToolUse).
 * This runs after every tool call: node built-ins, redact and the event ledger only.
 */
import { isAbsolute, relative } from 'node:path';
import { redact, truncate } from '../core/shared/redact.ts';
import { record, text, type HookContext } from './context.ts';

/** Bash output kept in the ledger: enough to see what happened, never a whole log. */
const OUTPUT_CHARS = 2048;
const COMMAND_CHARS = 2000;
const SUMMARY_TARGET_CHARS = 120;

/** Redact first, then cut: a secret cut in half may no longer be recognisable. */
function excerpt(value: unknown, max: number): string | undefined {
  const s = text(value);
  return s === undefined ? undefined : truncate(redact(s), max);
}

function fields(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Paths inside the project are stored relative to it, so a committed ledger reads the same in every clone. */
function projectPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** What a tool does, across agent CLIs' names for it (Claude's Bash, Codex's exec_command, Gemini's run_shell_command). */
const KINDS: Record<string, string> = {
  Bash: 'shell', exec_command: 'shell', run_shell_command: 'shell', shell: 'shell',
  Write: 'write', write_file: 'write', Edit: 'edit', MultiEdit: 'edit', NotebookEdit: 'edit', replace: 'edit', apply_patch: 'edit',
  Read: 'read', read_file: 'read', read_many_files: 'read', Grep: 'search', Glob: 'search', search_file_content: 'search', glob: 'search',
  WebFetch: 'web', WebSearch: 'web', web_fetch: 'web', google_web_search: 'web', Task: 'agent',
  // Copilot CLI's own names
  bash: 'shell', create: 'write', edit: 'edit', view: 'read', str_replace_editor: 'edit',
};

/** Claude Code hands a failed Bash back as "Exit code N\n<output>". */
function exitCodeOf(error: string | undefined): number | undefined {
  const match = /^Exit code (\d+)/.exec(error ?? '');
  return match ? Number(match[1]) : undefined;
}

export function onToolUse(ctx: HookContext): undefined {
  const { payload } = ctx;
  const tool = text(payload.tool_name) ?? 'unknown';
  const input = fields(payload.tool_input);
  const response = fields(payload.tool_response);
  const failed = ctx.hookEvent === 'PostToolUseFailure';
  const error = failed ? (text(payload.error) ?? 'failed') : undefined;
  const interrupted = payload.is_interrupt === true || response.interrupted === true;
  const exitCode = exitCodeOf(error);
  const rawPath = text(input.file_path) ?? text(input.notebook_path);
  // Redact first: making the path project-relative normalises `postgres://` to `postgres:/`, hiding its password from the patterns.
  const filePath = rawPath && projectPath(ctx.root, redact(rawPath));
  const command = excerpt(input.command, COMMAND_CHARS);

  const callFacts = {
    tool,
    kind: KINDS[tool] ?? 'other',
    ...(text(payload.tool_use_id) ? { tool_use_id: payload.tool_use_id } : {}),
    ...(filePath ? { file_path: filePath } : {}),
    ...(command ? { command } : {}),
    ...(exitCode !== undefined ? { exit_code: exitCode } : {}),
    interrupted,
  };
  const status = interrupted ? 'interrupted' : exitCode !== undefined ? `exit ${exitCode}` : failed ? 'failed' : 'ok';
  const what = `${tool} ${truncate(filePath ?? command ?? '', SUMMARY_TARGET_CHARS)}`.trim();
  const bashOutput = KINDS[tool] === 'shell' && !failed
    ? { stdout: excerpt(response.stdout, OUTPUT_CHARS) ?? '', stderr: excerpt(response.stderr, OUTPUT_CHARS) ?? '' }
    : {};

  record(ctx, 'tool_use', `${what} (${status})`, {
    ...callFacts,
    ok: !failed && !interrupted,
    duration_ms: typeof payload.duration_ms === 'number' ? payload.duration_ms : null,
    ...(text(input.description) ? { description: excerpt(input.description, 200) } : {}),
    ...bashOutput,
  });
  if (failed) record(ctx, 'error', `${what} failed (${status})`, { ...callFacts, error: excerpt(error, OUTPUT_CHARS) });
  return undefined;
}
