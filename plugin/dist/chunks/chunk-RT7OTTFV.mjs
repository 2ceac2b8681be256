import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import{styleText}from"node:util";function painter(stream=process.stdout){return!!stream.isTTY&&!process.env.NO_COLOR&&process.env.TERM!=="dumb"?(style,text)=>styleText(style,text):(_style,text)=>text}function printJson(value){process.stdout.write(`${JSON.stringify(value,null,2)}
`)}function terminalWidth(){return process.stdout.columns&&process.stdout.columns>40?process.stdout.columns:120}export{painter,printJson,terminalWidth};
