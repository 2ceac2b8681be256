// The code in docs/agents.md is run as written: what it appends must pass relay events validate.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO, relay, tempProject } from './support/project.ts';

const DOC = readFileSync(join(REPO, 'docs', 'agents.md'), 'utf8');
const block = (lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(DOC)![1]!;
const hasPython = spawnSync('python3', ['--version']).status === 0;

it('the Node and Python writers in docs/agents.md append lines relay validates', () => {
  const root = tempProject();
  mkdirSync(join(root, '.agents-os'));
  const node = spawnSync(process.execPath, ['-e', block('js')], { cwd: root, encoding: 'utf8' });
  expect(node.status, node.stderr).toBe(0);
  if (hasPython) {
    const py = spawnSync('python3', ['-c', block('python')], { cwd: root, encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
  }
  const validate = relay(root, ['events', 'validate']);
  expect(validate.code, `${validate.stdout}${validate.stderr}`).toBe(0);
  const lines = spawnSync('sh', ['-c', 'cat .agents-os/ledger/nightly-bot/*.jsonl'], { cwd: root, encoding: 'utf8' }).stdout.trim().split('\n');
  expect(lines).toHaveLength(hasPython ? 2 : 1);
});
