import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  HOOK_EVENTS,
  handleHook,
  runHook
} from "./chunk-62TATBFB.mjs";
import "./chunk-CK5YCDNF.mjs";
import "./chunk-KDXCNLWE.mjs";
import "./chunk-C7THR5JC.mjs";
import "./chunk-KHAQNFQS.mjs";
import "./chunk-554FNN7E.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  HOOK_EVENTS,
  handleHook,
  runHook
};
