/**
 * Owner of relay's hook entries in other agent CLIs' configuration: `.codex/hooks.json`,
 * `.gemini/settings.json` (in the project or, with --user, the home folder) and Copilot's
 * `.github/hooks/relay.json`. Entries are merged in
 * beside the user's own: an entry already pointing at `relay hook --agent NAME` is updated in
 * place, anything else is left as it was, so installing twice changes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { DIALECTS } from '../agents/dialect.ts';
import { RelayError } from '../core/shared/errors.ts';
import { agentHooksFile } from '../core/shared/paths.ts';
import { relayCommandLine } from './project.ts';
import { withLock, writeFileAtomic } from './store.ts';

export type WiredAgent = 'codex' | 'gemini' | 'copilot';
export const WIRED_AGENTS: readonly WiredAgent[] = ['codex', 'gemini', 'copilot'];

/** A Codex or Gemini matcher group (`{matcher, hooks: [{type, command}]}`), or a flat Copilot entry (`{type, bash}`). */
interface HookGroup {
  matcher?: string;
  hooks?: Array<{ type?: string; command?: string; [k: string]: unknown }>;
  bash?: string;
  [k: string]: unknown;
}

const marker = (agent: string) => `hook --agent ${agent}`;

function entry(agent: WiredAgent, event: string): HookGroup {
  const command = relayCommandLine(`${marker(agent)} ${event}`);
  const hook = { type: 'command', command };
  // Gemini's timeouts are in milliseconds and its tool events match tools by a regex; Codex counts seconds; Copilot's entries are flat.
  if (agent === 'copilot') return { type: 'command', bash: command, timeoutSec: 10 };
  return agent === 'gemini'
    ? { ...(event === 'AfterTool' ? { matcher: '.*' } : {}), hooks: [{ ...hook, name: 'relay', timeout: 10_000 }] }
    : { hooks: [{ ...hook, timeout: 10 }] };
}

/** What the CLI needs beside `hooks` in a file relay creates (Copilot's hook files carry a version). */
const FILE_HEADER: Partial<Record<WiredAgent, Record<string, unknown>>> = { copilot: { version: 1 } };

function readConfig(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8');
  try {
    const value = JSON.parse(text || '{}');
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new RelayError(`${file}: not a JSON object; fix it, then run relay agents install again`, 2);
}

const isOurs = (agent: string) => (group: HookGroup) =>
  (typeof group.bash === 'string' && group.bash.includes(marker(agent))) || !!group.hooks?.some((h) => typeof h.command === 'string' && h.command.includes(marker(agent)));

/** Writes relay's hooks for `agent` into its config under `base`; returns the file and the events it added or updated. */
export function installAgentHooks(agent: WiredAgent, base: string): Promise<{ file: string; changed: string[] }> {
  const file = agentHooksFile(base, agent);
  return withLock(file, () => {
    const config = readConfig(file);
    const hooks = (config.hooks && typeof config.hooks === 'object' ? config.hooks : {}) as Record<string, HookGroup[]>;
    const changed: string[] = [];
    for (const event of DIALECTS[agent]!.events) {
      const groups = Array.isArray(hooks[event]) ? [...hooks[event]!] : [];
      const wanted = entry(agent, event);
      const at = groups.findIndex(isOurs(agent));
      if (at >= 0 && JSON.stringify(groups[at]) === JSON.stringify(wanted)) continue;
      if (at >= 0) groups[at] = wanted;
      else groups.push(wanted);
      hooks[event] = groups;
      changed.push(event);
    }
    if (changed.length) writeFileAtomic(file, `${JSON.stringify({ ...FILE_HEADER[agent], ...config, hooks }, null, 2)}\n`);
    return { file, changed };
  });
}

/** Whether relay's hooks are in `agent`'s config under `base`, and for which events. */
export function installedEvents(agent: WiredAgent, base: string): string[] {
  try {
    const hooks = (readConfig(agentHooksFile(base, agent)).hooks ?? {}) as Record<string, HookGroup[]>;
    return Object.entries(hooks).filter(([, groups]) => Array.isArray(groups) && groups.some(isOurs(agent))).map(([event]) => event);
  } catch {
    return [];
  }
}
