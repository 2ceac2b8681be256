import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  readyTasks
} from "./chunk-PEPFD4CA.mjs";

// scripts/core/epic/status.ts
var MISSED_HEARTBEATS = 3;
function agentRows(statuses, now) {
  return statuses.map((s) => {
    const seen = Date.parse(s.updated_at);
    const age = Number.isNaN(seen) ? null : Math.max(0, Math.round((now - seen) / 1e3));
    const stale = s.state === "busy" && !!s.heartbeat_s && age !== null && age > MISSED_HEARTBEATS * s.heartbeat_s;
    return { agent: s.agent, state: s.state, current_task: s.current_task, last_seen: s.updated_at, age_s: age, stale };
  }).sort((a, b) => a.agent.localeCompare(b.agent));
}
function ageText(seconds) {
  if (seconds === null) return "-";
  if (seconds < 120) return `${seconds}s ago`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m ago`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)}h ago`;
  return `${Math.round(seconds / 86400)}d ago`;
}
function blockingChain(epic, ledger, id) {
  const chain = [];
  const seen = /* @__PURE__ */ new Set([id]);
  let current = id;
  for (; ; ) {
    const dep = epic.tasks[current]?.depends_on.find((d) => ledger.task_status[d] !== "completed" && !seen.has(d));
    if (!dep) return chain;
    chain.push(dep);
    seen.add(dep);
    if (ledger.task_status[dep] !== "blocked") return chain;
    current = dep;
  }
}
function buildStatus(epic, ledger, run = null, agents = [], now) {
  const counts = { pending: 0, in_progress: 0, completed: 0, blocked: 0, gated: 0 };
  const tasks = [];
  let pointsDone = 0;
  let pointsTotal = 0;
  let totalCost = 0;
  for (const [id, task] of Object.entries(epic.tasks)) {
    const status = ledger.task_status[id] ?? "pending";
    counts[status]++;
    pointsTotal += task.points;
    if (status === "completed") pointsDone += task.points;
    const attempts = ledger.attempts[id] ?? [];
    const last = attempts.at(-1);
    const lastFailure = [...attempts].reverse().find((a) => a.result === "failure");
    const cost = attempts.reduce((sum, a) => sum + (a.total_cost_usd ?? 0), 0);
    totalCost += cost;
    tasks.push({
      id,
      title: task.title,
      status,
      priority: task.priority,
      points: task.points,
      attempts: attempts.length,
      last_result: last?.result ?? null,
      last_error: lastFailure?.receipt?.error_summary ?? lastFailure?.receipt?.quality_gate_findings[0] ?? null,
      gate: ledger.gated_tasks[id] ?? null,
      blocked_by: status === "blocked" ? blockingChain(epic, ledger, id) : null,
      cost_usd: Math.round(cost * 1e6) / 1e6,
      running_s: status === "in_progress" && last?.result === "in_progress" && now !== void 0 ? Math.max(0, Math.round((now - Date.parse(last.started_at)) / 1e3)) : null
    });
  }
  const total = tasks.length;
  return {
    schema: "relay.status/v1",
    epic: { id: epic.id, title: epic.title, source: epic.source },
    progress: {
      done: counts.completed,
      total,
      points_done: pointsDone,
      points_total: pointsTotal,
      percent: total ? Math.round(counts.completed / total * 100) : 0
    },
    counts,
    next_ready: readyTasks(epic, ledger)[0] ?? null,
    tasks,
    gated: Object.entries(ledger.gated_tasks).map(([id, g]) => ({ id, ...g })),
    cost_usd: Math.round(totalCost * 1e6) / 1e6,
    run,
    died: deadRunReport(ledger, run),
    agents
  };
}
function deadRunReport(ledger, run) {
  if (run?.running) return null;
  const open = Object.entries(ledger.attempts).flatMap(([id, list]) => list.filter((a) => a.result === "in_progress").map((a) => `${id}#${a.id}`));
  if (!open.length) return null;
  return { pid: run?.last_run?.pid ?? null, last_seen: run?.last_run?.last_seen ?? null, attempts: open };
}
var STATUS_STYLE = {
  completed: "green",
  in_progress: "cyan",
  pending: "bold",
  blocked: "yellow",
  gated: "red"
};
function clip(text, width) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= width ? flat : `${flat.slice(0, Math.max(0, width - 1))}\u2026`;
}
function bar(fraction, width = 24) {
  const filled = Math.round(fraction * width);
  return `${"\u2588".repeat(filled)}${"\u2591".repeat(width - filled)}`;
}
function renderStatus(report, paint, width = 120) {
  const { progress } = report;
  const out = [];
  out.push(`${paint("bold", report.epic.title)}  ${paint("dim", `(${report.epic.id})`)}`);
  out.push(
    `${bar(progress.total ? progress.done / progress.total : 0)} ${progress.done}/${progress.total} tasks \xB7 ${progress.points_done}/${progress.points_total} points \xB7 ${progress.percent}%` + (report.cost_usd > 0 ? ` \xB7 $${report.cost_usd.toFixed(2)}` : "")
  );
  const c = report.counts;
  out.push(paint("dim", `completed ${c.completed} \xB7 in progress ${c.in_progress} \xB7 pending ${c.pending} \xB7 blocked ${c.blocked} \xB7 gated ${c.gated}`));
  out.push("");
  const header = ["ID", "STATUS", "PRI", "PTS", "TRIES", "LAST", "TITLE / LAST ERROR"];
  const rows = report.tasks.map((t) => [t.id, t.status, t.priority, String(t.points), String(t.attempts), t.last_result ?? "-", t]);
  const widths = header.slice(0, 6).map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const restWidth = Math.max(20, width - widths.reduce((a, b) => a + b + 2, 0));
  const pad = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join("  ");
  out.push(paint("dim", `${pad(header.slice(0, 6))}  ${header[6]}`));
  for (const row of rows) {
    const t = row[6];
    const cells = row.slice(0, 6);
    let detail = t.title;
    if (t.status === "blocked" && t.blocked_by?.length) detail += ` \u2190 waits on ${t.blocked_by.join(" \u2190 ")}`;
    if (t.gate) detail += ` [${t.gate.reason}]`;
    if (t.running_s !== null) detail += ` (running ${ageText(t.running_s).replace(" ago", "")})`;
    let line = `${pad(cells)}  ${clip(detail, restWidth)}`;
    line = line.replace(t.status.padEnd(widths[1]), paint(STATUS_STYLE[t.status], t.status.padEnd(widths[1])));
    out.push(line);
    if (t.last_error && t.status !== "completed") out.push(`${" ".repeat(widths.reduce((a, b) => a + b + 2, 0))}${paint("red", clip(`\u21B3 ${t.last_error}`, restWidth))}`);
  }
  if (report.gated.length) {
    out.push("", paint("bold", "Gated"));
    for (const g of report.gated) {
      out.push(`  ${paint("red", g.id)}  ${g.reason}  ${paint("dim", g.gated_at)}${g.detail ? `  ${clip(g.detail, 60)}` : ""}   \u2192 relay ungate ${g.id}`);
    }
  }
  const blocked = report.tasks.filter((t) => t.status === "blocked");
  if (blocked.length) {
    out.push("", paint("bold", "Blocked"));
    for (const t of blocked) {
      const root = t.blocked_by?.at(-1);
      const rootRow = report.tasks.find((r) => r.id === root);
      out.push(`  ${paint("yellow", t.id)} \u2190 ${t.blocked_by?.join(" \u2190 ")}${rootRow ? ` (${rootRow.status}${rootRow.gate ? `: ${rootRow.gate.reason}` : ""})` : ""}`);
    }
  }
  const died = report.died;
  if (died) {
    const attempts = died.attempts.map((a) => a.replace("#", " attempt ")).join(", ");
    out.push("", paint("yellow", `The last relay work${died.pid ? ` (pid ${died.pid})` : ""} died${died.last_seen ? ` (last heard of ${died.last_seen.replace("T", " ").slice(0, 19)} UTC)` : ""} while ${attempts} ran.`), `Run relay work to resume: the open attempt is closed as interrupted, not counted against the task.`);
  }
  if (report.agents.length) {
    out.push("", paint("bold", "Agents"));
    const width2 = Math.max(...report.agents.map((a) => a.agent.length));
    for (const a of report.agents) {
      const state = a.stale ? paint("yellow", "stale") : a.state === "busy" ? paint("cyan", "busy ") : a.state === "error" ? paint("red", "error") : paint("dim", "idle ");
      out.push(`  ${a.agent.padEnd(width2)}  ${state}  ${(a.current_task ?? "-").padEnd(6)}  heard ${ageText(a.age_s)}`);
    }
  }
  out.push("", report.next_ready ? `Next ready: ${paint("cyan", report.next_ready)} \u2014 ${report.tasks.find((t) => t.id === report.next_ready)?.title}` : paint("dim", `Next ready: none${died ? " until relay work resumes" : ""}`));
  if (report.run) {
    const log = report.run.log ? `; log: ${report.run.log}` : "";
    if (report.run.running) out.push(paint("cyan", `relay work is running (pid ${report.run.pid})${log}`));
    else if (report.run.log) out.push(paint("dim", `last run log: ${report.run.log}`));
    for (const l of report.run.last_lines) out.push(paint("dim", `  ${l}`));
  }
  return out.join("\n");
}

export {
  agentRows,
  ageText,
  buildStatus,
  renderStatus
};
