import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  readSource
} from "./chunks/chunk-7Z7CAJ5K.mjs";
import "./chunks/chunk-OMITWCKR.mjs";
import "./chunks/chunk-VLRPGHZT.mjs";
import "./chunks/chunk-7HUEV55X.mjs";
import "./chunks/chunk-ZXQYJJBU.mjs";
import "./chunks/chunk-ZYKQ7B5J.mjs";
import "./chunks/chunk-AV66IWWN.mjs";
import "./chunks/chunk-J372MWP3.mjs";
import "./chunks/chunk-DUPEDPRH.mjs";
import "./chunks/chunk-GR4X3XHI.mjs";
import "./chunks/chunk-HVA2SMNT.mjs";
import "./chunks/chunk-4UMD7KWD.mjs";
import "./chunks/chunk-R5CMOSTG.mjs";
import "./chunks/chunk-OTZ4R5UM.mjs";
import "./chunks/chunk-JTFCDVB4.mjs";
import "./chunks/chunk-AZJUC4SK.mjs";
import "./chunks/chunk-NZBZCSN3.mjs";

// scripts/adapters/recall-read-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var BATCH_DOCS = 256;
var { paths, files } = workerData;
var batch = [];
var docs = 0;
for (const f of files) {
  const read = readSource(paths, f);
  batch.push(read);
  docs += read.docs.length + 1;
  if (docs >= BATCH_DOCS) {
    parentPort.postMessage(batch);
    batch = [];
    docs = 0;
  }
}
if (batch.length) parentPort.postMessage(batch);
