import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  MAX_SOURCE_BYTES,
  readAppended,
  readFailed,
  readJsonl
} from "./chunk-KBASI3RR.mjs";
import "./chunk-L5HKKICO.mjs";
import "./chunk-6GERIIBB.mjs";
import "./chunk-3HTNEWXG.mjs";
import "./chunk-VED6ZBSN.mjs";
export {
  MAX_SOURCE_BYTES,
  readAppended,
  readFailed,
  readJsonl
};
