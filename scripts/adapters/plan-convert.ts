/**
 * Owner of `<plan>.relay.md`, the blueprint `relay init --convert` has the worker agent write
 * from a free-form plan. The agent's answer is read with the same reader and validator as
 * any plan; a refused answer is sent back once with the validator's message.
 */
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import type { WorkerAgent } from '../agents/agent.ts';
import { BLUEPRINT_EXAMPLE } from '../core/epic/blueprint.ts';
import { epicFromBlueprint } from '../core/epic/epic.ts';
import { readPlan } from '../core/epic/plans/index.ts';
import { toolJsonSchema } from '../core/epic/worker.ts';
import { RelayError } from '../core/shared/errors.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import { Epic } from '../core/shared/schemas.ts';
import { workerEnv } from './executor.ts';
import { readTextBounded, writeFileAtomic } from './store.ts';

const Answer = z.object({ blueprint: z.string().min(1).describe('The whole plan rewritten in relay\'s blueprint format (markdown)') }).strict();
const TIMEOUT_MS = 10 * 60_000;

function prompt(plan: string, file: string, problem?: string): string {
  return [
    `# Rewrite a plan for relay`,
    `Rewrite the plan in ${file} (below) in relay's blueprint format, keeping its own wording. One task per heading, with an id (T1, T2, …), a title, a priority (p0-p3), points, the files it touches, its dependencies (ids, or none), acceptance criteria, and a Verify command only where the plan names a check. Invent nothing the plan does not say. Answer with the StructuredOutput tool: {"blueprint": "<the markdown>"}.`,
    `The format:\n\n${BLUEPRINT_EXAMPLE}`,
    `What each task field means (JSON Schema of relay's epic):\n${JSON.stringify(z.toJSONSchema(Epic, { io: 'input' }))}`,
    problem ? `Your last answer was refused by relay's validator: ${problem}\nFix exactly that.` : '',
    `## The plan\n\n${plan}`,
  ].filter(Boolean).join('\n\n');
}

/** Has the agent rewrite `source`, checks the result, writes `<name>.relay.md` beside it and returns that path. */
export async function convertPlan(paths: ProjectPaths, source: string, agent: WorkerAgent, say: (line: string) => void): Promise<string> {
  const plan = readTextBounded(source, 2_000_000);
  const target = join(dirname(source), `${basename(source, extname(source))}.relay.md`);
  let problem: string | undefined;
  for (let round = 1; round <= 2; round++) {
    say(`asking ${agent.name} to rewrite ${source} as a relay blueprint${problem ? ' (again, with the validator\'s message)' : ''}`);
    const answer = Answer.safeParse(await agent.ask({ prompt: prompt(plan, source, problem), cwd: paths.root, env: workerEnv({}), timeoutMs: TIMEOUT_MS }, toolJsonSchema(Answer)));
    if (!answer.success) {
      problem = 'the answer was not {"blueprint": "<markdown>"}';
      continue;
    }
    try {
      const { draft } = readPlan(answer.data.blueprint, target, 'blueprint');
      epicFromBlueprint(draft, { id: 'check', source: target, createdAt: new Date().toISOString() }, target);
    } catch (err) {
      if (!(err instanceof RelayError)) throw err;
      problem = err.message;
      continue;
    }
    writeFileAtomic(target, answer.data.blueprint.endsWith('\n') ? answer.data.blueprint : `${answer.data.blueprint}\n`);
    say(`wrote ${target}: read it, keep it, and edit it as the plan changes`);
    return target;
  }
  throw new RelayError(`${source}: ${agent.name} could not rewrite the plan in a form relay accepts (last problem: ${problem}); write the blueprint by hand (relay init --dry-run checks it)`);
}
