/**
 * Promotion of recurring receipt learnings into AGENTS.md's Key Learnings section, with
 * demoted lessons kept in the knowledge base. Runs under the AGENTS.md lock and inside the
 * attempt-ledger mutation, so two promotions never count the same receipt twice.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  archiveLessons, learningOccurrences, learningsOverview, planPromotion, readKeyLearnings, replaceKeyLearnings,
  type Lesson, type LearningsOverview,
} from '../core/learnings.ts';
import type { ProjectPaths } from '../core/paths.ts';
import { AttemptLedger } from '../core/schemas.ts';
import { loadRelayConfig } from './config.ts';
import { loadYaml } from './documents.ts';
import { mutateLedger } from './state.ts';
import { readTextBounded, withLock, writeFileAtomic } from './store.ts';

const MAX_AGENTS_MD_BYTES = 16 * 1024 * 1024;
const DEFAULT_BUDGET_CHARS = 4000;

export function learningsArchivePath(paths: ProjectPaths): string {
  return join(paths.opsKnowledge, 'learnings', 'key-learnings-archive.md');
}

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
}

const NOTHING: PromotionReport = { promoted: [], reinforced: [], demoted: [], emerging: [], skipped: 0, consumed: 0, written: [] };

/**
 * What `relay learnings promote` does, and what `relay work` runs when an epic completes.
 * The receipts stay in the ledger as history; their refs go into `promoted_learnings` so
 * the next promotion counts only what recurred since.
 */
export async function promoteLearnings(paths: ProjectPaths): Promise<PromotionReport> {
  if (!existsSync(paths.attemptLedger)) return NOTHING;
  const budget = loadRelayConfig(paths).learnings?.budget_chars ?? DEFAULT_BUDGET_CHARS;
  // The lock sits under .agents-os so no lock directory ever appears beside the user's AGENTS.md.
  return withLock(join(paths.relayDir, 'key-learnings'), () =>
    mutateLedger(paths, (_epic, ledger) => {
      const agentsMd = readIfExists(paths.agentsMd);
      const plan = planPromotion(readKeyLearnings(agentsMd), learningOccurrences(ledger), budget);
      const report: PromotionReport = { ...NOTHING, emerging: plan.emerging, skipped: plan.skipped, written: [] };
      if (!plan.consumed.length && !plan.demoted.length) return { ledger, result: report };
      // Archive first: a crash between the two writes leaves a lesson in both places, never in neither.
      if (plan.demoted.length) {
        const archive = learningsArchivePath(paths);
        writeFileAtomic(archive, archiveLessons(readIfExists(archive), plan.demoted));
        report.written.push(archive);
      }
      const next = replaceKeyLearnings(agentsMd, plan.section);
      if (next !== agentsMd) {
        writeFileAtomic(paths.agentsMd, next);
        report.written.push(paths.agentsMd);
      }
      return {
        ledger: { ...ledger, promoted_learnings: [...ledger.promoted_learnings, ...plan.consumed] },
        result: { ...report, promoted: plan.promoted, reinforced: plan.reinforced, demoted: plan.demoted, consumed: plan.consumed.length },
      };
    }),
  );
}

/** Emerging, ready and stale lessons, for `relay learnings list`. */
export function listLearnings(paths: ProjectPaths, staleDays: number, today = new Date().toISOString().slice(0, 10)): LearningsOverview {
  const ledger = existsSync(paths.attemptLedger) ? loadYaml(paths.attemptLedger, AttemptLedger) : null;
  return learningsOverview(readKeyLearnings(readIfExists(paths.agentsMd)), ledger ? learningOccurrences(ledger) : [], today, staleDays);
}
