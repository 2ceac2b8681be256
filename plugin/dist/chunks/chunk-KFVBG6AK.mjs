import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import{readServeInfo,runInfo}from"./chunk-E72TKKOB.mjs";import{agentRows,buildStatus,renderStatus}from"./chunk-3KDTNL62.mjs";import{readAgentStatuses}from"./chunk-WZNTBJCS.mjs";import{painter,printJson,terminalWidth}from"./chunk-RT7OTTFV.mjs";import{loadState}from"./chunk-2TPCAVSA.mjs";import{currentProject}from"./chunk-DSL3YBZ5.mjs";function statusReport(paths,now=Date.now()){let{epic,ledger}=loadState(paths);return buildStatus(epic,ledger,runInfo(paths),agentRows(readAgentStatuses(paths.root),now),now)}function statusCommand(opts){let paths=currentProject(),report=statusReport(paths);if(opts.json)printJson(report);else{let serve=readServeInfo(paths);process.stdout.write(`${renderStatus(report,painter(),terminalWidth())}
${serve?`
Dashboard: ${serve.url} (relay serve, pid ${serve.pid})
`:""}`)}}export{statusReport,statusCommand};
