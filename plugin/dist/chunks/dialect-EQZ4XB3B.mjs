import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  DIALECTS,
  dialectFor
} from "./chunk-BKF7ZIAF.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  DIALECTS,
  dialectFor
};
