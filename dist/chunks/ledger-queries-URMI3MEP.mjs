import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
} from "./chunk-5RGSHIMX.mjs";
import "./chunk-LLRSKTZ4.mjs";
import "./chunk-HAHLE5FJ.mjs";
import "./chunk-TZA6GJ7M.mjs";
import "./chunk-GWG7IXD5.mjs";
import "./chunk-DU5TI4NN.mjs";
import "./chunk-C7THR5JC.mjs";
import "./chunk-XLTFVQCG.mjs";
import "./chunk-WNAZAN7Z.mjs";
import "./chunk-KHAQNFQS.mjs";
import "./chunk-G3KEO4B4.mjs";
import "./chunk-6J2SBI3A.mjs";
export {
  hotspotsCommand,
  queryCommand,
  reportCommand,
  shown,
  statsCommand
};
