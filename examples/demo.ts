/**
 * `npm run demo`: relay's main job end to end on the example plan, in a throwaway git repo:
 * `relay init`, `relay work` (real `claude -p` workers), `relay status`.
 *
 * With a model account (ANTHROPIC_API_KEY, CLAUDE_CODE_OAUTH_TOKEN or a logged-in
 * ~/.claude) the workers talk to the real model. Without one, they talk to the scripted
 * Messages API server from the test suite on 127.0.0.1 — the same Claude Code binary,
 * tools and hooks, but the "model" is a script. The demo says which one it used.
 */
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { CLAUDE_BIN, claudeEnv } from '../test/e2e/support/claude.ts';
import { startFakeModel, structuredOutput, type ModelRequest, type Turn } from '../test/e2e/support/fake-model.ts';

const REPO = join(import.meta.dirname, '..');
const RELAY = join(REPO, 'dist', 'relay.mjs');

function hasModelAccount(): boolean {
  return Boolean(process.env.ANTHROPIC_API_KEY || process.env.CLAUDE_CODE_OAUTH_TOKEN || existsSync(join(homedir(), '.claude', '.credentials.json')));
}

/** The scripted model: writes each task's files; T2 fails once so the retry path shows. */
function scriptedModel(root: string) {
  const contents: Record<string, [string, string]> = {
    T1: ['db/schema.sql', 'CREATE TABLE users (id serial primary key, email text not null, password_digest text not null);\nCREATE UNIQUE INDEX users_email ON users (email);\n'],
    T2: ['src/password.js', "const { scryptSync, randomBytes, timingSafeEqual } = require('node:crypto');\nexports.hash = (pw) => { const salt = randomBytes(16); return salt.toString('hex') + ':' + scryptSync(pw, salt, 32).toString('hex'); };\nexports.verify = (pw, stored) => { const [s, h] = stored.split(':'); return timingSafeEqual(Buffer.from(h, 'hex'), scryptSync(pw, Buffer.from(s, 'hex'), 32)); };\n"],
    T3: ['src/signup.js', "exports.signup = (users, email) => users.has(email) ? { status: 409 } : (users.add(email), { status: 201 });\n"],
    T4: ['src/session.js', "exports.cookie = (id) => `sid=${id}; HttpOnly; Secure; SameSite=Lax`;\n"],
  };
  return (req: ModelRequest): Turn => {
    const task = /# relay task (T\d+):/.exec(req.firstUserText)?.[1] ?? '';
    const firstTry = !req.firstUserText.includes('## Previous attempts');
    const file = contents[task];
    if (!file) return { text: 'nothing to do' };
    if (task === 'T2' && firstTry) {
      return { tools: [structuredOutput({ status: 'failure', summary: 'hash() is wrong', error_category: 'test_failure', error_summary: "TypeError: scryptSync is not a function at src/password.js:2", approach_taken: "imported scryptSync from 'crypto-js'", suggestion: "use node:crypto's scryptSync", learning: "Node's scrypt lives in node:crypto; crypto-js has no scryptSync", pattern_tags: ['crypto'] })] };
    }
    // A real lesson each JavaScript task runs into, which recurs and so is promoted (the scripted
    // model words it the same way each time); the schema task's own lesson is seen once.
    const learning = task === 'T1'
      ? 'Give users.email a unique index: the sign-up endpoint relies on it to refuse duplicate accounts'
      : 'Export each module with CommonJS (module.exports): the auth tests load src/ files with require()';
    const steps: Turn[] = [
      { tools: [{ name: 'Write', input: { file_path: join(root, file[0]), content: file[1] } }] },
      { tools: [structuredOutput({ status: 'success', summary: `wrote ${file[0]}`, files_changed: [file[0]], tests_passed: true, learning, pattern_tags: ['auth'] })] },
    ];
    return steps[req.turnIndex] ?? { text: 'done' };
  };
}

function run(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number | null> {
  return new Promise((resolve) => {
    spawn(process.execPath, [RELAY, ...args], { cwd, env, stdio: 'inherit' }).on('exit', resolve);
  });
}

const root = mkdtempSync(join(tmpdir(), 'relay-demo-'));
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
git('init', '-q', '-b', 'main');
git('config', 'user.email', 'demo@relay.local');
git('config', 'user.name', 'relay demo');
copyFileSync(join(REPO, 'examples', 'auth-plan.md'), join(root, 'plan.md'));
writeFileSync(join(root, 'README.md'), '# demo project\n');
git('add', '.');
git('commit', '-qm', 'initial');

const real = hasModelAccount() && !process.env.RELAY_DEMO_SCRIPTED;
const model = real ? undefined : await startFakeModel(scriptedModel(root));
const env: NodeJS.ProcessEnv = real ? { ...process.env } : { ...claudeEnv(model!.url, mkdtempSync(join(tmpdir(), 'relay-demo-home-'))) };
writeFileSync(join(root, '.agents.yml'), `relay:\n  executor: ["${CLAUDE_BIN}"]\n  permission_mode: ${real ? 'acceptEdits' : 'bypassPermissions'}\n  max_attempts_per_task: 3\n  timeout_minutes: 15\n`);

console.log(real
  ? '== relay demo: workers use the REAL model through your Claude Code account (this costs tokens) =='
  : '== relay demo: no model account found, so workers are real Claude Code processes talking to the SCRIPTED model from the tests (127.0.0.1) ==');
console.log(`== project: ${root}\n`);
let code = await run(['init', 'plan.md'], env, root);
if (code === 0) code = await run(['work'], env, root);
console.log('');
await run(['status'], env, root);
await model?.close();
console.log(`\n== files relay wrote are under ${join(root, '.agents-os')} ; try: cd ${root} && node ${RELAY} status`);
process.exitCode = code ?? 1;
