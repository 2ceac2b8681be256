import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
} from "./chunk-2QFEKCP2.mjs";
import "./chunk-M76AB7MN.mjs";
import "./chunk-L2INEWLZ.mjs";
import "./chunk-HAHLE5FJ.mjs";
import "./chunk-GY4ZKKFQ.mjs";
import "./chunk-PH3F5M6G.mjs";
import "./chunk-YNRSTOJV.mjs";
import "./chunk-6IC42XJH.mjs";
import "./chunk-C7THR5JC.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-KHAQNFQS.mjs";
import "./chunk-FBIE3MHA.mjs";
import "./chunk-WNAZAN7Z.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
};
