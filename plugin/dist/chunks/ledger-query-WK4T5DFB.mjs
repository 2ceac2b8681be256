import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
} from "./chunk-WSHYQQM3.mjs";
import "./chunk-DXTQAACW.mjs";
import "./chunk-HAHLE5FJ.mjs";
import "./chunk-ZYKQ7B5J.mjs";
import "./chunk-LILIRR27.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-62XEB27W.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
};
