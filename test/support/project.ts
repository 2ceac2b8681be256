import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawn, spawnSync } from 'node:child_process';

export const REPO = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const RELAY_BUNDLE = join(REPO, 'dist', 'relay.mjs');
export const HOOK_BUNDLE = join(REPO, 'dist', 'hook.mjs');

export function tempDir(prefix = 'relay-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A project with a git repo and an initial commit, in a new temp dir or in `dir`. */
export function tempProject(dir = tempDir()): string {
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@relay.local');
  git('config', 'user.name', 'relay test');
  writeFileSync(join(dir, 'README.md'), '# test project\n');
  git('add', '.');
  git('commit', '-qm', 'initial');
  return dir;
}

export function blueprint(tasks: number, extra: (i: number) => string = () => ''): string {
  const parts = ['# Generated epic\nA generated plan.\n\n## Tasks\n'];
  for (let i = 1; i <= tasks; i++) parts.push(`### T${i}: Task ${i}\n- Priority: p${i % 4}\n- Points: ${(i % 5) + 1}\n${extra(i)}`);
  return parts.join('\n');
}

/** Runs the built CLI bundle in `cwd`. */
export function relay(cwd: string, args: string[], input?: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [RELAY_BUNDLE, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, RELAY_PROJECT_DIR: '', CLAUDE_PROJECT_DIR: '', NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the built CLI bundle without blocking the event loop (for tests that serve a fake model in-process). */
export function relayAsync(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RELAY_BUNDLE, ...args], {
      cwd,
      env: { ...process.env, RELAY_PROJECT_DIR: '', CLAUDE_PROJECT_DIR: '', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export function runTsx(script: string, args: string[], opts: { cwd?: string } = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(REPO, script), ...args], { encoding: 'utf8', cwd: opts.cwd ?? REPO });
}
