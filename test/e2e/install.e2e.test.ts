/**
 * The plugin as a user installs it: `claude plugin marketplace add` on this repository, then
 * `claude plugin install`, offline, into a throwaway HOME. The installed copy must be small,
 * carry no package manifest (Claude Code would run npm ci in it), and work on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { CLAUDE_BIN, claudeEnv } from './support/claude.ts';
import { startFakeModel, type FakeModel } from './support/fake-model.ts';
import { REPO, blueprint, relay, tempProject } from '../support/project.ts';

function tree(dir: string): { files: number; bytes: number; names: string[] } {
  let files = 0;
  let bytes = 0;
  const names: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) {
      const sub = tree(path);
      files += sub.files;
      bytes += sub.bytes;
      names.push(...sub.names.map((n) => `${name}/${n}`));
    } else {
      files++;
      bytes += st.size;
      names.push(name);
    }
  }
  return { files, bytes, names };
}

let home: string;
let installed: string;
let model: FakeModel;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'relay-install-home-'));
  model = await startFakeModel(() => ({ text: 'summarised' }));
  // No route to a registry: a plugin that needed npm would fail to install here.
  const env = { ...claudeEnv(model.url, home), npm_config_registry: 'http://127.0.0.1:9/', npm_config_offline: 'true' };
  execFileSync(CLAUDE_BIN, ['plugin', 'marketplace', 'add', REPO], { env, stdio: 'pipe' });
  execFileSync(CLAUDE_BIN, ['plugin', 'install', 'relay@relay'], { env, stdio: 'pipe' });
  const versions = join(home, '.claude/plugins/cache/relay/relay');
  installed = join(versions, readdirSync(versions)[0]!);
}, 120_000);

afterAll(async () => {
  await model?.close();
});

describe('a marketplace install', () => {
  it('holds only what the plugin runs: under 10 MB, no package.json, no lockfile, no node_modules', () => {
    const { bytes, names } = tree(join(home, '.claude/plugins/cache'));
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
    expect(names.some((n) => /(^|\/)(package\.json|package-lock\.json|node_modules)(\/|$)/.test(n))).toBe(false);
    for (const part of ['.claude-plugin/plugin.json', 'hooks/hooks.json', 'commands/status.md', 'skills/ledger-update/SKILL.md', 'bin/relay', 'dist/hook.mjs', 'dist/relay.mjs']) {
      expect(existsSync(join(installed, part)), part).toBe(true);
    }
  });

  it('runs a hook from the installed copy', () => {
    const root = tempProject();
    writeFileSync(join(root, 'plan.md'), blueprint(2));
    expect(relay(root, ['init', 'plan.md']).code).toBe(0);
    const payload = { session_id: 'install-1', transcript_path: '/dev/null', cwd: root, hook_event_name: 'SessionStart', source: 'startup' };
    const r = spawnSync(process.execPath, [join(installed, 'dist/hook.mjs')], { input: JSON.stringify(payload), encoding: 'utf8', env: { ...process.env, CLAUDE_PROJECT_DIR: root } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).hookSpecificOutput.additionalContext).toMatch(/T1/);
    expect(JSON.parse(readFileSync(join(root, '.agents-os/agents/claude/status.json'), 'utf8')).state).toBe('idle');
  });

  it('runs /relay:status and the hooks from the installed copy in a session with no --plugin-dir', async () => {
    const root = tempProject();
    writeFileSync(join(root, 'plan.md'), blueprint(3));
    expect(relay(root, ['init', 'plan.md']).code).toBe(0);
    const r = await execa(CLAUDE_BIN, ['-p', '/relay:status', '--output-format', 'json', '--no-session-persistence'], { cwd: root, env: claudeEnv(model.url, home), extendEnv: false, timeout: 60_000, reject: false, input: '' });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(model.requests.at(-1)!.allUserText).toMatch(/0\/3 tasks/);
    // The installed SessionStart hook ran too: it wrote the agent's status file.
    expect(existsSync(join(root, '.agents-os/agents/claude/status.json'))).toBe(true);
  }, 90_000);
});
