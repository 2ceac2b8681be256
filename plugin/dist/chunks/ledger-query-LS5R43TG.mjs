import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
} from "./chunk-XAHTHBFH.mjs";
import "./chunk-YRIJQN2U.mjs";
import "./chunk-JKA3JLCE.mjs";
import "./chunk-HAHLE5FJ.mjs";
import "./chunk-ZU26WYIQ.mjs";
import "./chunk-BSF6SWF2.mjs";
import "./chunk-IBLX6BRV.mjs";
import "./chunk-22OJE3EZ.mjs";
import "./chunk-7AA73NGY.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-TH26SPYC.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-TFDMC74X.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
};
