import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import{MAX_SOURCE_BYTES,readAppended,readFailed,readJsonl}from"./chunk-BEPSEZHR.mjs";import"./chunk-VOTTW7OW.mjs";import"./chunk-TGA2SU73.mjs";import"./chunk-RZPAGIB4.mjs";import"./chunk-6UXKVAWA.mjs";export{MAX_SOURCE_BYTES,readAppended,readFailed,readJsonl};
