// Holds the shape docs/architecture.md describes: one owner per file on disk, commands and
// hooks that never write, paths from one module, one command table, small files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/project.ts';

const SCRIPTS = join(REPO, 'scripts');

function sources(dir = SCRIPTS): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

const FILES = new Map(sources().map((f) => [relative(SCRIPTS, f), readFileSync(f, 'utf8')]));

/** Named imports of `module` (by path suffix) in a source text. */
function namedImports(text: string, module: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    if (m[2]!.endsWith(module)) names.push(...m[1]!.split(',').map((n) => n.trim().replace(/^type\s+/, '')).filter(Boolean));
  }
  return names;
}

/** The file each owner writes; the same table as docs/architecture.md's. */
const OWNERS: Record<string, string> = {
  'adapters/state.ts': 'epic.yml, attempt-ledger.yml, their snapshots, epic backups',
  'adapters/event-ledger.ts': 'event ledger JSONL',
  'adapters/agent-status.ts': 'status.json',
  'adapters/session-summaries.ts': 'session summaries',
  'adapters/episodic-store.ts': 'ledger.jsonl, NOTES.md, archives, ledger index',
  'adapters/ops-knowledge.ts': 'ops-knowledge entries',
  'adapters/key-learnings.ts': 'AGENTS.md Key Learnings, lessons archive',
  'adapters/recall-index.ts': 'recall index cache',
  'adapters/recall-segments.ts': 'the recall cache\'s segment files',
  'adapters/schema-files.ts': 'JSON Schema files',
  'adapters/git-setup.ts': '.gitattributes lines, .agents-os/.gitignore, the merge driver in git config',
  'adapters/agent-config.ts': 'relay\'s hook entries in .codex/hooks.json and .gemini/settings.json',
  'adapters/merge-driver.ts': 'the result file git hands a merge driver (%A)',
  'adapters/conflict-repair.ts': 'in-place repairs of relay files a merge left with conflict markers',
  'adapters/run-control.ts': 'run.lock, run.log, serve.json',
  'adapters/report-files.ts': 'report files the user names',
  'adapters/plan-convert.ts': 'the <plan>.relay.md a conversion writes',
  'adapters/redact-files.ts': 'in-place repairs of files that hold a secret',
};
const STORE_WRITERS = ['writeFileAtomic', 'appendLine', 'stageFile', 'acquirePidLock', 'ensureDir'];
const YAML_WRITERS = ['writeYaml', 'updateYaml'];
const FS_WRITERS = /\b(writeFileSync|appendFileSync|renameSync|rmSync|unlinkSync|mkdirSync|linkSync|writeSync|createWriteStream)\b/;

describe('architecture', () => {
  it('only the owners reach the store\'s write functions', () => {
    const writers = [...FILES].filter(([file, text]) => file !== 'adapters/documents.ts' && [...namedImports(text, '/store.ts'), ...namedImports(text, '/documents.ts')].some((n) => STORE_WRITERS.includes(n) || YAML_WRITERS.includes(n)));
    expect(writers.map(([file]) => file).sort()).toEqual(Object.keys(OWNERS).sort());
  });

  it('YAML documents are written by the epic state owner alone, and repaired in place by redact --fix', () => {
    const yamlWriters = [...FILES].filter(([, text]) => namedImports(text, '/documents.ts').some((n) => YAML_WRITERS.includes(n))).map(([f]) => f);
    // redact --fix rewrites a YAML file in place for whichever owner it has, under that owner's lock.
    expect(yamlWriters.sort()).toEqual(['adapters/redact-files.ts', 'adapters/state.ts']);
  });

  it('commands, hooks, agents and the core never write a file themselves', () => {
    const offenders = [...FILES].filter(([file, text]) => !file.startsWith('adapters/') && FS_WRITERS.test(text.split('\n').filter((l) => l.includes("from 'node:fs'")).join('\n')));
    expect(offenders.map(([f]) => f)).toEqual([]);
  });

  it('the core does no I/O: no fs, no processes, no adapters', () => {
    const offenders = [...FILES].filter(([file, text]) => file.startsWith('core/') && /from '(node:fs|node:child_process|execa|simple-git)'|from '\.\.\/\.\.\/(adapters|cli|hooks|agents)\//.test(text));
    expect(offenders.map(([f]) => f)).toEqual([]);
  });

  it('every path under the project root is joined in core/shared/paths.ts', () => {
    const joins = [...FILES].filter(([file, text]) => file !== 'core/shared/paths.ts' && /join\((paths\.\w+|root), '/.test(text));
    expect(joins.map(([f]) => f)).toEqual([]);
  });

  it('one command table; each command\'s body is in the file named as the user types it', () => {
    const registrars = [...FILES].filter(([, text]) => /\.command\('/.test(text)).map(([f]) => f);
    expect(registrars).toEqual(['cli/commands.ts']);
    const table = FILES.get('cli/commands.ts')!;
    const bodies = [...table.matchAll(/\.command\('([\w-]+)[^']*'\)[\s\S]*?import\('\.\/([\w-]+)\.ts'\)/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(bodies.length).toBeGreaterThan(20);
    // A subcommand's body lives in its group's file (ledger query → ledger-query.ts or ledger.ts).
    for (const [command, file] of bodies) expect(file.startsWith(command) || FILES.get('cli/commands.ts')!.includes(`command('${file.split('-')[0]}')`), `${command} → cli/${file}.ts`).toBe(true);
  });

  it('every owner module says what it owns in its first comment, and the design lists it', () => {
    const design = readFileSync(join(REPO, 'docs/architecture.md'), 'utf8');
    for (const owner of Object.keys(OWNERS)) {
      expect(FILES.get(owner)!.slice(0, 400), owner).toMatch(/Owner of/);
      expect(design, owner).toContain(`scripts/${owner}`);
    }
  });

  it('no source file but a rules table runs past about 400 lines', () => {
    const long = [...FILES].filter(([file, text]) => file !== 'core/shared/redact-rules.ts' && text.split('\n').length > 420).map(([f]) => f);
    expect(long).toEqual([]);
  });

  it('comments cite only files in this repository', () => {
    expect([...FILES].filter(([, text]) => /shared\/design\.md|shared\/reference\//.test(text)).map(([f]) => f)).toEqual([]);
  });
});
