/** `relay init`: a plan becomes .agents-os/relay/epic.yml and a fresh attempt ledger. */
import { relative, resolve } from 'node:path';
import { parseBlueprint } from '../core/epic/blueprint.ts';
import { checkEpic, epicFromBlueprint, epicId } from '../core/epic/epic.ts';
import { newLedger } from '../core/epic/attempts.ts';
import { RelayError } from '../core/shared/errors.ts';
import { yamlLocator } from '../core/shared/yaml-strict.ts';
import type { Epic } from '../core/shared/schemas.ts';
import { resolveSettings, type SettingsOverrides } from '../core/epic/settings.ts';
import { loadRelayConfig } from '../adapters/config.ts';
import { parseYamlText } from '../adapters/documents.ts';
import { ensureUnionMerge } from '../adapters/gitattributes.ts';
import { currentProject } from '../adapters/project.ts';
import { writeSchemas } from '../adapters/schema-files.ts';
import { createEpic } from '../adapters/state.ts';
import { readTextBounded } from '../adapters/store.ts';

function readEpicSource(file: string, createdAt: string): Epic {
  let text: string;
  try {
    text = readTextBounded(file, 4_000_000);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new RelayError(code === 'EFBIG' ? (err as Error).message : `${file}: ${code === 'ENOENT' ? 'file not found' : `cannot read (${code})`}`);
  }
  if (/\.ya?ml$/i.test(file)) return checkEpic(parseYamlText(text, file), file, yamlLocator(text));
  const bp = parseBlueprint(text, file);
  return epicFromBlueprint(bp, { id: epicId(bp.title, createdAt), source: file, createdAt }, file);
}

export interface InitOptions extends SettingsOverrides {
  force?: boolean;
  dryRun?: boolean;
}

export async function initCommand(source: string, opts: InitOptions): Promise<void> {
  const paths = currentProject();
  const createdAt = new Date().toISOString();
  const epic = readEpicSource(source, createdAt);
  const settings = resolveSettings(loadRelayConfig(paths), opts);
  const tasks = Object.values(epic.tasks);
  const summary = `${tasks.length} tasks, ${tasks.reduce((s, t) => s + t.points, 0)} points`;
  if (opts.dryRun) {
    process.stdout.write(`${source}: valid — ${summary}\n`);
    return;
  }
  const stored: Epic = /\.ya?ml$/i.test(source) ? epic : { ...epic, source: relative(paths.root, resolve(source)) || source };
  await createEpic(paths, stored, newLedger(stored, settings, createdAt), { force: opts.force, stamp: createdAt.replace(/[:.]/g, '-') });
  writeSchemas(paths.schemaDir);
  const merged = await ensureUnionMerge(paths);
  process.stdout.write(
    `relay: wrote ${relative(process.cwd(), paths.epic)} (${epic.title}: ${summary})\n` +
      `relay: wrote ${relative(process.cwd(), paths.attemptLedger)} (max ${settings.max_attempts_per_task} attempts, ${settings.timeout_minutes} min timeout, review ${settings.review.enabled ? settings.review.provider : 'off'})\n` +
      (merged ? `relay: added union-merge rules for the ledgers to .gitattributes\n` : ''),
  );
}
