import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
} from "./chunk-JJ7NS2LI.mjs";
import "./chunk-77A2BD3R.mjs";
import "./chunk-HAHLE5FJ.mjs";
import "./chunk-ZYKQ7B5J.mjs";
import "./chunk-JFWOJU6D.mjs";
import "./chunk-6DSS6ZB5.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-62XEB27W.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
};
