import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  loadRelayConfig
} from "./chunk-CIQRNYIC.mjs";
import "./chunk-RKO5KVIC.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-QMNJTYV7.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-3NNJAZC6.mjs";
import "./chunk-JTFCDVB4.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  loadRelayConfig
};
