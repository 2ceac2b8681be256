/**
 * The quality gate: the task's verify commands always, then a reviewer (another Claude, a
 * command, or none). It turns a claimed success into the verdict relay records.
 */
import { z } from 'zod';
import { Verdict, type Epic, type Receipt } from '../shared/schemas.ts';
import { toolJsonSchema } from './worker.ts';

export const ReviewVerdict = z
  .object({
    verdict: Verdict,
    findings: z.array(z.string()).default([]).describe('Concrete problems, each with file and line where possible'),
  })
  .strict();
export type ReviewVerdict = z.infer<typeof ReviewVerdict>;

export interface VerifyResult {
  command: string;
  exitCode: number | null;
  timedOut: boolean;
  output: string;
}

/** A diff cut to a budget at file boundaries, with what was left out. */
export interface ReviewDiff {
  text: string;
  /** Files whose part of the diff did not fit. */
  omitted: string[];
}

function diffFile(part: string): string {
  const m = /^diff --git a\/(.*?) b\/(.*)$/m.exec(part);
  return m ? m[2]! : part.split('\n')[0]!;
}

/** Whole files' diffs, in order, until the next one would pass `maxChars`; the rest are named. */
export function cutDiff(diff: string, maxChars: number): ReviewDiff {
  const parts = diff.split(/^(?=diff --git )/m).filter(Boolean);
  const kept: string[] = [];
  const omitted: string[] = [];
  let size = 0;
  for (const part of parts) {
    if (!omitted.length && size + part.length <= maxChars) {
      kept.push(part);
      size += part.length;
    } else omitted.push(diffFile(part));
  }
  return { text: kept.join(''), omitted };
}

function verifyLine(v: VerifyResult): string {
  return `- \`${v.command}\`: ${v.exitCode === 0 ? 'passed' : v.timedOut ? 'timed out' : `exited ${v.exitCode}`}`;
}

export function reviewPrompt(epic: Epic, taskId: string, receipt: Receipt, diff: ReviewDiff, verify: VerifyResult[] = []): string {
  const task = epic.tasks[taskId]!;
  return [
    `# Review of relay task ${taskId}: ${task.title}`,
    'You are the quality gate for one task of an epic. Judge the diff below against the task; do not edit files.',
    'Answer with the StructuredOutput tool: verdict APPROVED (meets the criteria), NEEDS CHANGES (fixable problems; list them as findings), or BLOCKED (cannot be done as specified, or is dangerous; explain).',
    task.acceptance_criteria.length ? `## Acceptance criteria\n${task.acceptance_criteria.map((c) => `- ${c}`).join('\n')}` : '',
    task.files.length ? `## Files the task names\n${task.files.map((f) => `- ${f}`).join('\n')}` : '',
    verify.length ? `## Verify commands relay ran after the attempt\n${verify.map(verifyLine).join('\n')}` : '',
    `## What the worker says it did\n${receipt.summary}`,
    `## This attempt's own change (relay's bookkeeping excluded)\n\`\`\`diff\n${diff.text || '(no changes)'}\n\`\`\``,
    diff.omitted.length ? `The diff was cut to fit the review budget. Left out, ${diff.omitted.length} file(s): ${diff.omitted.join(', ')}. Judge what you were shown, and say so if the rest matters.` : '',
  ].filter(Boolean).join('\n\n');
}

export function reviewJsonSchema(): string {
  return toolJsonSchema(ReviewVerdict);
}

/** Combines the worker's claim with verify results and the review into the recorded outcome. */
/** A reviewer's answer as a verdict: anything unusable is NEEDS CHANGES, never an approval. */
export function reviewVerdictOf(answer: unknown): ReviewVerdict {
  const parsed = ReviewVerdict.safeParse(answer);
  return parsed.success ? parsed.data : { verdict: 'NEEDS CHANGES', findings: ['the reviewer returned no valid verdict'] };
}

export function applyQualityGate(receipt: Receipt, verify: VerifyResult[], review: ReviewVerdict | null): { result: 'success' | 'failure'; receipt: Receipt } {
  const failedVerify = verify.filter((v) => v.exitCode !== 0);
  if (failedVerify.length) {
    const findings = failedVerify.map((v) => `verify \`${v.command}\` ${v.timedOut ? 'timed out' : `exited ${v.exitCode}`}${v.output ? `: ${v.output}` : ''}`);
    return {
      result: 'failure',
      receipt: {
        ...receipt,
        status: 'failure',
        tests_passed: false,
        quality_gate_verdict: 'NEEDS CHANGES',
        quality_gate_findings: findings,
        error_category: 'test_failure',
        error_summary: `the worker claimed success but ${findings[0]}`,
        approach_taken: receipt.approach_taken ?? receipt.summary,
        suggestion: receipt.suggestion ?? `Run \`${failedVerify[0]!.command}\` yourself and make it pass before reporting success.`,
      },
    };
  }
  const verified = verify.length ? { tests_passed: true } : {};
  if (!review || review.verdict === 'APPROVED') {
    return { result: 'success', receipt: { ...receipt, ...verified, quality_gate_verdict: review ? 'APPROVED' : receipt.quality_gate_verdict, quality_gate_findings: review?.findings ?? [] } };
  }
  return {
    result: 'failure',
    receipt: {
      ...receipt,
      ...verified,
      status: 'failure',
      quality_gate_verdict: review.verdict,
      quality_gate_findings: review.findings,
      error_category: 'quality_gate',
      error_summary: `review ${review.verdict}: ${review.findings[0] ?? 'no findings given'}`,
      approach_taken: receipt.approach_taken ?? receipt.summary,
      suggestion: receipt.suggestion ?? (review.verdict === 'BLOCKED' ? 'A person must decide how to proceed.' : 'Fix every finding of the review.'),
    },
  };
}
