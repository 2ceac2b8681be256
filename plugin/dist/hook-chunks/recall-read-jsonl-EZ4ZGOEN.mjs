import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  MAX_SOURCE_BYTES,
  readAppended,
  readFailed,
  readJsonl
} from "./chunk-EV2UM5FO.mjs";
import "./chunk-INWQHQ3L.mjs";
import "./chunk-6GERIIBB.mjs";
import "./chunk-AEJDRQEE.mjs";
import "./chunk-VED6ZBSN.mjs";
export {
  MAX_SOURCE_BYTES,
  readAppended,
  readFailed,
  readJsonl
};
