import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
} from "./chunk-XZXLI6DN.mjs";
import "./chunk-25TXSF76.mjs";
import "./chunk-JKA3JLCE.mjs";
import "./chunk-HAHLE5FJ.mjs";
import "./chunk-X54MZ2ZR.mjs";
import "./chunk-VSDXJ7IH.mjs";
import "./chunk-5RV5R2HG.mjs";
import "./chunk-22OJE3EZ.mjs";
import "./chunk-7AA73NGY.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-TH26SPYC.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-IBMD7ISE.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
};
