/**
 * Owner of AGENTS.md's "## Key Learnings" section and of the lessons archive and the
 * provenance log (which receipts each lesson came from) in the knowledge base. Promotion holds the key-learnings lock for its whole read-plan-write, so
 * two promotions never count the same receipt twice; the receipts it counted are then
 * marked consumed through the ledger's owner.
 */
import { existsSync } from 'node:fs';
import {
  appendProvenance, archiveLessons, heldBackLearnings, learningOccurrences, learningsOverview, planPromotion, provenanceOf, provenanceSection, readKeyLearnings, replaceKeyLearnings,
  type Lesson, type LearningsOverview,
} from '../core/knowledge/learnings.ts';
import { clustersFromJudgement, judgementPrompt, LessonJudgement, MAX_JUDGED, type Judged } from '../core/knowledge/lesson-judgement.ts';
import { toolJsonSchema } from '../core/epic/worker.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import type { WorkerAgent } from '../agents/agent.ts';
import { loadRelayConfig } from './config.ts';
import { workerEnv } from './executor.ts';
import { consumeLearnings, loadLedgerIfExists } from './state.ts';
import { readTextBounded, withLock, writeFileAtomic } from './store.ts';

const MAX_AGENTS_MD_BYTES = 16 * 1024 * 1024;
const DEFAULT_BUDGET_CHARS = 4000;

function readIfExists(file: string): string | null {
  return existsSync(file) ? readTextBounded(file, MAX_AGENTS_MD_BYTES) : null;
}

export interface PromotionReport {
  /** New in AGENTS.md (3+ occurrences). */
  promoted: Lesson[];
  /** Already in AGENTS.md; count and last-seen date updated. */
  reinforced: Lesson[];
  /** Moved to the knowledge-base archive to keep the section within its budget. */
  demoted: Lesson[];
  /** Seen twice: promoted once they recur a third time. */
  emerging: Lesson[];
  /** Learnings seen once, left in the ledger. */
  skipped: number;
  /** Receipts now recorded in the ledger's `promoted_learnings`. */
  consumed: number;
  /** Files written (AGENTS.md, the archive); empty when nothing changed. */
  written: string[];
  /** Who grouped the learnings: the worker agent, or relay's conservative rules when it gave no usable answer. */
  judged_by: 'agent' | 'rules';
  /** Learnings the agent judged too specific or vague: consumed, never counted. */
  noise: number;
}

const NOTHING: PromotionReport = { promoted: [], reinforced: [], demoted: [], emerging: [], skipped: 0, consumed: 0, written: [], judged_by: 'rules', noise: 0 };
const JUDGE_TIMEOUT_MS = 10 * 60_000;

/** The agent's grouping of the learnings as they stand, asked before any lock is taken; null when it gave none usable. */
async function judge(paths: ProjectPaths, agent: WorkerAgent | undefined): Promise<{ refs: string; judged: Judged } | null> {
  const ledger = loadLedgerIfExists(paths);
  if (!agent || !ledger) return null;
  const occurrences = learningOccurrences(ledger);
  if (!occurrences.length || occurrences.length > MAX_JUDGED) return null;
  const current = readKeyLearnings(readIfExists(paths.agentsMd));
  const answer = await agent.ask({ prompt: judgementPrompt(occurrences, current), cwd: paths.root, env: workerEnv({}), timeoutMs: JUDGE_TIMEOUT_MS }, toolJsonSchema(LessonJudgement));
  const judged = clustersFromJudgement(occurrences, current, answer);
  return judged ? { refs: occurrences.map((o) => o.ref).join(','), judged } : null;
}

/**
 * What `relay learnings promote` does, and what `relay work` runs when an epic completes.
 * The receipts stay in the ledger as history; their refs go into `promoted_learnings` so
 * the next promotion counts only what recurred since.
 */
export async function promoteLessons(paths: ProjectPaths, agent?: WorkerAgent): Promise<PromotionReport> {
  if (!existsSync(paths.attemptLedger)) return NOTHING;
  const budget = loadRelayConfig(paths).learnings?.budget_chars ?? DEFAULT_BUDGET_CHARS;
  const asked = await judge(paths, agent);
  return withLock(paths.keyLearningsLock, async () => {
    const ledger = loadLedgerIfExists(paths);
    if (!ledger) return NOTHING;
    const agentsMd = readIfExists(paths.agentsMd);
    const occurrences = learningOccurrences(ledger);
    // The judgement holds only for the learnings it saw: if another promotion ran meanwhile, the rules decide.
    const judged = asked && asked.refs === occurrences.map((o) => o.ref).join(',') ? asked.judged : undefined;
    const plan = planPromotion(readKeyLearnings(agentsMd), occurrences, budget, judged);
    const report: PromotionReport = { ...NOTHING, emerging: plan.emerging, skipped: plan.skipped, written: [], judged_by: judged ? 'agent' : 'rules', noise: judged?.noise.length ?? 0 };
    if (!plan.consumed.length && !plan.demoted.length) return report;
    // Archive first: a crash between the two writes leaves a lesson in both places, never in neither.
    if (plan.demoted.length) {
      writeFileAtomic(paths.learningsArchive, archiveLessons(readIfExists(paths.learningsArchive), plan.demoted));
      report.written.push(paths.learningsArchive);
    }
    const next = replaceKeyLearnings(agentsMd, plan.section);
    if (next !== agentsMd) {
      writeFileAtomic(paths.agentsMd, next);
      report.written.push(paths.agentsMd);
    }
    if (plan.promoted.length || plan.reinforced.length) {
      const section = provenanceSection(ledger.epic_id, new Date().toISOString(), report.judged_by, plan.promoted, plan.reinforced);
      writeFileAtomic(paths.learningsProvenance, appendProvenance(readIfExists(paths.learningsProvenance), section));
      report.written.push(paths.learningsProvenance);
    }
    if (plan.consumed.length) await consumeLearnings(paths, plan.consumed);
    return { ...report, promoted: plan.promoted, reinforced: plan.reinforced, demoted: plan.demoted, consumed: plan.consumed.length };
  });
}

/** Emerging, ready and stale lessons, for `relay learnings list`. */
export function listLearnings(paths: ProjectPaths, staleDays: number, today = new Date().toISOString().slice(0, 10)): LearningsOverview {
  const ledger = loadLedgerIfExists(paths) ?? null;
  const overview = learningsOverview(readKeyLearnings(readIfExists(paths.agentsMd)), ledger ? learningOccurrences(ledger) : [], today, staleDays, ledger ? heldBackLearnings(ledger) : []);
  const provenance = readIfExists(paths.learningsProvenance) ?? '';
  return { ...overview, promoted: overview.promoted.map((l) => ({ ...l, provenance: provenanceOf(provenance, l.text) })) };
}
