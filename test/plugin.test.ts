import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './support/project.ts';

const CLAUDE = join(REPO, 'node_modules/.bin/claude');

function validate(target: string) {
  return spawnSync(CLAUDE, ['plugin', 'validate', '--strict', target], { cwd: REPO, encoding: 'utf8', env: { ...process.env, HOME: mkdtempSync(join(tmpdir(), 'relay-home-')) } });
}

describe('the plugin as Claude Code sees it', () => {
  it('passes claude plugin validate --strict for the marketplace and the plugin', () => {
    for (const target of ['.', '.claude-plugin/plugin.json', 'plugin']) {
      const r = validate(target);
      expect(`${r.stdout}${r.stderr}`).toMatch(/Validation passed/);
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/warning/i);
      expect(r.status).toBe(0);
    }
  });

  it('has skills whose names match their folders, within the Agent Skills limits', () => {
    for (const dir of readdirSync(join(REPO, 'skills'))) {
      const text = readFileSync(join(REPO, 'skills', dir, 'SKILL.md'), 'utf8');
      const front = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
      const name = /^name: (.+)$/m.exec(front)?.[1];
      const description = /^description: (.+)$/m.exec(front)?.[1] ?? '';
      expect(name).toBe(dir);
      expect(name).toMatch(/^[a-z0-9-]{1,64}$/);
      expect(name).not.toMatch(/claude|anthropic/);
      expect(description.length).toBeGreaterThan(20);
      expect(description.length).toBeLessThanOrEqual(1024);
    }
  });

  it('ships a plugin/ folder (the bundle, commands, skills, hooks) identical to a fresh build', () => {
    // test/global-setup.ts has just rebuilt plugin/; any difference from git means a stale commit.
    let inRepo = true;
    try {
      execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: REPO, stdio: 'pipe' });
    } catch {
      inRepo = false;
    }
    if (!inRepo) return;
    const changes = execFileSync('git', ['status', '--porcelain', '--', 'plugin', 'dist'], { cwd: REPO, encoding: 'utf8' });
    expect(changes, 'plugin/ is stale: run npm run build and commit plugin/').toBe('');
  });
});
