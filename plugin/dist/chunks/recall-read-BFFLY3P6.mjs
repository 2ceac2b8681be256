import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  readSource
} from "./chunk-7Z7CAJ5K.mjs";
import "./chunk-OMITWCKR.mjs";
import "./chunk-VLRPGHZT.mjs";
import "./chunk-7HUEV55X.mjs";
import "./chunk-ZXQYJJBU.mjs";
import "./chunk-ZYKQ7B5J.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-J372MWP3.mjs";
import "./chunk-DUPEDPRH.mjs";
import "./chunk-GR4X3XHI.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-JTFCDVB4.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";
export {
  readSource
};
