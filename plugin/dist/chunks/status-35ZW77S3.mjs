import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  statusCommand,
  statusReport
} from "./chunk-YXERKNVZ.mjs";
import "./chunk-7ZSTW4DF.mjs";
import "./chunk-6GUHQ74E.mjs";
import "./chunk-3AOP4IRD.mjs";
import "./chunk-HAHLE5FJ.mjs";
import "./chunk-R7325EED.mjs";
import "./chunk-WSYMEFKX.mjs";
import "./chunk-ETKPPQKR.mjs";
import "./chunk-BCWZON6A.mjs";
import "./chunk-S2CIFETD.mjs";
import "./chunk-J372MWP3.mjs";
import "./chunk-RKO5KVIC.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-DUPEDPRH.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-JTFCDVB4.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  statusCommand,
  statusReport
};
