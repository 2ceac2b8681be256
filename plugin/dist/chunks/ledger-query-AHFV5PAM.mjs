import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
} from "./chunk-KW44566U.mjs";
import "./chunk-P4MJATLH.mjs";
import "./chunk-SC7KNKSL.mjs";
import "./chunk-HAHLE5FJ.mjs";
import "./chunk-LNZHRAD2.mjs";
import "./chunk-BSF6SWF2.mjs";
import "./chunk-O7GPPVD2.mjs";
import "./chunk-2OF5HFTW.mjs";
import "./chunk-7AA73NGY.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-RN6VYTR2.mjs";
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
