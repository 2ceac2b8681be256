// relay agents install / status: other agent CLIs' configs merged, never clobbered, and the
// installed commands really record when the CLI runs them.
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relay, tempProject } from '../support/project.ts';

function project(): string {
  const root = tempProject();
  mkdirSync(join(root, '.agents-os'));
  return root;
}

describe('relay agents install', () => {
  it('merges relay\'s Gemini hooks beside the user\'s, changes nothing the second time, and the installed command records', () => {
    const root = project();
    mkdirSync(join(root, '.gemini'));
    const mine = { general: { vimMode: true }, hooks: { AfterTool: [{ matcher: 'write_file', hooks: [{ type: 'command', command: './lint.sh' }] }] } };
    writeFileSync(join(root, '.gemini', 'settings.json'), JSON.stringify(mine));
    const first = relay(root, ['agents', 'install', 'gemini']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/wrote relay's hooks for SessionStart, BeforeAgent, AfterTool, AfterAgent, SessionEnd into \.gemini\/settings\.json\nrelay: next: Gemini runs project hooks only in a trusted folder/);
    const settings = JSON.parse(readFileSync(join(root, '.gemini', 'settings.json'), 'utf8'));
    expect(settings.general).toEqual({ vimMode: true });
    expect(settings.hooks.AfterTool[0]).toEqual(mine.hooks.AfterTool[0]);
    expect(settings.hooks.AfterTool).toHaveLength(2);
    const before = readFileSync(join(root, '.gemini', 'settings.json'), 'utf8');
    expect(relay(root, ['agents', 'install', 'gemini']).stdout).toMatch(/already has relay's hooks; nothing changed/);
    expect(readFileSync(join(root, '.gemini', 'settings.json'), 'utf8')).toBe(before);

    // What Gemini would run: the command string from the config, the payload on stdin.
    const command = settings.hooks.BeforeAgent[0].hooks[0].command as string;
    execSync(command, { cwd: root, input: JSON.stringify({ session_id: 'g1', cwd: root, hook_event_name: 'BeforeAgent', prompt: 'hello' }), env: { ...process.env, CLAUDE_PROJECT_DIR: '' } });
    const status = relay(root, ['agents', 'status', '--json']);
    const report = JSON.parse(status.stdout);
    expect(report.agents).toEqual([expect.objectContaining({ agent: 'gemini', state: 'busy', last_event: 'prompt: hello' })]);
    expect(report.wired.gemini.project).toEqual(expect.arrayContaining(['SessionStart', 'AfterTool']));
    expect(report.wired.codex.project).toEqual([]);
    const text = relay(root, ['agents', 'status']).stdout;
    expect(text).toMatch(/^AGENT\s+STATE\s+TASK\s+LAST HEARD\s+LAST EVENT\ngemini\s+busy\s+-\s+\d+s ago\s+prompt: hello\n/);
    expect(text).toContain('codex: not wired in (relay agents install codex)');
  });

  it('writes Codex hooks into .codex/hooks.json with the trust step; refuses an unknown agent or a config that is not JSON', () => {
    const root = project();
    const r = relay(root, ['agents', 'install', 'codex']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/trust relay's hooks/);
    const hooks = JSON.parse(readFileSync(join(root, '.codex', 'hooks.json'), 'utf8')).hooks;
    expect(Object.keys(hooks)).toEqual(['SessionStart', 'UserPromptSubmit', 'PostToolUse', 'Stop']);
    expect(hooks.Stop[0].hooks[0]).toMatchObject({ type: 'command', timeout: 10, command: expect.stringMatching(/relay\.mjs' hook --agent codex Stop$/) });

    const unknown = relay(root, ['agents', 'install', 'cursor']);
    expect([unknown.code, unknown.stderr.trim().split('\n').length]).toEqual([2, 1]);
    writeFileSync(join(root, '.codex', 'hooks.json'), '{ not json');
    const broken = relay(root, ['agents', 'install', 'codex']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/\.codex\/hooks\.json: not a JSON object/);
    expect(readFileSync(join(root, '.codex', 'hooks.json'), 'utf8')).toBe('{ not json');
  });
});

describe('relay status', () => {
  it('shows every agent\'s state, task and when it was last heard of', () => {
    const root = project();
    writeFileSync(join(root, 'plan.md'), '# E\nx\n\n## Tasks\n\n### T1: One\n- Priority: p1\n');
    expect(relay(root, ['init', 'plan.md']).code).toBe(0);
    expect(relay(root, ['hook', '--agent', 'gemini', 'BeforeAgent'], JSON.stringify({ session_id: 'g1', cwd: root, prompt: 'go' })).code).toBe(0);
    expect(relay(root, ['run', '--agent', 'nightly-bot', '--', 'false']).code).toBe(1);
    const json = JSON.parse(relay(root, ['status', '--json']).stdout);
    expect(json.agents.map((a: { agent: string; state: string }) => `${a.agent}:${a.state}`)).toEqual(['gemini:busy', 'nightly-bot:error']);
    expect(json.agents[0].age_s).toBeGreaterThanOrEqual(0);
    expect(relay(root, ['status']).stdout).toMatch(/\nAgents\n {2}gemini {7}busy {3}- {7}heard \d+s ago\n {2}nightly-bot {2}error {2}- {7}heard \d+s ago\n/);
  });

  it('marks a busy agent stale after three missed heartbeats, and shows it in events summary too', () => {
    const root = project();
    mkdirSync(join(root, '.agents-os', 'agents', 'nightly-bot'), { recursive: true });
    const status = (ago: number) => ({
      agent: 'nightly-bot', state: 'busy', updated_at: new Date(Date.now() - ago * 1000).toISOString(), current_task: 'T9', attempt: null, session_id: null, heartbeat_s: 10,
      last_event: { id: 'e1', event: 'heartbeat', summary: 'still running after 60 s', timestamp: new Date().toISOString() },
    });
    const file = join(root, '.agents-os', 'agents', 'nightly-bot', 'status.json');
    writeFileSync(file, JSON.stringify(status(25)));
    expect(JSON.parse(relay(root, ['events', 'summary', '--json']).stdout).agents[0]).toMatchObject({ agent: 'nightly-bot', state: 'busy', task: 'T9' });
    writeFileSync(file, JSON.stringify(status(31)));
    expect(JSON.parse(relay(root, ['events', 'summary', '--json']).stdout).agents[0]).toMatchObject({ state: 'stale' });
    // The age is wall-clock: written 31 s ago, read a moment later.
    expect(relay(root, ['events', 'summary']).stdout).toMatch(/nightly-bot +stale +T9 +3[1-9]s ago/);
  });
});
