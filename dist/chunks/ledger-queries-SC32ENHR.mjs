import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
} from "./chunk-NF2WONHT.mjs";
import "./chunk-YXQQNUPI.mjs";
import "./chunk-L2INEWLZ.mjs";
import "./chunk-HAHLE5FJ.mjs";
import "./chunk-YB4TF54L.mjs";
import "./chunk-MDMCB2SQ.mjs";
import "./chunk-YNRSTOJV.mjs";
import "./chunk-KDXCNLWE.mjs";
import "./chunk-C7THR5JC.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-WNAZAN7Z.mjs";
import "./chunk-KHAQNFQS.mjs";
import "./chunk-554FNN7E.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
};
