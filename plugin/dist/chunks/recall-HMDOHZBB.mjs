import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import{openRecallIndex}from"./chunk-XMJN6AFI.mjs";import"./chunk-IIFVIMU6.mjs";import{describeHistory,recallReport}from"./chunk-CCWVSKSD.mjs";import"./chunk-TVD2LFWF.mjs";import{painter,printJson}from"./chunk-RT7OTTFV.mjs";import"./chunk-FOSSDQGW.mjs";import{currentProject}from"./chunk-DSL3YBZ5.mjs";import"./chunk-HD3PP26B.mjs";import"./chunk-O5GI5EE5.mjs";import"./chunk-EU7OLKZA.mjs";import"./chunk-HQSIHPT5.mjs";async function recallCommand(query,opts){let paths=currentProject(),index=await openRecallIndex(paths),hits=index.search(query,{limit:opts.limit,...opts.sources?{sources:opts.sources}:{}}),history=opts.sources?null:index.history(query);if(opts.json)printJson(recallReport(query,hits,history,index));else{let paint=painter();history&&process.stdout.write(`${paint("bold","This error:")} ${describeHistory(history)} (${history.links.slice(-3).join(", ")})

`),hits.length||process.stdout.write(`no matches for "${query}" in ${index.build.sources} source file(s)
`),hits.forEach((h,i)=>{process.stdout.write(`${i+1}. ${paint("cyan",`[${h.doc.source}]`)} ${paint("bold",h.doc.title)}  ${paint("dim",`score ${h.score}`)}
   ${h.link}
   ${h.snippet}
`)})}index.problems.length&&process.stderr.write(`relay: ${index.problems.length} problem(s) reading the sources (indexed what could be read); first: ${index.problems[0]}
`),process.stdout.write("",()=>process.exit())}export{recallCommand};
