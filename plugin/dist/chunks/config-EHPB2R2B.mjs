import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  loadRelayConfig
} from "./chunk-ECNXDTSR.mjs";
import "./chunk-RKO5KVIC.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-DUPEDPRH.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-JTFCDVB4.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  loadRelayConfig
};
