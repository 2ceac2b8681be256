import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import{DIALECTS,dialectFor}from"./chunk-6NKYDURW.mjs";import"./chunk-HQSIHPT5.mjs";export{DIALECTS,dialectFor};
