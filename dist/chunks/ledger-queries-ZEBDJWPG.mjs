import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
} from "./chunk-GND6A4BO.mjs";
import "./chunk-YXQQNUPI.mjs";
import "./chunk-L2INEWLZ.mjs";
import "./chunk-HAHLE5FJ.mjs";
import "./chunk-FCFDE2NO.mjs";
import "./chunk-4NJLASVQ.mjs";
import "./chunk-YNRSTOJV.mjs";
import "./chunk-DU5TI4NN.mjs";
import "./chunk-C7THR5JC.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-WNAZAN7Z.mjs";
import "./chunk-KHAQNFQS.mjs";
import "./chunk-G3KEO4B4.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
};
