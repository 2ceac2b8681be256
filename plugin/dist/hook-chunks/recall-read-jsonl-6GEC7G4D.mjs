import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  MAX_SOURCE_BYTES,
  readAppended,
  readFailed,
  readJsonl
} from "./chunk-WO2ZOQB7.mjs";
import "./chunk-X5UYIVYH.mjs";
import "./chunk-6GERIIBB.mjs";
import "./chunk-FOMAKOLI.mjs";
import "./chunk-VED6ZBSN.mjs";
export {
  MAX_SOURCE_BYTES,
  readAppended,
  readFailed,
  readJsonl
};
