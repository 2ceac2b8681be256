/**
 * `relay init`: a plan, in any format relay reads, becomes .agents-os/relay/epic.yml and a
 * fresh attempt ledger. `--convert` has the worker agent rewrite a free-form plan first;
 * `--update` merges a changed plan into the running epic, keeping its attempt history.
 */
import { relative, resolve } from 'node:path';
import { checkEpic, epicFromBlueprint, epicId } from '../core/epic/epic.ts';
import { mergeEpic } from '../core/epic/merge.ts';
import { newLedger } from '../core/epic/attempts.ts';
import { readPlan } from '../core/epic/plans/index.ts';
import { RelayError } from '../core/shared/errors.ts';
import { yamlLocator } from '../core/shared/yaml-strict.ts';
import type { Epic } from '../core/shared/schemas.ts';
import { resolveSettings, type SettingsOverrides } from '../core/epic/settings.ts';
import { workerAgent } from '../agents/agent.ts';
import { loadRelayConfig } from '../adapters/config.ts';
import { parseYamlText, serializeYaml } from '../adapters/documents.ts';
import { convertPlan } from '../adapters/plan-convert.ts';
import { ensureMergeRules, ensureStateIgnored, registerMergeDriver } from '../adapters/git-setup.ts';
import { currentProject } from '../adapters/project.ts';
import { writeSchemas } from '../adapters/schema-files.ts';
import { createEpic, updateEpic } from '../adapters/state.ts';
import { readTextBounded } from '../adapters/store.ts';

function readSource(file: string): string {
  try {
    return readTextBounded(file, 4_000_000);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new RelayError(code === 'EFBIG' ? (err as Error).message : `${file}: ${code === 'ENOENT' ? 'file not found' : `cannot read (${code})`}`);
  }
}

/** The epic a file describes, and the first line that says how it was read. */
function readEpicSource(file: string, text: string, createdAt: string, format?: string): { epic: Epic; said: string } {
  if (!format && /\.ya?ml$/i.test(file)) {
    const epic = checkEpic(parseYamlText(text, file), file, yamlLocator(text));
    return { epic, said: `read ${file} as an epic.yml` };
  }
  const { reader, draft } = readPlan(text, file, format);
  const epic = epicFromBlueprint(draft, { id: epicId(draft.title, createdAt), source: file, createdAt }, file);
  const tasks = Object.values(epic.tasks);
  const deps = tasks.reduce((n, t) => n + t.depends_on.length, 0);
  const notes = draft.notes?.length ? ` (${draft.notes.join('; ')})` : '';
  return { epic, said: `read ${file} as ${reader.label}: ${tasks.length} task${tasks.length === 1 ? '' : 's'}, ${deps} dependenc${deps === 1 ? 'y' : 'ies'}${notes}` };
}

export interface InitOptions extends SettingsOverrides {
  force?: boolean;
  dryRun?: boolean;
  format?: string;
  convert?: boolean;
  update?: boolean;
}

export async function initCommand(source: string, opts: InitOptions): Promise<void> {
  const paths = currentProject();
  const createdAt = new Date().toISOString();
  let file = source;
  if (opts.convert) {
    file = await convertPlan(paths, source, workerAgent(loadRelayConfig(paths)), (line: string) => process.stdout.write(`relay: ${line}\n`));
  }
  const { epic, said } = readEpicSource(file, readSource(file), createdAt, opts.format);
  process.stdout.write(`relay: ${said}\n`);
  const stored: Epic = /\.ya?ml$/i.test(file) && !opts.format ? epic : { ...epic, source: relative(paths.root, resolve(file)) || file };
  if (opts.dryRun) {
    process.stdout.write(serializeYaml(stored, ' the epic relay init would write (dry run: nothing written)'));
    return;
  }
  if (opts.update) {
    const changes = await updateEpic(paths, (current, ledger) => mergeEpic(current, ledger, stored, { force: opts.force }));
    process.stdout.write(changes.length ? `${changes.map((c) => `relay: ${c}`).join('\n')}\n` : 'relay: the plan and the epic already agree; nothing changed\n');
    return;
  }
  const settings = resolveSettings(loadRelayConfig(paths), opts);
  await createEpic(paths, stored, newLedger(stored, settings, createdAt), { force: opts.force, stamp: createdAt.replace(/[:.]/g, '-') });
  writeSchemas(paths.schemaDir);
  const merged = await ensureMergeRules(paths);
  ensureStateIgnored(paths);
  // Outside a git repository there is nothing to merge; `relay setup` registers the driver later.
  const driver = await registerMergeDriver(paths).then(() => true, () => false);
  const tasks = Object.values(stored.tasks);
  process.stdout.write(
    `relay: wrote ${relative(process.cwd(), paths.epic)} (${stored.title}: ${tasks.length} tasks, ${tasks.reduce((s, t) => s + t.points, 0)} points)\n` +
      `relay: wrote ${relative(process.cwd(), paths.attemptLedger)} (max ${settings.max_attempts_per_task} attempts, ${settings.timeout_minutes} min timeout, review ${settings.review.enabled ? settings.review.provider : 'off'})\n` +
      (merged ? `relay: added merge rules for relay's files to .gitattributes${driver ? ' and registered the merge driver (other clones: relay setup)' : ''}\n` : ''),
  );
}
