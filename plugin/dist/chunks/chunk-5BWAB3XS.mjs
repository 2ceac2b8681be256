import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
var EVENT_TYPES=["task_start","task_result","error","heartbeat","tool_use","session_start","session_end"];function eventDay(timestamp){return timestamp.slice(0,10)}export{EVENT_TYPES,eventDay};
