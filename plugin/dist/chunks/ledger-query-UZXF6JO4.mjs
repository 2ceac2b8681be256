import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
} from "./chunk-42ZKRQHI.mjs";
import "./chunk-CUFE2ZRM.mjs";
import "./chunk-SGOGTKD5.mjs";
import "./chunk-BGHUYQ4O.mjs";
import "./chunk-HAHLE5FJ.mjs";
import "./chunk-ZYKQ7B5J.mjs";
import "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-JTFCDVB4.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
};
