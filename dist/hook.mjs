import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  runHook
} from "./chunks/chunk-6CEALHSF.mjs";
import "./chunks/chunk-27IKY3X2.mjs";
import "./chunks/chunk-RYU34BAF.mjs";
import "./chunks/chunk-C7THR5JC.mjs";
import "./chunks/chunk-KHAQNFQS.mjs";
import "./chunks/chunk-OZSIENYS.mjs";
import "./chunks/chunk-NZBZCSN3.mjs";

// scripts/hook.ts
function exit(problem) {
  if (problem !== void 0) process.stderr.write(`relay hook: ${problem instanceof Error ? problem.message : String(problem)}
`);
  process.exit(0);
}
process.on("uncaughtException", exit);
process.on("unhandledRejection", exit);
await runHook();
exit();
