import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  statusCommand,
  statusReport
} from "./chunk-QXEWPYDU.mjs";
import "./chunk-7ZSTW4DF.mjs";
import "./chunk-LRWOMVZP.mjs";
import "./chunk-3AOP4IRD.mjs";
import "./chunk-HAHLE5FJ.mjs";
import "./chunk-R7325EED.mjs";
import "./chunk-J73XRGZZ.mjs";
import "./chunk-R5VAHXD7.mjs";
import "./chunk-BCWZON6A.mjs";
import "./chunk-64IFK3RD.mjs";
import "./chunk-PEPFD4CA.mjs";
import "./chunk-RKO5KVIC.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-QMNJTYV7.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-3NNJAZC6.mjs";
import "./chunk-JTFCDVB4.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  statusCommand,
  statusReport
};
