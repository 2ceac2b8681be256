import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  HOOK_EVENTS,
  handleHook,
  runHook
} from "./chunk-6CEALHSF.mjs";
import "./chunk-27IKY3X2.mjs";
import "./chunk-RYU34BAF.mjs";
import "./chunk-C7THR5JC.mjs";
import "./chunk-KHAQNFQS.mjs";
import "./chunk-OZSIENYS.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  HOOK_EVENTS,
  handleHook,
  runHook
};
