import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  HOOK_EVENTS,
  handleHook,
  runHook
} from "./chunk-THDMVBDW.mjs";
import "./chunk-2WPP23GB.mjs";
import "./chunk-DU5TI4NN.mjs";
import "./chunk-C7THR5JC.mjs";
import "./chunk-KHAQNFQS.mjs";
import "./chunk-G3KEO4B4.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  HOOK_EVENTS,
  handleHook,
  runHook
};
