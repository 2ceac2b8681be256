import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  MAX_SOURCE_BYTES,
  readAppended,
  readFailed,
  readJsonl
} from "./chunk-LX34HPGB.mjs";
import "./chunk-GTO7XDNX.mjs";
import "./chunk-7HUEV55X.mjs";
import "./chunk-PEPFD4CA.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-JTFCDVB4.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  MAX_SOURCE_BYTES,
  readAppended,
  readFailed,
  readJsonl
};
