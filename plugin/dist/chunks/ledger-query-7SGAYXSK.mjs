import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
} from "./chunk-AAJBM5WH.mjs";
import "./chunk-DTV5SS4C.mjs";
import "./chunk-BCDHJ4YU.mjs";
import "./chunk-HIYGOJAB.mjs";
import "./chunk-HAHLE5FJ.mjs";
import "./chunk-2VKVEHDW.mjs";
import "./chunk-3BMRPU2F.mjs";
import "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-3NNJAZC6.mjs";
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
