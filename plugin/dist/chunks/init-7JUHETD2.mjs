import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  ensureMergeRules,
  ensureStateIgnored,
  registerMergeDriver
} from "./chunk-3MPKPLF3.mjs";
import {
  resolveSettings
} from "./chunk-LYVXVVAQ.mjs";
import {
  workerAgent
} from "./chunk-UA3TJQ7U.mjs";
import {
  workerEnv
} from "./chunk-EVSQAD4J.mjs";
import "./chunk-QXN5FNU5.mjs";
import "./chunk-5UF4JJLB.mjs";
import "./chunk-MF5TMX2C.mjs";
import "./chunk-BKF7ZIAF.mjs";
import {
  loadRelayConfig
} from "./chunk-CIQRNYIC.mjs";
import "./chunk-R7325EED.mjs";
import {
  createEpic,
  updateEpic
} from "./chunk-J73XRGZZ.mjs";
import {
  toolJsonSchema
} from "./chunk-R5VAHXD7.mjs";
import "./chunk-BCWZON6A.mjs";
import {
  checkEpic,
  epicFromBlueprint,
  epicId,
  refuseMisspeltField
} from "./chunk-64IFK3RD.mjs";
import {
  newLedger,
  refreshStatuses
} from "./chunk-PEPFD4CA.mjs";
import {
  parseYamlText,
  serializeYaml
} from "./chunk-RKO5KVIC.mjs";
import "./chunk-OTZ4R5UM.mjs";
import {
  writeSchemas
} from "./chunk-5WV6435V.mjs";
import "./chunk-6QK7G6I6.mjs";
import "./chunk-IV4PP3SH.mjs";
import "./chunk-2VKVEHDW.mjs";
import "./chunk-3BMRPU2F.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import {
  Epic
} from "./chunk-QMNJTYV7.mjs";
import {
  yamlLocator
} from "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import {
  external_exports
} from "./chunk-3NNJAZC6.mjs";
import {
  readTextBounded,
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/init.ts
import { relative, resolve } from "node:path";

// scripts/core/epic/merge.ts
function changedFields(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => k !== "source_line"));
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}
function mergeEpic(current, ledger, next, opts = {}) {
  const changes = [];
  const removed = Object.keys(current.tasks).filter((id) => !(id in next.tasks));
  const withHistory = removed.filter((id) => (ledger.attempts[id] ?? []).length);
  if (withHistory.length && !opts.force) {
    throw new RelayError(`${next.source}: ${withHistory.map((id) => `${id} (${ledger.attempts[id].length} attempts)`).join(", ")} no longer in the plan; pass --force to remove ${withHistory.length === 1 ? "it" : "them"} with ${withHistory.length === 1 ? "its" : "their"} history (epic.yml and the ledger are backed up first)`);
  }
  for (const [id, task] of Object.entries(next.tasks)) {
    const before = current.tasks[id];
    if (!before) changes.push(`added ${id}: ${task.title}`);
    else {
      const fields = changedFields(before, task);
      if (fields.length) changes.push(`edited ${id} (${fields.join(", ")})`);
    }
  }
  for (const id of removed) changes.push(`removed ${id}${withHistory.includes(id) ? ` and its ${ledger.attempts[id].length} attempts` : ""}`);
  const epic = checkEpic({ ...next, id: current.id, created_at: current.created_at }, next.source);
  const keep = (record) => Object.fromEntries(Object.entries(record).filter(([id]) => id in epic.tasks));
  const merged = refreshStatuses(epic, {
    ...ledger,
    task_status: keep(ledger.task_status),
    attempts: keep(ledger.attempts),
    gated_tasks: keep(ledger.gated_tasks),
    streak_start: keep(ledger.streak_start)
  });
  return { epic, ledger: merged, changes };
}

// node_modules/marked/lib/marked.esm.js
function G() {
  return { async: false, breaks: false, extensions: null, gfm: true, hooks: null, pedantic: false, renderer: null, silent: false, tokenizer: null, walkTokens: null };
}
var S = G();
function ue(l3) {
  S = l3;
}
var q = { exec: () => null };
function D(l3) {
  let e = [];
  return (t) => {
    let n = Math.max(0, Math.min(3, t - 1)), r = e[n];
    return r || (r = l3(n), e[n] = r), r;
  };
}
function g(l3, e = "") {
  let t = typeof l3 == "string" ? l3 : l3.source, n = { replace: (r, s) => {
    let o = typeof s == "string" ? s : s.source;
    return o = o.replace(O.caret, "$1"), t = t.replace(r, o), n;
  }, getRegex: () => new RegExp(t, e) };
  return n;
}
var _e = ((l3 = "") => {
  try {
    return !!new RegExp("(?<=1)(?<!1)" + l3);
  } catch {
    return false;
  }
})();
var O = { codeRemoveIndent: /^(?: {0,3}\t| {1,4})/gm, listInterruptsParagraph: /^ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/, outputLinkReplace: /\\([\[\]])/g, indentCodeCompensation: /^(\s+)(?:```)/, beginningSpace: /^\s+/, endingHash: /#$/, startingSpaceChar: /^ /, endingSpaceChar: / $/, endingSpaceTabChar: /[ \t]$/, nonSpaceChar: /[^ ]/, newLineCharGlobal: /\n/g, tabCharGlobal: /\t/g, leadingSpaceTab: /^[ \t]+/, multipleSpaceGlobal: /\s+/g, blankLine: /^[ \t]*$/, doubleBlankLine: /\n[ \t]*\n[ \t]*$/, blockquoteStart: /^ {0,3}>/, blockquoteSetextReplace: /\n {0,3}((?:=+|-+)[ \t]*)(?=\n|$)/g, blockquoteSetextReplace2: /^ {0,3}>[ \t]?/gm, blockquoteMarkerWhitespace: /^( {0,3}>)(\t[ \t]*)/gm, nestedBlockMarker: /^ {0,3}(?:(?:[*+-]|\d{1,9}[.)])(?: |$)|> ?)/, listReplaceNesting: /^ {1,4}(?=( {4})*[^ ])/g, listIsTask: /^\[[ xX]\][ \t]+\S/, listReplaceTask: /^\[[ xX]\][ \t]+/, listTaskCheckbox: /\[[ xX]\]/, anyLine: /\n.*\n/, hrefBrackets: /^<(.*)>$/, tableDelimiter: /[:|]/, tableAlignChars: /^\||\| *$/g, tableRowBlankLine: /\n[ \t]*$/, tableAlignRight: /^ *-+: *$/, tableAlignCenter: /^ *:-+: *$/, tableAlignLeft: /^ *:-+ *$/, startATag: /^<a /i, endATag: /^<\/a>/i, startPreScriptTag: /^<(pre|code|kbd|script)(\s|>)/i, endPreScriptTag: /^<\/(pre|code|kbd|script)(\s|>)/i, startAngleBracket: /^</, endAngleBracket: />$/, pedanticHrefTitle: /^([^'"]*[^\s])\s+(['"])(.*)\2/, unicodeAlphaNumeric: /[\p{L}\p{N}]/u, numericCharacterReference: /&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));/, numericCharacterReferenceOrAmpersand: /&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g, escapeTest: /[&<>"']/, escapeReplace: /[&<>"']/g, escapeTestNoEncode: /[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/, escapeReplaceNoEncode: /[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g, caret: /(^|[^\[])\^/g, percentDecode: /%25/g, findPipe: /\|/g, splitPipe: / \|/, slashPipe: /\\\|/g, carriageReturn: /\r\n|\r/g, spaceLine: /^ +$/gm, notSpaceStart: /^\S*/, endingNewline: /\n$/, listItemRegex: (l3) => new RegExp(`^( {0,3}${l3})((?:[	 ][^\\n]*)?(?:\\n|$))`), nextBulletRegex: D((l3) => new RegExp(`^ {0,${l3}}(?:[*+-]|\\d{1,9}[.)])((?:[ 	][^\\n]*)?(?:\\n|$))`)), hrRegex: D((l3) => new RegExp(`^ {0,${l3}}((?:-[ 	]*){3,}|(?:_[ 	]*){3,}|(?:\\*[ 	]*){3,})(?:\\n+|$)`)), fencesBeginRegex: D((l3) => new RegExp(`^ {0,${l3}}(?:\`\`\`|~~~)`)), headingBeginRegex: D((l3) => new RegExp(`^ {0,${l3}}#{1,6}(?:\\s|$)`)), pedanticHeadingBeginRegex: D((l3) => new RegExp(`^ {0,${l3}}#`)), htmlBeginRegex: D((l3) => new RegExp(`^ {0,${l3}}(?:</?(?:${he})(?:[ \\t]+|$|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)`, "i")), blockquoteBeginRegex: D((l3) => new RegExp(`^ {0,${l3}}>`)), nestedContainerMarkers: /^(?: {0,3}(?:(?:[*+-]|\d{1,9}[.)])[ \t]+|>[ \t]?))+/ };
var Ge = /^(?:[ \t]*(?:\n|$))+/;
var Ne = /^((?: {4}| {0,3}\t)[^\n]+(?:\n(?:[ \t]*(?:\n|$))*)?)+/;
var Fe = /^ {0,3}(`{3,}(?=[^`\n]*(?:\n|$))|~{3,})([^\n]*)(?:\n|$)(?:|([\s\S]*?)(?:\n|$))(?: {0,3}(?:(?=`)\1`*|(?=~)\1~*) *(?=\n|$)|$)/;
var V = /^ {0,3}((?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/;
var Qe = /^ {0,3}(#{1,6})(?=\s|$)(.*)(?:\n+|$)/;
var ce = / {0,3}(?:[*+-]|\d{1,9}[.)])/;
var he = "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul";
var J = g(" {0,3}(?:</?(?:tag)(?:[ \\t]+|\\n|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)").replace("tag", he).getRegex();
var $e = /^(?!bull |blockCode|fences|blockquote|heading|html|table)((?:.|\n(?!\s*?\n|bull |fences|blockquote|heading|hr|html|table))+?)\n {0,3}(=+|-+)[ \t]*(?:\n+|$)/;
var Le = g($e).replace(/bull/g, ce).replace(/blockCode/g, /(?: {4}| {0,3}\t)/).replace(/fences/g, / {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g, / {0,3}>/).replace(/heading/g, / {0,3}#{1,6}(?:\s|$)/).replace(/hr/g, / {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/).replace(/\|table/g, "").replace(/html/g, J).getRegex();
var We = g($e).replace(/bull/g, ce).replace(/blockCode/g, /(?: {4}| {0,3}\t)/).replace(/fences/g, / {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g, / {0,3}>/).replace(/heading/g, / {0,3}#{1,6}(?:\s|$)/).replace(/hr/g, / {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/).replace(/table/g, / {0,3}\|?(?:[:\- ]*\|)+[\:\- ]*\n/).replace(/html/g, J).getRegex();
var de = /^([^\n]+(?:\n(?!hr|heading|lheading|blockquote|fences|list|html|table|[ \t]+\n)[^\n]+)*)/;
var Ue = /^[^\n]+/;
var ge = /(?!\s*\])(?:\\[\s\S]|[^\[\]\\\n]|\n(?![ \t]*\n))+/;
var Ke = g(/^ {0,3}\[(label)\]: *(?:\n[ \t]*)?([^<\s][^\s]*|<(?:\\.|[^\n<>\\])*>)(?:(?: +(?:\n[ \t]*)?| *\n[ \t]*)(title))? *(?:\n+|$)/).replace("label", ge).replace("title", /(?:"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\\n]|\n(?!\n))*'|\((?:\\[\s\S]|[^()\\])*\))/).getRegex();
var Xe = g(/^(bull)([ \t][^\n]*?)?(?:\n|$)/).replace(/bull/g, ce).getRegex();
var ke = /<!--(?:-?>|[\s\S]*?(?:-->|$))/;
var Ve = g("^ {0,3}(?:<(script|pre|style|textarea)[\\s>][\\s\\S]*?(?:</\\1>[^\\n]*\\n*|$)|comment[^\\n]*(\\n+|$)|<\\?[\\s\\S]*?(?:\\?>[^\\n]*\\n*|$)|<![A-Z][\\s\\S]*?(?:>[^\\n]*\\n*|$)|<!\\[CDATA\\[[\\s\\S]*?(?:\\]\\]>[^\\n]*\\n*|$)|</?(tag)(?:[ \\t]+|\\n|/?>|$)[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|<(?!(?:script|pre|style|textarea)(?![a-z0-9-]))([a-z][a-z0-9-]*)(?:attribute)*?[ \\t]*/?>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|</[a-z][a-z0-9-]*\\s*>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$))", "i").replace("comment", ke).replace("tag", he).replace("attribute", /[ \t]+[a-zA-Z:_][\w.:-]*(?:[ \t]*=[ \t]*"[^"\n]*"|[ \t]*=[ \t]*'[^'\n]*'|[ \t]*=[ \t]*[^\s"'=<>`]+)?/).getRegex();
var Ce = (l3) => g(de).replace("hr", V).replace("heading", " {0,3}#{1,6}(?:\\s|$)").replace("|lheading", "").replace("|table", "").replace("blockquote", " {0,3}>").replace("fences", " {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list", l3).replace("html", J).getRegex();
var Je = Ce(/ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/);
var Ye = Ce(/ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|\n|$)/);
var et = g(/^( {0,3}> ?(?:(?![ \t]*(?:\n|$))(paragraph)|[^\n]*)(?:\n|$))+/).replace("paragraph", Ye).getRegex();
var fe = { blockquote: et, code: Ne, def: Ke, fences: Fe, heading: Qe, hr: V, html: Ve, lheading: Le, list: Xe, newline: Ge, paragraph: Je, table: q, text: Ue };
var Pe = g("^ *([^\\n ].*)\\n {0,3}((?:\\| *)?:?-+:? *(?:\\| *:?-+:? *)*(?:\\| *)?)(?:\\n((?:(?! *\\n|hr|heading|blockquote|code|fences|list|html).*(?:\\n|$))*)\\n*|$)").replace("hr", V).replace("heading", " {0,3}#{1,6}(?:\\s|$)").replace("blockquote", " {0,3}>").replace("code", "(?: {4}| {0,3}	)[^\\n]").replace("fences", " {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list", " {0,3}(?:[*+-]|1[.)])[ \\t]").replace("html", J).getRegex();
var tt = { ...fe, lheading: We, table: Pe, paragraph: g(de).replace("hr", V).replace("heading", " {0,3}#{1,6}(?:\\s|$)").replace("|lheading", "").replace("table", Pe).replace("blockquote", " {0,3}>").replace("fences", " {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list", " {0,3}(?:[*+-]|1[.)])[ \\t]+[^ \\t\\n]").replace("html", J).getRegex() };
var nt = { ...fe, html: g(`^ *(?:comment(?: *\\n|\\s*$)|<(tag)[\\s\\S]+?</\\1>(?: *\\n{2,}|\\s*$)|<tag(?:"[^"]*"|'[^']*'|\\s[^'"/>\\s]*)*?/?>(?: *\\n{2,}|\\s*$))`).replace("comment", ke).replace(/tag/g, "(?!(?:a|em|strong|small|s|cite|q|dfn|abbr|data|time|code|var|samp|kbd|sub|sup|i|b|u|mark|ruby|rt|rp|bdi|bdo|span|br|wbr|ins|del|img)\\b)\\w+(?!:|[^\\w\\s@]*@)\\b").getRegex(), def: /^ *\[([^\]]+)\]: *<?([^\s>]+)>?(?: +(["(][^\n]+[")]))? *(?:\n+|$)/, heading: /^(#{1,6})(.*)(?:\n+|$)/, fences: q, lheading: /^(.+?)\n {0,3}(=+|-+) *(?:\n+|$)/, paragraph: g(de).replace("hr", V).replace("heading", ` *#{1,6} *[^
]`).replace("|table", "").replace("blockquote", " {0,3}>").replace("|fences", "").replace("|list", "").replace("|html", "").replace("|tag", "").replace("lheading", Le).getRegex() };
var rt = /^\\([!"#$%&'()*+,\-./:;<=>?@\[\]\\^_`{|}~])/;
var st = /^(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/;
var Ie = /^( {2,}|\\)\n(?!\s*$)[ \t]*/;
var it = /^(`+|[^`])(?:(?= {2,}\n)|[\s\S]*?(?:(?=[\\<!\[`*_]|\b_|$)|[^ ](?= {2,}\n)))/;
var L = /[\p{P}\p{S}]/u;
var N = /[\s\p{P}\p{S}]/u;
var Y = /[^\s\p{P}\p{S}]/u;
var ot = g(/^((?![*_])punctSpace)/, "u").replace(/punctSpace/g, N).getRegex();
var at = /[\p{Pi}\p{Ps}"']/u;
var Ae = /(?!~)[\p{P}\p{S}]/u;
var lt = /(?!~)[\s\p{P}\p{S}]/u;
var ut = /(?:[^\s\p{P}\p{S}]|~)/u;
var pt = g(/link|precode-code|html/, "g").replace("link", /\[(?:[^\[\]`]|(?<a>`+)[^`]+\k<a>(?!`))*?\]\((?:\\[\s\S]|[^\\\(\)]|\((?:\\[\s\S]|[^\\\(\)])*\))*\)/).replace("precode-", _e ? "(?<!`)()" : "(^^|[^`])").replace("code", /(?<b>`+)[^`]+\k<b>(?!`)/).replace("html", /<(?! )[^<>]*?>/).getRegex();
var Ee = /^(?:\*+(?:((?!\*)punct)|([^\s*]))?)|^_+(?:((?!_)punct)|([^\s_]))?/;
var ct = g(Ee, "u").replace(/punct/g, L).getRegex();
var ht = g(Ee, "u").replace(/punct/g, Ae).getRegex();
var dt = /^(?:\*+(?:((?!\*)(?!openQuote)punct)|([^\s*]))?)|^_+(?:((?!_)(?!openQuote)punct)|([^\s_]))?/;
var gt = g(dt, "u").replace(/openQuote/g, at).replace(/punct/g, L).getRegex();
var ze = "^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)punctSpace(\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|notPunctSpace(\\*+)(?=notPunctSpace)";
var kt = g(ze, "gu").replace(/notPunctSpace/g, Y).replace(/punctSpace/g, N).replace(/punct/g, L).getRegex();
var ft = g(ze, "gu").replace(/notPunctSpace/g, ut).replace(/punctSpace/g, lt).replace(/punct/g, Ae).getRegex();
var mt = "^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)[\\s](\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|(?:(?!\\*)punct|notPunctSpace)(\\*+)(?!\\*)(?=notPunctSpace)";
var xt = g(mt, "gu").replace(/notPunctSpace/g, Y).replace(/punctSpace/g, N).replace(/punct/g, L).getRegex();
var bt = g("^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)punctSpace(_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)", "gu").replace(/notPunctSpace/g, Y).replace(/punctSpace/g, N).replace(/punct/g, L).getRegex();
var Rt = "^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)[\\s](_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)|(?:(?!_)punct|notPunctSpace)(_+)(?!_)(?=notPunctSpace)";
var Tt = g(Rt, "gu").replace(/notPunctSpace/g, Y).replace(/punctSpace/g, N).replace(/punct/g, L).getRegex();
var Ot = g(/^~~?(?:((?!~)punct)|[^\s~])/, "u").replace(/punct/g, L).getRegex();
var wt = "^[^~]+(?=[^~])|(?!~)punct(~~?)(?=[\\s]|$)|notPunctSpace(~~?)(?!~)(?=punctSpace|$)|(?!~)punctSpace(~~?)(?=notPunctSpace)|[\\s](~~?)(?!~)(?=punct)|(?!~)punct(~~?)(?!~)(?=punct)|notPunctSpace(~~?)(?=notPunctSpace)";
var Pt = g(wt, "gu").replace(/notPunctSpace/g, Y).replace(/punctSpace/g, N).replace(/punct/g, L).getRegex();
var yt = g(/\\(punct)/, "gu").replace(/punct/g, L).getRegex();
var St = g(/(`+)(?:[^`]|[^`][\s\S]*?[^`])\1(?!`)|`+|\\(punct)/, "gu").replace(/punct/g, L).getRegex();
var _t = g(/^<(scheme:[^\s\x00-\x1f<>]*|email)>/).replace("scheme", /[a-zA-Z][a-zA-Z0-9+.-]{1,31}/).replace("email", /[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+(@)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+(?![-_])/).getRegex();
var $t = g(ke).replace("(?:-->|$)", "-->").getRegex();
var Lt = g("^comment|^</[a-zA-Z][a-zA-Z0-9-]*\\s*>|^<[a-zA-Z][a-zA-Z0-9-]*(?:attribute)*?\\s*/?>|^<\\?[\\s\\S]*?\\?>|^<![a-zA-Z]+\\s[\\s\\S]*?>|^<!\\[CDATA\\[[\\s\\S]*?\\]\\]>").replace("comment", $t).replace("attribute", /\s+[a-zA-Z:_][\w.:-]*(?:\s*=\s*"[^"]*"|\s*=\s*'[^']*'|\s*=\s*[^\s"'=<>`]+)?/).getRegex();
var Me = /\[(?:\\[\s\S]|[^\[\]\\])*\]/;
var ie = g(/(?:\[(?:brackets|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\])|[^\[\]\\`])*?/).replace("brackets", Me).getRegex();
var Ct = g(/^!?\[(label)\]\([ \t\n]*(href)(?:(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)(title))?[ \t\n]*\)/).replace("label", ie).replace("href", /<(?:\\.|[^\n<>\\])*>|(?!<)[^ \t\n\x00-\x1f]+|(?=\))/).replace("title", /"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\])*'|\((?:\\[\s\S]|[^)\\])*\)/).getRegex();
var It = g(/^!?\[(label)\]\[(ref)\]/).replace("label", ie).replace("ref", ge).getRegex();
var At = g(/^!?\[(ref)\](?:\[\])?/).replace("ref", ge).getRegex();
var ye = /(?!\s*\])(?:\\[\s\S]|[^\[\]\\]){1,999}/;
var Et = g(/(?:[^\[\]\\`]*(?:\[(?:brackets|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\]))){0,999}?[^\[\]\\`]*?/).replace("brackets", Me).getRegex();
var zt = g("reflink|nolink(?!\\()", "g").replace("reflink", g(/^!?\[(label)\]\[(ref)\]/).replace("label", Et).replace("ref", ye).getRegex()).replace("nolink", g(/^!?\[(ref)\](?:\[\])?/).replace("ref", ye).getRegex()).getRegex();
var Se = /[hH][tT][tT][pP][sS]?|[fF][tT][pP]/;
var Mt = /[A-Za-z0-9._+-]+@[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/;
var Bt = g(/(?:mailto:email|xmpp:email(?:\/[A-Za-z0-9@.]+)?)/).replace(/email/g, Mt).getRegex();
var me = { _backpedal: q, anyPunctuation: yt, anyPunctuationOutsideCode: St, autolink: _t, blockSkip: pt, br: Ie, code: st, del: q, delLDelim: q, delRDelim: q, emStrongLDelim: ct, emStrongRDelimAst: kt, emStrongRDelimUnd: bt, escape: rt, link: Ct, nolink: At, punctuation: ot, reflink: It, reflinkSearch: zt, tag: Lt, text: it, url: q };
var Dt = { ...me, emStrongLDelim: gt, emStrongRDelimAst: xt, emStrongRDelimUnd: Tt, link: g(/^!?\[(label)\]\((.*?)\)/).replace("label", ie).getRegex(), reflink: g(/^!?\[(label)\]\s*\[([^\]]*)\]/).replace("label", ie).getRegex() };
var pe = { ...me, emStrongRDelimAst: ft, emStrongLDelim: ht, delLDelim: Ot, delRDelim: Pt, url: g(/^emailProtocol|^((?:protocol):\/\/|www\.)(?:[a-zA-Z0-9\-]+\.?)+[^\s<]*|^email/).replace("emailProtocol", Bt).replace("protocol", Se).replace("email", /[A-Za-z0-9._+-]+(@)[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/).getRegex(), _backpedal: /(?:[^?!.,:;*_'"~()&]+|\([^)]*\)|&(?![a-zA-Z0-9]+;$)|[?!.,:;*_'"~)]+(?!$))+/, del: /^(~~?)(?=[^\s~])((?:\\[\s\S]|[^\\])*?(?:\\[\s\S]|[^\s~\\]))\1(?=[^~]|$)/, text: g(/^(?:[^a-zA-Z0-9](?=emailProtocol)|(`+|~+|[^`~])(?:(?=[`~])|(?= {2,}\n)|(?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@)|[\s\S]*?(?:(?=[\\<!\[`*~_]|\b_|protocol:\/\/|wwwStart|$)|[^ ](?= {2,}\n)|[^a-zA-Z0-9](?=emailProtocol)|[^a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-](?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@))))/).replace("protocol", Se).replace(/emailProtocol/g, /(?:mailto|xmpp):/).replace("wwwStart", _e ? "(?<![^\\s*_~(])www\\." : "www\\.").getRegex() };
var qt = { ...pe, br: g(Ie).replace("{2,}", "*").getRegex(), text: g(pe.text).replace("\\b_", "\\b_| {2,}\\n").replace(/\{2,\}/g, "*").getRegex() };
var ee = { normal: fe, gfm: tt, pedantic: nt };
var F = { normal: me, gfm: pe, breaks: qt, pedantic: Dt };
var vt = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
var Be = (l3) => vt[l3];
function y(l3, e) {
  if (e) {
    if (O.escapeTest.test(l3)) return l3.replace(O.escapeReplace, Be);
  } else if (O.escapeTestNoEncode.test(l3)) return l3.replace(O.escapeReplaceNoEncode, Be);
  return l3;
}
function De(l3) {
  return O.numericCharacterReference.test(l3) ? l3.replace(O.numericCharacterReferenceOrAmpersand, (e, t, n) => {
    if (t === void 0 && n === void 0) return "&amp;";
    let r = t === void 0 ? Number.parseInt(n, 16) : Number.parseInt(t, 10);
    return r === 0 || r > 1114111 || r >= 55296 && r <= 57343 ? "\uFFFD" : r === 38 ? "&amp;" : String.fromCodePoint(r);
  }) : l3;
}
function xe(l3) {
  try {
    l3 = encodeURI(l3).replace(O.percentDecode, "%");
  } catch {
    return null;
  }
  return l3;
}
function be(l3, e) {
  let t = l3.replace(O.findPipe, (s, o, i) => {
    let a = false, c = o;
    for (; --c >= 0 && i[c] === "\\"; ) a = !a;
    return a ? "|" : " |";
  }), n = t.split(O.splitPipe), r = 0;
  if (n[0].trim() || n.shift(), n.length > 0 && !n.at(-1)?.trim() && n.pop(), e) if (n.length > e) n.splice(e);
  else for (; n.length < e; ) n.push("");
  for (; r < n.length; r++) n[r] = n[r].trim().replace(O.slashPipe, "|");
  return n;
}
function C(l3, e, t) {
  let n = l3.length;
  if (n === 0) return "";
  let r = 0;
  for (; r < n; ) {
    let s = l3.charAt(n - r - 1);
    if (s === e && !t) r++;
    else if (s !== e && t) r++;
    else break;
  }
  return l3.slice(0, n - r);
}
function Re(l3) {
  let e = l3.split(`
`), t = e.length - 1;
  for (; t >= 0 && O.blankLine.test(e[t]); ) t--;
  return e.length - t <= 2 ? l3 : e.slice(0, t + 1).join(`
`);
}
function W(l3) {
  return l3.trim().replace(O.multipleSpaceGlobal, " ").toLowerCase().toUpperCase().toLowerCase();
}
function Te(l3, e) {
  if (l3.indexOf(e[0]) === -1 && l3.indexOf(e[1]) === -1) return -1;
  let t = 0;
  for (let n = 0; n < l3.length; n++) if (l3[n] === "\\") n++;
  else if (l3[n] === e[0]) t++;
  else if (l3[n] === e[1] && (t--, t < 0)) return n;
  return t > 0 ? -2 : -1;
}
var Q = /* @__PURE__ */ new WeakMap();
function Oe(l3) {
  let e = { "*": -1, _: -1 }, t = -1, n = l3.length;
  for (let r = 0; r < n; r++) {
    let s = l3[r];
    if (s !== "*" && s !== "_" && s !== "~") continue;
    let o = r === 0 ? `
` : l3[r - 1], i = r + 1;
    for (; i < n && l3[i] === s; ) i++;
    o !== " " && o !== "	" && o !== `
` && o !== "\r" && o !== "\f" && (s === "~" ? t = r : e[s] = r), r = i - 1;
  }
  return { maskedSrc: l3, lastPossibleEmStrongCloserIndex: e, lastPossibleDelCloserIndex: t };
}
function qe(l3, e) {
  let t = Oe(e), n = Q.get(l3);
  n ? n.push(t) : Q.set(l3, [t]);
}
function ve(l3) {
  let e = Q.get(l3);
  e && (e.pop(), e.length === 0 && Q.delete(l3));
}
function oe(l3, e, t) {
  let n = Q.get(l3)?.at(-1);
  return n && n.maskedSrc === e ? n.lastPossibleEmStrongCloserIndex[t] : Oe(e).lastPossibleEmStrongCloserIndex[t];
}
function ae(l3, e) {
  let t = Q.get(l3)?.at(-1);
  return t && t.maskedSrc === e ? t.lastPossibleDelCloserIndex : Oe(e).lastPossibleDelCloserIndex;
}
function te(l3, e = 0) {
  let t = e, n = "";
  for (let r of l3) if (r === "	") {
    let s = 4 - t % 4;
    n += " ".repeat(s), t += s;
  } else n += r, t++;
  return n;
}
function Ht(l3, e) {
  let t = "";
  for (let n = 0; n < l3.length; n++) {
    if (l3[n] === "`") {
      let r = e.inline.code.exec(l3.slice(n));
      if (r) {
        t += r[0], n += r[0].length - 1;
        continue;
      }
    }
    if (l3[n] === "\\" && (l3[n + 1] === "[" || l3[n + 1] === "]")) {
      t += l3[n + 1], n++;
      continue;
    }
    t += l3[n];
  }
  return t;
}
function He(l3, e, t, n, r) {
  let s = e.href, o = e.title || null, i = Ht(l3[1], r), a = l3[0].charAt(0) === "!", c = n.state.inLink, u = n.state.linkEmitted, d = n.state.inRawBlock;
  n.state.inLink = true, n.state.linkEmitted = false;
  let h = n.inlineTokens(i), p = n.state.linkEmitted;
  if (n.state.linkEmitted = u, n.state.inLink = c, !a) {
    if (p) {
      n.state.inRawBlock = d;
      return;
    }
    n.state.linkEmitted = true;
  }
  return { type: a ? "image" : "link", raw: t, href: s, title: o, text: i, tokens: h };
}
function Zt(l3, e, t) {
  let n = l3.match(t.other.indentCodeCompensation);
  if (n === null) return e;
  let r = n[1];
  return e.split(`
`).map((s) => {
    let o = s.match(t.other.beginningSpace);
    if (o === null) return s;
    let [i] = o;
    return s.slice(Math.min(i.length, r.length));
  }).join(`
`);
}
function Ze(l3, e, t, n) {
  if (!e.includes("<")) return false;
  for (let r = 0; r < e.length; r++) {
    if (e[r] === "\\") {
      r++;
      continue;
    }
    if (e[r] === "`") {
      let i = n.inline.code.exec(e.slice(r));
      if (i) {
        r += i[0].length - 1;
        continue;
      }
    }
    if (e[r] !== "<") continue;
    let s = l3.slice(t + r), o = n.inline.tag.exec(s) || n.inline.autolink.exec(s);
    if (o) {
      if (o[0].length > e.length - r) return true;
      r += o[0].length - 1;
    }
  }
  return false;
}
var _ = class {
  options;
  rules;
  lexer;
  constructor(e) {
    this.options = e || S;
  }
  space(e) {
    let t = this.rules.block.newline.exec(e);
    if (t && t[0].length > 0) return { type: "space", raw: t[0] };
  }
  code(e) {
    let t = this.rules.block.code.exec(e);
    if (t) {
      let n = this.options.pedantic ? t[0] : Re(t[0]), r = n.replace(this.rules.other.codeRemoveIndent, "");
      return { type: "code", raw: n, codeBlockStyle: "indented", text: r };
    }
  }
  fences(e) {
    let t = this.rules.block.fences.exec(e);
    if (t) {
      let n = t[0], r = Zt(n, t[3] || "", this.rules);
      return t[3] !== void 0 && (r === "" || r.endsWith(`
`)) && (r += `
`), { type: "code", raw: n, lang: t[2] ? t[2].trim().replace(this.rules.inline.anyPunctuation, "$1") : t[2], text: r };
    }
  }
  heading(e) {
    let t = this.rules.block.heading.exec(e);
    if (t) {
      let n = t[2].trim();
      if (this.rules.other.endingHash.test(n)) {
        let r = C(n, "#");
        (this.options.pedantic || !r || this.rules.other.endingSpaceTabChar.test(r)) && (n = r.trim());
      }
      return { type: "heading", raw: C(t[0], `
`), depth: t[1].length, text: n, tokens: this.lexer.inline(n) };
    }
  }
  hr(e) {
    let t = this.rules.block.hr.exec(e);
    if (t) return { type: "hr", raw: C(t[0], `
`) };
  }
  blockquote(e) {
    let t = this.rules.block.blockquote.exec(e);
    if (t) {
      let n = C(t[0], `
`).split(`
`), r = "", s = "", o = [];
      for (; n.length > 0; ) {
        let i = false, a = [], c;
        for (c = 0; c < n.length; c++) if (this.rules.other.blockquoteStart.test(n[c])) a.push(n[c]), i = true;
        else if (!i) a.push(n[c]);
        else break;
        n = n.slice(c);
        let u = a.join(`
`), d = u.replace(this.rules.other.blockquoteMarkerWhitespace, (k, m, b) => b.startsWith(" ") ? m + " " + b.slice(1) : m + te(b, m.length)).replace(this.rules.other.blockquoteSetextReplace, `
    $1`).replace(this.rules.other.blockquoteSetextReplace2, "");
        r = r ? `${r}
${u}` : u, s = s ? `${s}
${d}` : d;
        let h = this.lexer.state.top;
        if (this.lexer.state.top = true, this.lexer.blockTokens(d, o, true), this.lexer.state.top = h, n.length === 0) break;
        let p = o.at(-1);
        if (p?.type === "code" || p?.type === "heading" || p?.type === "hr" || p?.type === "html" || p?.type === "table") break;
        if (p?.type === "blockquote") {
          let k = p, m = n.join(`
`), b = k.raw + `
` + m.replace(this.rules.other.blockquoteSetextReplace2, ""), f = this.blockquote(b);
          o[o.length - 1] = f;
          let R = b.substring(f.raw.length).replace(/^\n/, ""), E = R ? R.split(`
`).length : 0, T = E ? n.slice(0, -E) : n;
          if (T.length > 0 && (r = `${r}
${T.join(`
`)}`), s = s.substring(0, s.length - k.text.length) + f.text, n = n.slice(T.length), n.length > 0 && this.rules.other.blockquoteStart.test(n[0])) continue;
          break;
        } else if (p?.type === "list") {
          let k = p, m = k.raw + `
` + n.join(`
`), b = this.list(m);
          o[o.length - 1] = b;
          let f = b.raw.length > k.raw.length ? m.slice(k.raw.length + 1, b.raw.length).split(`
`).length : 0;
          if (f > 0) {
            let R = n.slice(0, f).join(`
`);
            r = `${r}
${R}`, s = `${s}
${R}`;
          }
          if (n = n.slice(f), n.length > 0 && !this.rules.other.blockquoteStart.test(n[0])) break;
          continue;
        }
      }
      return { type: "blockquote", raw: r, tokens: o, text: s };
    }
  }
  list(e) {
    let t = this.rules.block.list.exec(e);
    if (t) {
      if (!this.options.pedantic && this.lexer.state.lastToken?.type === "text" && !this.rules.other.listInterruptsParagraph.test(e)) return;
      let n = e, r = () => n.length - e.length, s = t[1].trim(), o = s.length > 1, i = { type: "list", raw: "", ordered: o, start: o ? +s.slice(0, -1) : "", loose: false, items: [] };
      s = o ? `\\d{1,9}\\${s.slice(-1)}` : `\\${s}`, this.options.pedantic && (s = o ? s : "[*+-]");
      let a = this.rules.other.listItemRegex(s), c = false;
      for (; e; ) {
        let h = false, p = "";
        if (!(t = a.exec(e)) || this.rules.block.hr.test(e)) break;
        let k = r();
        e = e.substring(t[0].length);
        let m = t[2].split(`
`, 1)[0], b = t[1].length, f = this.options.pedantic ? te(m, b) : m.replace(this.rules.other.leadingSpaceTab, (H) => te(H, b)), R = e.split(`
`, 1)[0], E = !f.trim(), T = 0;
        if (this.options.pedantic ? (T = 2, p = f.trimStart()) : E ? T = b + 1 : (T = f.search(this.rules.other.nonSpaceChar), T = T > 4 ? 1 : T, p = f.slice(T), T += b), E && this.rules.other.blankLine.test(R) && (e = e.substring(R.length + 1), h = true), !h) {
          let H = this.rules.other.nextBulletRegex(T), K = this.rules.other.hrRegex(T), re = this.rules.other.fencesBeginRegex(T), B = this.options.pedantic ? this.rules.other.pedanticHeadingBeginRegex(T) : this.rules.other.headingBeginRegex(T), X = this.rules.other.htmlBeginRegex(T), se = this.rules.other.blockquoteBeginRegex(T), le = false;
          for (; e; ) {
            let we = e.split(`
`, 1)[0], Z;
            if (R = we, this.options.pedantic ? (R = R.replace(this.rules.other.listReplaceNesting, "  "), Z = R) : Z = R.replace(this.rules.other.leadingSpaceTab, ($) => te($)), re.test(R) || B.test(R) || X.test(R) || se.test(R) || H.test(R) || K.test(R)) break;
            if (Z.search(this.rules.other.nonSpaceChar) >= T || !R.trim()) p += `
` + Z.slice(T), le = false;
            else {
              if (E) break;
              let $ = f;
              if (!this.options.pedantic && !p.includes(`
`) && !f.includes("	")) {
                let j;
                for (; !K.test($) && (j = this.rules.other.nestedBlockMarker.exec($)); ) $ = $.slice(j[0].length);
                if (!$.trim()) break;
              }
              if ($.replace(this.rules.other.tabCharGlobal, "    ").search(this.rules.other.nonSpaceChar) >= 4 || re.test($) || B.test($) || X.test($) || K.test($)) break;
              if (!this.options.pedantic && !le) {
                let j = f.replace(this.rules.other.nestedContainerMarkers, "");
                if (this.rules.block.fences.test(j) || this.rules.block.heading.test(j) || this.rules.block.hr.test(j)) break;
              }
              let je = !this.options.pedantic && /^ {0,3}(?:=+|-+) *$/.test(R) && this.rules.block.lheading.test(`${f}
${R}`) ? `    ${Z.replace(/^ {0,3}/, "")}` : R;
              p += `
` + je, le = true;
            }
            E = !R.trim(), e = e.substring(we.length + 1), f = Z.slice(T);
          }
        }
        let U = n.slice(k, r());
        i.loose || (c ? i.loose = true : this.rules.other.doubleBlankLine.test(U) && (c = true)), i.items.push({ type: "list_item", raw: U, task: !!this.options.gfm && this.rules.other.listIsTask.test(p), loose: false, text: p, tokens: [] });
      }
      let u = i.items.at(-1);
      if (u) u.raw = u.raw.trimEnd(), u.text = u.text.trimEnd();
      else return;
      i.raw = n.slice(0, r()).trimEnd();
      let d = [];
      for (let h of i.items) if (this.lexer.state.top = false, d.push(this.lexer.inlineQueue.length), h.tokens = this.lexer.blockTokens(h.text, []), !i.loose) {
        let p = h.tokens.filter((m) => m.type === "space"), k = p.length > 0 && p.some((m) => this.rules.other.anyLine.test(m.raw));
        i.loose = k;
      }
      for (let h = 0; h < i.items.length; h++) {
        let p = i.items[h], k = p.tokens[0];
        if (p.task && (k?.type === "text" || k?.type === "paragraph")) {
          p.text = p.text.replace(this.rules.other.listReplaceTask, ""), k.raw = k.raw.replace(this.rules.other.listReplaceTask, ""), k.text = k.text.replace(this.rules.other.listReplaceTask, "");
          let m = this.lexer.inlineQueue;
          for (let f = d[h]; f < m.length; f++) if (m[f].tokens === k.tokens) {
            m[f].src = m[f].src.replace(this.rules.other.listReplaceTask, "");
            break;
          }
          let b = this.rules.other.listTaskCheckbox.exec(p.raw);
          if (b) {
            let f = { type: "checkbox", raw: b[0] + " ", checked: b[0] !== "[ ]" };
            p.checked = f.checked, i.loose ? p.tokens[0] && ["paragraph", "text"].includes(p.tokens[0].type) && "tokens" in p.tokens[0] && p.tokens[0].tokens ? (p.tokens[0].raw = f.raw + p.tokens[0].raw, p.tokens[0].text = f.raw + p.tokens[0].text, p.tokens[0].tokens.unshift(f)) : p.tokens.unshift({ type: "paragraph", raw: f.raw, text: f.raw, tokens: [f] }) : p.tokens.unshift(f);
          }
        } else p.task && (p.task = false);
      }
      if (i.loose) for (let h of i.items) {
        h.loose = true;
        for (let p of h.tokens) p.type === "text" && (p.type = "paragraph");
      }
      return i;
    }
  }
  html(e) {
    let t = this.rules.block.html.exec(e);
    if (t) {
      if (this.lexer.state.lastToken?.type === "paragraph" && !this.rules.other.htmlBeginRegex(4).test(e)) return;
      let n = Re(t[0]);
      return { type: "html", block: true, raw: n, pre: t[1] === "pre" || t[1] === "script" || t[1] === "style", text: n };
    }
  }
  def(e) {
    let t = this.rules.block.def.exec(e);
    if (t) {
      if (!this.rules.other.startAngleBracket.test(t[2]) && Te(t[2], "()") !== -1) return;
      let n = W(t[1]), r = t[2] ? t[2].replace(this.rules.other.hrefBrackets, "$1").replace(this.rules.inline.anyPunctuation, "$1") : "", s = t[3] ? t[3].substring(1, t[3].length - 1).replace(this.rules.inline.anyPunctuation, "$1") : t[3];
      return { type: "def", tag: n, raw: C(t[0], `
`), href: r, title: s };
    }
  }
  table(e) {
    let t = this.rules.block.table.exec(e);
    if (!t || !this.rules.other.tableDelimiter.test(t[2])) return;
    let n = be(t[1]), r = t[2].replace(this.rules.other.tableAlignChars, "").split("|"), s = t[3]?.trim() ? t[3].replace(this.rules.other.tableRowBlankLine, "").split(`
`) : [], o = { type: "table", raw: C(t[0], `
`), header: [], align: [], rows: [] };
    if (n.length === r.length) {
      for (let i of r) this.rules.other.tableAlignRight.test(i) ? o.align.push("right") : this.rules.other.tableAlignCenter.test(i) ? o.align.push("center") : this.rules.other.tableAlignLeft.test(i) ? o.align.push("left") : o.align.push(null);
      for (let i = 0; i < n.length; i++) o.header.push({ text: n[i], tokens: this.lexer.inline(n[i]), header: true, align: o.align[i] });
      for (let i of s) o.rows.push(be(i, o.header.length).map((a, c) => ({ text: a, tokens: this.lexer.inline(a), header: false, align: o.align[c] })));
      return o;
    }
  }
  lheading(e) {
    let t = this.rules.block.lheading.exec(e);
    if (t) {
      let n = t[1].trim();
      return { type: "heading", raw: C(t[0], `
`), depth: t[2].charAt(0) === "=" ? 1 : 2, text: n, tokens: this.lexer.inline(n) };
    }
  }
  paragraph(e) {
    let t = this.rules.block.paragraph.exec(e);
    if (t) {
      let n = t[1].charAt(t[1].length - 1) === `
` ? t[1].slice(0, -1) : t[1];
      return { type: "paragraph", raw: t[0], text: n, tokens: this.lexer.inline(n) };
    }
  }
  text(e) {
    let t = this.rules.block.text.exec(e);
    if (t) return { type: "text", raw: t[0], text: t[0], tokens: this.lexer.inline(t[0]) };
  }
  escape(e) {
    if (e.charCodeAt(0) !== 92) return;
    let t = this.rules.inline.escape.exec(e);
    if (t) return { type: "escape", raw: t[0], text: t[1] };
  }
  tag(e) {
    if (e.charCodeAt(0) !== 60) return;
    let t = this.rules.inline.tag.exec(e);
    if (t) return !this.lexer.state.inLink && this.rules.other.startATag.test(t[0]) ? this.lexer.state.inLink = true : this.lexer.state.inLink && this.rules.other.endATag.test(t[0]) && (this.lexer.state.inLink = false), !this.lexer.state.inRawBlock && this.rules.other.startPreScriptTag.test(t[0]) ? this.lexer.state.inRawBlock = true : this.lexer.state.inRawBlock && this.rules.other.endPreScriptTag.test(t[0]) && (this.lexer.state.inRawBlock = false), { type: "html", raw: t[0], inLink: this.lexer.state.inLink, inRawBlock: this.lexer.state.inRawBlock, block: false, text: t[0] };
  }
  link(e) {
    if (this.lexer.state.linkParenPossible === false) return;
    let t = e.charCodeAt(0);
    if (t !== 91 && t !== 33) return;
    let n = this.rules.inline.link.exec(e);
    if (n) {
      let r = n[0].charAt(0) === "!" ? 2 : 1;
      if (!this.options.pedantic && Ze(e, n[1], r, this.rules)) return;
      let s = n[2].trim();
      if (!this.options.pedantic && this.rules.other.startAngleBracket.test(s)) {
        if (!this.rules.other.endAngleBracket.test(s)) return;
        let c = C(s.slice(0, -1), "\\");
        if ((s.length - c.length) % 2 === 0) return;
      } else {
        let c = Te(n[2], "()");
        if (c === -2) return;
        if (c > -1) {
          let d = (n[0].indexOf("!") === 0 ? 5 : 4) + n[1].length + c;
          n[2] = n[2].substring(0, c), n[0] = n[0].substring(0, d).trim(), n[3] = "";
        }
      }
      let o = C(n[0].slice(0, -1), "\\");
      if ((n[0].length - o.length) % 2 === 0) return;
      let i = n[2], a = "";
      if (this.options.pedantic) {
        let c = this.rules.other.pedanticHrefTitle.exec(i);
        c && (i = c[1], a = c[3]);
      } else a = n[3] ? n[3].slice(1, -1) : "";
      return i = i.trim(), this.rules.other.startAngleBracket.test(i) && (this.options.pedantic && !this.rules.other.endAngleBracket.test(s) ? i = i.slice(1) : i = i.slice(1, -1)), He(n, { href: i && i.replace(this.rules.inline.anyPunctuation, "$1"), title: a && a.replace(this.rules.inline.anyPunctuation, "$1") }, n[0], this.lexer, this.rules);
    }
  }
  reflink(e, t) {
    let n = e.charCodeAt(0);
    if (n !== 91 && n !== 33) return;
    let r;
    if ((r = this.rules.inline.reflink.exec(e)) || (r = this.rules.inline.nolink.exec(e))) {
      let s = r[0].charAt(0) === "!" ? 2 : 1;
      if (!this.options.pedantic && Ze(e, r[1], s, this.rules)) return;
      let o = t[W(r[2] || r[1])];
      if (!o) {
        let i = r[0].charAt(0);
        return { type: "text", raw: i, text: i };
      }
      return He(r, o, r[0], this.lexer, this.rules);
    }
  }
  emStrong(e, t, n = "") {
    let r = this.rules.inline.emStrongLDelim.exec(e);
    if (!r || !r[1] && !r[2] && !r[3] && !r[4]) return;
    let s = r[0][0], o = n === s, i = t.length - e.length, a = i;
    for (; !this.options.pedantic && a > 0 && t[a - 1] === s; ) a--;
    let c = [...t.slice(Math.max(0, a - 2), a)].at(-1) ?? "", u = c === "*" || c === "_" || !!this.rules.inline.punctuation.exec(c);
    a < i && (n = c);
    let d = a < i ? u : n === "*" || n === "_" || !!this.rules.inline.punctuation.exec(n);
    if (r[4] && n.match(this.rules.other.unicodeAlphaNumeric)) return;
    let h = r[1] || r[3] || "";
    if (!h || !n || d) {
      let p = [...r[0]].length - 1, k, m, b = p, f = 0, R = i - a + p, E = !this.options.pedantic && !!c.trim() && (!!h || s === "*" && !u);
      if (s !== "*" && s !== "_") return;
      let T = s === "*" ? this.rules.inline.emStrongRDelimAst : this.rules.inline.emStrongRDelimUnd, U = oe(this, t, s), H = t.length - e.length + p;
      if (U < H) return;
      t = t.slice(-1 * e.length + p);
      let K = U - H;
      for (T.lastIndex = 0; (r = T.exec(t)) !== null && !(r.index > K); ) {
        if (k = r[1] || r[2] || r[3] || r[4] || r[5] || r[6], !k) continue;
        if (m = [...k].length, r[3] || r[4]) {
          b += m;
          continue;
        } else if ((r[5] || r[6] || E) && R % 3 && !((R + m) % 3)) {
          if (o && (r[5] || r[6])) break;
          f += m;
          continue;
        }
        if (b -= m, b > 0) continue;
        m = Math.min(m, m + b + f);
        let re = [...r[0]][0].length, B = e.slice(0, p + r.index + re + m);
        if (Math.min(p, m) % 2) {
          let se = B.slice(1, -1);
          return { type: "em", raw: B, text: se, tokens: this.lexer.inlineTokens(se) };
        }
        let X = B.slice(2, -2);
        return { type: "strong", raw: B, text: X, tokens: this.lexer.inlineTokens(X) };
      }
    }
  }
  codespan(e) {
    if (e.charCodeAt(0) !== 96) return;
    let t = this.rules.inline.code.exec(e);
    if (t) {
      let n = t[2].replace(this.rules.other.newLineCharGlobal, " "), r = this.rules.other.nonSpaceChar.test(n), s = this.rules.other.startingSpaceChar.test(n) && this.rules.other.endingSpaceChar.test(n);
      return r && s && (n = n.substring(1, n.length - 1)), { type: "codespan", raw: t[0], text: n };
    }
  }
  br(e) {
    let t = e.charCodeAt(0);
    if (t !== 32 && t !== 92 && t !== 10) return;
    let n = this.rules.inline.br.exec(e);
    if (n) return { type: "br", raw: n[0] };
  }
  del(e, t, n = "") {
    if (e.charCodeAt(0) !== 126) return;
    let r = this.rules.inline.delLDelim.exec(e);
    if (!r) return;
    if (!(r[1] || "") || !n || this.rules.inline.punctuation.exec(n)) {
      let o = [...r[0]].length - 1, i, a, c = o, u = this.rules.inline.delRDelim, d = ae(this, t), h = t.length - e.length + o;
      if (d < h) return;
      t = t.slice(-1 * e.length + o);
      let p = d - h;
      for (u.lastIndex = 0; (r = u.exec(t)) !== null && !(r.index > p); ) {
        if (i = r[1] || r[2] || r[3] || r[4] || r[5] || r[6], !i || (a = [...i].length, a !== o)) continue;
        if (r[3] || r[4]) {
          c += a;
          continue;
        }
        if (c -= a, c > 0) continue;
        a = Math.min(a, a + c);
        let k = [...r[0]][0].length, m = e.slice(0, o + r.index + k + a), b = m.slice(o, -o);
        return { type: "del", raw: m, text: b, tokens: this.lexer.inlineTokens(b) };
      }
    }
  }
  autolink(e) {
    if (e.charCodeAt(0) !== 60) return;
    let t = this.rules.inline.autolink.exec(e);
    if (t) {
      let n, r;
      return t[2] === "@" ? (n = t[1], r = "mailto:" + n) : (n = t[1], r = n), { type: "link", raw: t[0], text: n, href: r, autolink: true, tokens: [{ type: "text", raw: n, text: n }] };
    }
  }
  url(e) {
    let t;
    if (t = this.rules.inline.url.exec(e)) {
      let n, r;
      if (t[2] === "@") n = t[0], r = "mailto:" + n;
      else {
        let s;
        do
          s = t[0], t[0] = this.rules.inline._backpedal.exec(t[0])?.[0] ?? "";
        while (s !== t[0]);
        n = t[0], t[1] === "www." ? r = "http://" + t[0] : r = t[0];
      }
      return { type: "link", raw: t[0], text: n, href: r, autolink: true, tokens: [{ type: "text", raw: n, text: n }] };
    }
  }
  inlineText(e) {
    let t = this.rules.inline.text.exec(e);
    if (t) {
      let n = this.lexer.state.inRawBlock;
      return { type: "text", raw: t[0], text: n ? t[0] : De(t[0]), escaped: n };
    }
  }
};
var w = class l {
  tokens;
  options;
  state;
  inlineQueue;
  tokenizer;
  constructor(e) {
    this.tokens = [], this.tokens.links = /* @__PURE__ */ Object.create(null), this.options = e || S, this.options.tokenizer = this.options.tokenizer || new _(), this.tokenizer = this.options.tokenizer, this.tokenizer.options = this.options, this.tokenizer.lexer = this, this.inlineQueue = [], this.state = { inLink: false, inRawBlock: false, linkEmitted: false, linkParenPossible: true, top: true };
    let t = { other: O, block: ee.normal, inline: F.normal };
    this.options.pedantic ? (t.block = ee.pedantic, t.inline = F.pedantic) : this.options.gfm && (t.block = ee.gfm, this.options.breaks ? t.inline = F.breaks : t.inline = F.gfm), this.tokenizer.rules = t;
  }
  static get rules() {
    return { block: ee, inline: F };
  }
  static lex(e, t) {
    return new l(t).lex(e);
  }
  static lexInline(e, t) {
    return new l(t).inlineTokens(e);
  }
  lex(e) {
    e = e.replace(O.carriageReturn, `
`), this.blockTokens(e, this.tokens);
    for (let t = 0; t < this.inlineQueue.length; t++) {
      let n = this.inlineQueue[t];
      this.state.inRawBlock = false, this.inlineTokens(n.src, n.tokens);
    }
    return this.inlineQueue = [], this.tokens;
  }
  blockTokens(e, t = [], n = false) {
    this.tokenizer.lexer = this;
    let r = this.state.lastToken;
    this.options.pedantic && (e = e.replace(O.tabCharGlobal, "    ").replace(O.spaceLine, ""));
    let s = 1 / 0, o, i = this.options.gfm && !this.options.pedantic && this.tokenizer.paragraph === _.prototype.paragraph;
    for (; e; ) {
      if (e.length < s) s = e.length;
      else {
        this.infiniteLoopError(e.charCodeAt(0));
        break;
      }
      this.state.lastToken = t.at(-1);
      let a;
      if (this.options.extensions?.block?.some((u) => (a = u.call({ lexer: this }, e, t)) ? (e = e.substring(a.raw.length), t.push(a), true) : false)) continue;
      if (a = this.tokenizer.space(e)) {
        e = e.substring(a.raw.length);
        let u = t.at(-1);
        a.raw.length === 1 && u !== void 0 ? u.raw += `
` : t.push(a);
        continue;
      }
      if (a = this.tokenizer.code(e)) {
        e = e.substring(a.raw.length);
        let u = t.at(-1);
        u?.type === "paragraph" || u?.type === "text" ? (u.raw += (u.raw.endsWith(`
`) ? "" : `
`) + a.raw, u.text += `
` + a.text, this.inlineQueue.at(-1).src = u.text) : t.push(a);
        continue;
      }
      if (a = this.tokenizer.fences(e)) {
        e = e.substring(a.raw.length), t.push(a);
        continue;
      }
      if (a = this.tokenizer.heading(e)) {
        e = e.substring(a.raw.length), t.push(a);
        continue;
      }
      if (a = this.tokenizer.hr(e)) {
        e = e.substring(a.raw.length), t.push(a);
        continue;
      }
      if (a = this.tokenizer.blockquote(e)) {
        e = e.substring(a.raw.length), t.push(a);
        continue;
      }
      if (a = this.tokenizer.list(e)) {
        e = e.substring(a.raw.length), t.push(a);
        continue;
      }
      if (a = this.tokenizer.html(e)) {
        e = e.substring(a.raw.length), t.push(a);
        continue;
      }
      if (a = this.tokenizer.def(e)) {
        e = e.substring(a.raw.length);
        let u = t.at(-1);
        u?.type === "paragraph" || u?.type === "text" ? (u.raw += (u.raw.endsWith(`
`) ? "" : `
`) + a.raw, u.text += `
` + a.raw, this.inlineQueue.at(-1).src = u.text) : (this.tokens.links[a.tag] || (this.tokens.links[a.tag] = { href: a.href, title: a.title }), t.push(a));
        continue;
      }
      if (a = this.tokenizer.table(e)) {
        e = e.substring(a.raw.length), t.push(a);
        continue;
      }
      if (a = this.tokenizer.lheading(e)) {
        e = e.substring(a.raw.length), t.push(a);
        continue;
      }
      let c = e;
      if (this.options.extensions?.startBlock) {
        let u = 1 / 0, d = e.slice(1), h;
        this.options.extensions.startBlock.forEach((p) => {
          h = p.call({ lexer: this }, d), typeof h == "number" && h >= 0 && (u = Math.min(u, h));
        }), u < 1 / 0 && u >= 0 && (c = e.substring(0, u + 1));
      }
      if (this.state.top && (a = this.tokenizer.paragraph(c))) {
        let u = t.at(-1);
        (n || u === o && i) && u?.type === "paragraph" ? (u.raw += (u.raw.endsWith(`
`) ? "" : `
`) + a.raw, u.text += `
` + a.text, this.inlineQueue.pop(), this.inlineQueue.at(-1).src = u.text, o = u) : (t.push(a), o = a), n = c.length !== e.length, e = e.substring(a.raw.length);
        continue;
      }
      if (a = this.tokenizer.text(e)) {
        e = e.substring(a.raw.length);
        let u = t.at(-1);
        u?.type === "text" ? (u.raw += (u.raw.endsWith(`
`) ? "" : `
`) + a.raw, u.text += `
` + a.text, this.inlineQueue.pop(), this.inlineQueue.at(-1).src = u.text) : t.push(a);
        continue;
      }
      if (e) {
        this.infiniteLoopError(e.charCodeAt(0));
        break;
      }
    }
    return this.state.top = true, this.state.lastToken = r, t;
  }
  inline(e, t = []) {
    return this.inlineQueue.push({ src: e, tokens: t }), t;
  }
  linkInText(e) {
    if (!e.includes("[")) return false;
    let t = this.tokenizer.rules.inline.link;
    for (let n of e.matchAll(this.tokenizer.rules.inline.blockSkip)) if (t.test(n[0]) && e.charAt(n.index - 1) !== "!") return true;
    for (let n of e.matchAll(this.tokenizer.rules.inline.reflinkSearch)) {
      let r = n[0], s = r.lastIndexOf("[");
      if (!(r.charAt(0) === "!" || !Object.hasOwn(this.tokens.links, W(r.slice(s + 1, -1)))) && !(s > 1 && this.linkInText(r.slice(1, s - 1)))) return true;
    }
    return false;
  }
  inlineTokens(e, t = []) {
    this.tokenizer.lexer = this;
    let n = this.state.linkParenPossible;
    this.state.linkParenPossible = e.includes(")");
    try {
      return this.#t(e, t);
    } finally {
      this.state.linkParenPossible = n;
    }
  }
  #t(e, t) {
    let n = e.includes("*") || e.includes("_") || e.includes("~"), r = n || this.options.hooks?.emStrongMask || this.tokenizer.emStrong !== _.prototype.emStrong || this.tokenizer.del !== _.prototype.del ? this.#r(e) : e;
    if (!n) return this.#e(e, r, t);
    qe(this.tokenizer, r);
    try {
      return this.#e(e, r, t);
    } finally {
      ve(this.tokenizer);
    }
  }
  #e(e, t, n) {
    let r = false, s = "", o = 1 / 0;
    for (; e; ) {
      if (e.length < o) o = e.length;
      else {
        this.infiniteLoopError(e.charCodeAt(0));
        break;
      }
      r || (s = ""), r = false;
      let i;
      if (this.options.extensions?.inline?.some((u) => (i = u.call({ lexer: this }, e, n)) ? (e = e.substring(i.raw.length), n.push(i), true) : false)) continue;
      if (i = this.tokenizer.escape(e)) {
        e = e.substring(i.raw.length), n.push(i);
        continue;
      }
      if (i = this.tokenizer.tag(e)) {
        e = e.substring(i.raw.length), n.push(i);
        continue;
      }
      if (i = this.tokenizer.link(e)) {
        e = e.substring(i.raw.length), n.push(i);
        continue;
      }
      if (i = this.tokenizer.reflink(e, this.tokens.links)) {
        e = e.substring(i.raw.length);
        let u = n.at(-1);
        i.type === "text" && u?.type === "text" ? (u.raw += i.raw, u.text += i.text) : n.push(i);
        continue;
      }
      let a = e[0];
      if (a === "*" || a === "_") {
        let u = t.length - e.length;
        if (oe(this.tokenizer, t, a) <= u) {
          let h = 1;
          for (; h < e.length && e.charCodeAt(h) === a.charCodeAt(0); ) h++;
          let p = e.substring(0, h), k = n.at(-1);
          k?.type === "text" && !k.escaped ? (k.raw += p, k.text += p) : n.push({ type: "text", raw: p, text: p, escaped: false }), e = e.substring(h), s = a, r = true;
          continue;
        }
      } else if (a === "~") {
        let u = t.length - e.length;
        if (ae(this.tokenizer, t) <= u) {
          let h = 1;
          for (; h < e.length && e.charCodeAt(h) === 126; ) h++;
          let p = e.substring(0, h), k = n.at(-1);
          k?.type === "text" && !k.escaped ? (k.raw += p, k.text += p) : n.push({ type: "text", raw: p, text: p, escaped: false }), e = e.substring(h), s = a, r = true;
          continue;
        }
      }
      if (i = this.tokenizer.emStrong(e, t, s)) {
        e = e.substring(i.raw.length), n.push(i);
        continue;
      }
      if (i = this.tokenizer.codespan(e)) {
        e = e.substring(i.raw.length), n.push(i);
        continue;
      }
      if (i = this.tokenizer.br(e)) {
        e = e.substring(i.raw.length), n.push(i);
        continue;
      }
      if (i = this.tokenizer.del(e, t, s)) {
        e = e.substring(i.raw.length), n.push(i);
        continue;
      }
      if (i = this.tokenizer.autolink(e)) {
        e = e.substring(i.raw.length), n.push(i);
        continue;
      }
      if (!this.state.inLink && (i = this.tokenizer.url(e))) {
        e = e.substring(i.raw.length), n.push(i);
        continue;
      }
      let c = e;
      if (this.options.extensions?.startInline) {
        let u = 1 / 0, d = e.slice(1), h;
        this.options.extensions.startInline.forEach((p) => {
          h = p.call({ lexer: this }, d), typeof h == "number" && h >= 0 && (u = Math.min(u, h));
        }), u < 1 / 0 && u >= 0 && (c = e.substring(0, u + 1));
      }
      if (i = this.tokenizer.inlineText(c)) {
        e = e.substring(i.raw.length), i.raw.slice(-1) !== "_" && (s = i.raw.slice(-1)), r = true;
        let u = n.at(-1);
        u?.type === "text" ? (u.raw += i.raw, u.text += i.text) : n.push(i);
        continue;
      }
      if (e) {
        this.infiniteLoopError(e.charCodeAt(0));
        break;
      }
    }
    return n;
  }
  #n(e) {
    let { blockSkip: t, tag: n, autolink: r } = this.tokenizer.rules.inline, s = "", o = 0, i;
    for (t.lastIndex = 0; i = t.exec(e); ) {
      let a = i.index + (i[2] ? i[2].length : 0), c = i.index + i[0].length;
      if (e.charAt(a) === "<") {
        let u = e.slice(a), d = n.exec(u) || r.exec(u);
        if (!d) {
          t.lastIndex = a + 1;
          continue;
        }
        c = a + d[0].length, t.lastIndex = c;
      }
      s += e.slice(o, a) + "[" + "a".repeat(c - a - 2) + "]", o = c;
    }
    return s + e.slice(o);
  }
  #r(e) {
    let t = e;
    if (this.tokens.links && e.includes("[")) {
      let n = this.tokenizer.rules.inline.reflinkSearch, r = (s) => {
        let o = s.lastIndexOf("[");
        if (!Object.hasOwn(this.tokens.links, W(s.slice(o + 1, -1)))) return s;
        if (o > 1 && s.charAt(0) !== "!") {
          let i = s.slice(1, o - 1);
          if (this.linkInText(i)) return "[" + i.replace(n, r) + "][" + "a".repeat(s.length - o - 2) + "]";
        }
        return "[" + "a".repeat(s.length - 2) + "]";
      };
      t = t.replace(n, r);
    }
    return t = t.replace(this.tokenizer.rules.inline.anyPunctuationOutsideCode, (n, r, s) => s ? "+".repeat(n.length) : r ? r + n.slice(r.length, -r.length).replace(/`/g, "+") + r : n), t = this.#n(t), t = this.options.hooks?.emStrongMask?.call({ lexer: this }, t) ?? t, t;
  }
  infiniteLoopError(e) {
    let t = "Infinite loop on byte: " + e;
    if (this.options.silent) console.error(t);
    else throw new Error(t);
  }
};
var I = class {
  options;
  parser;
  constructor(e) {
    this.options = e || S;
  }
  space(e) {
    return "";
  }
  code({ text: e, lang: t, escaped: n }) {
    let r = (t || "").match(O.notSpaceStart)?.[0], s = e ? e.replace(O.endingNewline, "") + `
` : "";
    return r ? '<pre><code class="language-' + y(r) + '">' + (n ? s : y(s, true)) + `</code></pre>
` : "<pre><code>" + (n ? s : y(s, true)) + `</code></pre>
`;
  }
  blockquote({ tokens: e }) {
    return `<blockquote>
${this.parser.parse(e)}</blockquote>
`;
  }
  html({ text: e }) {
    return e;
  }
  def(e) {
    return "";
  }
  heading({ tokens: e, depth: t }) {
    return `<h${t}>${this.parser.parseInline(e)}</h${t}>
`;
  }
  hr(e) {
    return `<hr>
`;
  }
  list(e) {
    let t = e.ordered, n = e.start, r = "";
    for (let i = 0; i < e.items.length; i++) {
      let a = e.items[i];
      r += this.listitem(a);
    }
    let s = t ? "ol" : "ul", o = t && n !== 1 ? ' start="' + n + '"' : "";
    return "<" + s + o + `>
` + r + "</" + s + `>
`;
  }
  listitem(e) {
    return `<li>${this.parser.parse(e.tokens)}</li>
`;
  }
  checkbox({ checked: e }) {
    return "<input " + (e ? 'checked="" ' : "") + 'disabled="" type="checkbox"> ';
  }
  paragraph({ tokens: e }) {
    return `<p>${this.parser.parseInline(e)}</p>
`;
  }
  table(e) {
    let t = "", n = "";
    for (let s = 0; s < e.header.length; s++) n += this.tablecell(e.header[s]);
    t += this.tablerow({ text: n });
    let r = "";
    for (let s = 0; s < e.rows.length; s++) {
      let o = e.rows[s];
      n = "";
      for (let i = 0; i < o.length; i++) n += this.tablecell(o[i]);
      r += this.tablerow({ text: n });
    }
    return r && (r = `<tbody>${r}</tbody>`), `<table>
<thead>
` + t + `</thead>
` + r + `</table>
`;
  }
  tablerow({ text: e }) {
    return `<tr>
${e}</tr>
`;
  }
  tablecell(e) {
    let t = this.parser.parseInline(e.tokens), n = e.header ? "th" : "td";
    return (e.align ? `<${n} align="${e.align}">` : `<${n}>`) + t + `</${n}>
`;
  }
  strong({ tokens: e }) {
    return `<strong>${this.parser.parseInline(e)}</strong>`;
  }
  em({ tokens: e }) {
    return `<em>${this.parser.parseInline(e)}</em>`;
  }
  codespan({ text: e }) {
    return `<code>${y(e, true)}</code>`;
  }
  br(e) {
    return "<br>";
  }
  del({ tokens: e }) {
    return `<del>${this.parser.parseInline(e)}</del>`;
  }
  link({ href: e, title: t, text: n, tokens: r, autolink: s }) {
    let o = s ? y(n, true) : this.parser.parseInline(r), i = xe(e);
    if (i === null) return o;
    e = y(i, s);
    let a = '<a href="' + e + '"';
    return t && (a += ' title="' + y(t) + '"'), a += ">" + o + "</a>", a;
  }
  image({ href: e, title: t, text: n, tokens: r }) {
    r && (n = this.parser.parseInline(r, this.parser.textRenderer));
    let s = xe(e);
    if (s === null) return y(n);
    e = s;
    let o = `<img src="${y(e)}" alt="${y(n)}"`;
    return t && (o += ` title="${y(t)}"`), o += ">", o;
  }
  text(e) {
    return "tokens" in e && e.tokens ? this.parser.parseInline(e.tokens) : "escaped" in e && e.escaped ? e.text : y(e.text);
  }
};
var z = class {
  parser;
  strong({ text: e, tokens: t }) {
    return t ? this.parser.parseInline(t, this) : e;
  }
  em({ text: e, tokens: t }) {
    return t ? this.parser.parseInline(t, this) : e;
  }
  codespan({ text: e }) {
    return e;
  }
  del({ text: e, tokens: t }) {
    return t ? this.parser.parseInline(t, this) : e;
  }
  html({ text: e }) {
    return e;
  }
  text({ text: e }) {
    return e;
  }
  link({ text: e, tokens: t }) {
    return t ? this.parser.parseInline(t, this) : e;
  }
  image({ text: e, tokens: t }) {
    return t ? this.parser.parseInline(t, this) : e;
  }
  br() {
    return `
`;
  }
  checkbox({ raw: e }) {
    return e;
  }
};
var P = class l2 {
  options;
  renderer;
  textRenderer;
  constructor(e) {
    this.options = e || S, this.options.renderer = this.options.renderer || new I(), this.renderer = this.options.renderer, this.renderer.options = this.options, this.renderer.parser = this, this.textRenderer = new z(), this.textRenderer.parser = this;
  }
  static parse(e, t) {
    return new l2(t).parse(e);
  }
  static parseInline(e, t) {
    return new l2(t).parseInline(e);
  }
  parse(e) {
    this.renderer.parser = this;
    let t = "";
    for (let n = 0; n < e.length; n++) {
      let r = e[n];
      if (this.options.extensions?.renderers?.[r.type]) {
        let o = r, i = this.options.extensions.renderers[o.type].call({ parser: this }, o);
        if (i !== false || !["space", "hr", "heading", "code", "table", "blockquote", "list", "checkbox", "html", "def", "paragraph", "text"].includes(o.type)) {
          t += i === false ? "" : i ?? "";
          continue;
        }
      }
      let s = r;
      switch (s.type) {
        case "space": {
          t += this.renderer.space(s);
          break;
        }
        case "hr": {
          t += this.renderer.hr(s);
          break;
        }
        case "heading": {
          t += this.renderer.heading(s);
          break;
        }
        case "code": {
          t += this.renderer.code(s);
          break;
        }
        case "table": {
          t += this.renderer.table(s);
          break;
        }
        case "blockquote": {
          t += this.renderer.blockquote(s);
          break;
        }
        case "list": {
          t += this.renderer.list(s);
          break;
        }
        case "checkbox": {
          t += this.renderer.checkbox(s);
          break;
        }
        case "html": {
          t += this.renderer.html(s);
          break;
        }
        case "def": {
          t += this.renderer.def(s);
          break;
        }
        case "paragraph": {
          t += this.renderer.paragraph(s);
          break;
        }
        case "text": {
          t += this.renderer.text(s);
          break;
        }
        default: {
          let o = 'Token with "' + s.type + '" type was not found.';
          if (this.options.silent) return console.error(o), "";
          throw new Error(o);
        }
      }
    }
    return t;
  }
  parseInline(e, t = this.renderer) {
    this.renderer.parser = this;
    let n = "";
    for (let r = 0; r < e.length; r++) {
      let s = e[r];
      if (this.options.extensions?.renderers?.[s.type]) {
        let i = this.options.extensions.renderers[s.type].call({ parser: this }, s);
        if (i !== false || !["escape", "html", "link", "image", "checkbox", "strong", "em", "codespan", "br", "del", "text"].includes(s.type)) {
          n += i === false ? "" : i ?? "";
          continue;
        }
      }
      let o = s;
      switch (o.type) {
        case "escape": {
          n += t.text(o);
          break;
        }
        case "html": {
          n += t.html(o);
          break;
        }
        case "link": {
          n += t.link(o);
          break;
        }
        case "image": {
          n += t.image(o);
          break;
        }
        case "checkbox": {
          n += t.checkbox(o);
          break;
        }
        case "strong": {
          n += t.strong(o);
          break;
        }
        case "em": {
          n += t.em(o);
          break;
        }
        case "codespan": {
          n += t.codespan(o);
          break;
        }
        case "br": {
          n += t.br(o);
          break;
        }
        case "del": {
          n += t.del(o);
          break;
        }
        case "text": {
          n += t.text(o);
          break;
        }
        default: {
          let i = 'Token with "' + o.type + '" type was not found.';
          if (this.options.silent) return console.error(i), "";
          throw new Error(i);
        }
      }
    }
    return n;
  }
};
var A = class {
  options;
  block;
  constructor(e) {
    this.options = e || S;
  }
  static passThroughHooks = /* @__PURE__ */ new Set(["preprocess", "postprocess", "processAllTokens", "emStrongMask"]);
  static passThroughHooksRespectAsync = /* @__PURE__ */ new Set(["preprocess", "postprocess", "processAllTokens"]);
  preprocess(e) {
    return e;
  }
  postprocess(e) {
    return e;
  }
  processAllTokens(e) {
    return e;
  }
  emStrongMask(e) {
    return e;
  }
  provideLexer(e = this.block) {
    return e ? w.lex : w.lexInline;
  }
  provideParser(e = this.block) {
    return e ? P.parse : P.parseInline;
  }
};
function M(l3, e) {
  if (Array.isArray(e)) for (let t = 0; t < e.length; t++) l3.push(e[t]);
  else l3.push(e);
}
var ne = class {
  defaults = G();
  options = this.setOptions;
  parse = this.parseMarkdown(true);
  parseInline = this.parseMarkdown(false);
  Parser = P;
  Renderer = I;
  TextRenderer = z;
  Lexer = w;
  Tokenizer = _;
  Hooks = A;
  constructor(...e) {
    this.use(...e);
  }
  walkTokens(e, t) {
    let n = [];
    for (let r of e) switch (M(n, t.call(this, r)), r.type) {
      case "table": {
        let s = r;
        for (let o of s.header) M(n, this.walkTokens(o.tokens, t));
        for (let o of s.rows) for (let i of o) M(n, this.walkTokens(i.tokens, t));
        break;
      }
      case "list": {
        let s = r;
        M(n, this.walkTokens(s.items, t));
        break;
      }
      default: {
        let s = r;
        this.defaults.extensions?.childTokens?.[s.type] ? this.defaults.extensions.childTokens[s.type].forEach((o) => {
          let i = s[o].flat(1 / 0);
          M(n, this.walkTokens(i, t));
        }) : s.tokens && M(n, this.walkTokens(s.tokens, t));
      }
    }
    return n;
  }
  use(...e) {
    let t = this.defaults.extensions || { renderers: /* @__PURE__ */ Object.create(null), childTokens: /* @__PURE__ */ Object.create(null) };
    return e.forEach((n) => {
      let r = { ...n };
      if (r.async = this.defaults.async || r.async || false, n.extensions && (n.extensions.forEach((s) => {
        if (!s.name) throw new Error("extension name required");
        if ("renderer" in s) {
          let o = t.renderers[s.name];
          o ? t.renderers[s.name] = function(...i) {
            let a = s.renderer.apply(this, i);
            return a === false && (a = o.apply(this, i)), a;
          } : t.renderers[s.name] = s.renderer;
        }
        if ("tokenizer" in s) {
          if (!s.level || s.level !== "block" && s.level !== "inline") throw new Error("extension level must be 'block' or 'inline'");
          let o = t[s.level];
          o ? o.unshift(s.tokenizer) : t[s.level] = [s.tokenizer], s.start && (s.level === "block" ? t.startBlock ? t.startBlock.push(s.start) : t.startBlock = [s.start] : s.level === "inline" && (t.startInline ? t.startInline.push(s.start) : t.startInline = [s.start]));
        }
        "childTokens" in s && s.childTokens && (t.childTokens[s.name] = s.childTokens);
      }), r.extensions = t), n.renderer) {
        let s = this.defaults.renderer || new I(this.defaults);
        for (let o in n.renderer) {
          if (!(o in s)) throw new Error(`renderer '${o}' does not exist`);
          if (["options", "parser"].includes(o)) continue;
          let i = o, a = n.renderer[i], c = s[i];
          s[i] = (...u) => {
            let d = a.apply(s, u);
            return d === false && (d = c.apply(s, u)), d === false ? "" : d ?? "";
          };
        }
        r.renderer = s;
      }
      if (n.tokenizer) {
        let s = this.defaults.tokenizer || new _(this.defaults);
        for (let o in n.tokenizer) {
          if (!(o in s)) throw new Error(`tokenizer '${o}' does not exist`);
          if (["options", "rules", "lexer"].includes(o)) continue;
          let i = o, a = n.tokenizer[i], c = s[i];
          s[i] = (...u) => {
            let d = a.apply(s, u);
            return d === false && (d = c.apply(s, u)), d;
          };
        }
        r.tokenizer = s;
      }
      if (n.hooks) {
        let s = this.defaults.hooks || new A();
        for (let o in n.hooks) {
          if (!(o in s)) throw new Error(`hook '${o}' does not exist`);
          if (["options", "block"].includes(o)) continue;
          let i = o, a = n.hooks[i], c = s[i];
          A.passThroughHooks.has(o) ? s[i] = (u) => {
            if (s.options.async && A.passThroughHooksRespectAsync.has(o)) return (async () => {
              let h = await a.call(s, u);
              return c.call(s, h);
            })();
            let d = a.call(s, u);
            return c.call(s, d);
          } : s[i] = (...u) => {
            if (s.options.async) return (async () => {
              let h = await a.apply(s, u);
              return h === false && (h = await c.apply(s, u)), h;
            })();
            let d = a.apply(s, u);
            return d === false && (d = c.apply(s, u)), d;
          };
        }
        r.hooks = s;
      }
      if (n.walkTokens) {
        let s = this.defaults.walkTokens, o = n.walkTokens;
        r.walkTokens = function(i) {
          let a = [];
          return M(a, o.call(this, i)), s && M(a, s.call(this, i)), a;
        };
      }
      this.defaults = { ...this.defaults, ...r };
    }), this;
  }
  setOptions(e) {
    return this.defaults = { ...this.defaults, ...e }, this;
  }
  lexer(e, t) {
    return w.lex(e, t ?? this.defaults);
  }
  parser(e, t) {
    return P.parse(e, t ?? this.defaults);
  }
  parseMarkdown(e) {
    return (n, r) => {
      let s = { ...r }, o = { ...this.defaults, ...s }, i = this.onError(!!o.silent, !!o.async);
      if (this.defaults.async === true && s.async === false) return i(new Error("marked(): The async option was set to true by an extension. Remove async: false from the parse options object to return a Promise."));
      if (typeof n > "u" || n === null) return i(new Error("marked(): input parameter is undefined or null"));
      if (typeof n != "string") return i(new Error("marked(): input parameter is of type " + Object.prototype.toString.call(n) + ", string expected"));
      if (o.hooks && (o.hooks.options = o, o.hooks.block = e), o.async) return (async () => {
        let a = o.hooks ? await o.hooks.preprocess(n) : n, u = await (o.hooks ? await o.hooks.provideLexer(e) : e ? w.lex : w.lexInline)(a, o), d = o.hooks ? await o.hooks.processAllTokens(u) : u;
        o.walkTokens && await Promise.all(this.walkTokens(d, o.walkTokens));
        let p = await (o.hooks ? await o.hooks.provideParser(e) : e ? P.parse : P.parseInline)(d, o);
        return o.hooks ? await o.hooks.postprocess(p) : p;
      })().catch(i);
      try {
        o.hooks && (n = o.hooks.preprocess(n));
        let c = (o.hooks ? o.hooks.provideLexer(e) : e ? w.lex : w.lexInline)(n, o);
        o.hooks && (c = o.hooks.processAllTokens(c)), o.walkTokens && this.walkTokens(c, o.walkTokens);
        let d = (o.hooks ? o.hooks.provideParser(e) : e ? P.parse : P.parseInline)(c, o);
        return o.hooks && (d = o.hooks.postprocess(d)), d;
      } catch (a) {
        return i(a);
      }
    };
  }
  onError(e, t) {
    return (n) => {
      if (n.message += `
Please report this to https://github.com/markedjs/marked.`, e) {
        let r = "<p>An error occurred:</p><pre>" + y(n.message + "", true) + "</pre>";
        return t ? Promise.resolve(r) : r;
      }
      if (t) return Promise.reject(n);
      throw n;
    };
  }
};
var v = new ne();
function x(l3, e) {
  return v.parse(l3, e);
}
x.options = x.setOptions = function(l3) {
  return v.setOptions(l3), x.defaults = v.defaults, ue(x.defaults), x;
};
x.getDefaults = G;
x.defaults = S;
function jt(...l3) {
  return v.use(...l3), x.defaults = v.defaults, ue(x.defaults), x;
}
x.use = jt;
x.walkTokens = function(l3, e) {
  return v.walkTokens(l3, e);
};
x.parseInline = v.parseInline;
x.Parser = P;
x.parser = P.parse;
x.Renderer = I;
x.TextRenderer = z;
x.Lexer = w;
x.lexer = w.lex;
x.Tokenizer = _;
x.Hooks = A;
x.parse = x;
var En = x.options;
var zn = x.setOptions;
var Mn = x.walkTokens;
var Bn = x.parseInline;
var qn = P.parse;
var vn = w.lex;

// scripts/core/epic/blueprint.ts
function blankTask(id, title, line) {
  return { id, line, title, files: [], depends_on: [], acceptance_criteria: [], verify: [] };
}
var BLUEPRINT_EXAMPLE = `# Add user authentication
Free text: the epic's description.

## Tasks

### T1: Create users migration
- Priority: p1
- Points: 2
- Files: db/migrate/001_users.rb, app/models/user.rb
- Depends on: none
- Verify: \`npm test -- users\`
- Acceptance criteria:
  - Migration creates users table with email and password_digest`;
var TASK_HEADING = /^([A-Za-z][A-Za-z0-9_-]{0,63})\s*[:.)\-–—]\s*(.*)$/;
var STRICT_TASK_HEADING = /^([A-Z]{1,8}-?\d{1,6}[a-z]?)\s*[:.)\-–—]\s*(.*)$/;
var FIELD_LINE = /^\**([A-Za-z _]+?)\**\s*:\s*\**\s*(.*)$/s;
var TASKS_SECTION = /^(implementation\s+)?tasks$/i;
var MAX_BLUEPRINT_BYTES = 2e6;
var FIELD_LABELS = {
  priority: "priority",
  points: "points",
  "story points": "points",
  files: "files",
  file: "files",
  "depends on": "depends_on",
  dependencies: "depends_on",
  depends_on: "depends_on",
  verify: "verify",
  verification: "verify",
  "acceptance criteria": "acceptance_criteria",
  acceptance: "acceptance_criteria"
};
function inlineText(tokens, fallback) {
  if (!tokens) return fallback;
  return tokens.map((t) => {
    if (t.type === "checkbox") return "";
    if (t.type === "codespan") return t.text.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    if ("tokens" in t && Array.isArray(t.tokens)) return inlineText(t.tokens, t.text ?? "");
    return t.text ?? t.raw;
  }).join("");
}
function codeSpans(tokens) {
  const out = [];
  for (const t of tokens ?? []) {
    if (t.type === "codespan") out.push(inlineText([t], ""));
    else if ("tokens" in t && Array.isArray(t.tokens)) out.push(...codeSpans(t.tokens));
  }
  return out;
}
function splitList(value) {
  return value.split(/[,;]/).map((s) => s.trim().replace(/^`|`$/g, "")).filter((s) => s && !/^(none|n\/a|-|—)$/i.test(s));
}
function itemLines(item) {
  const head = [];
  const nested = [];
  for (const t of item.tokens) {
    if (t.type === "list") nested.push(...t.items);
    else if (t.type !== "checkbox") head.push(t);
  }
  return { head, nested };
}
var LABEL_SPELLINGS = ["Priority", "Points", "Story Points", "Files", "File", "Depends on", "Dependencies", "Verify", "Verification", "Acceptance criteria", "Acceptance"];
function fieldOf(label) {
  return FIELD_LABELS[label.trim().toLowerCase()];
}
function applyField(task, field, value, head, nested) {
  const nestedTexts = nested.map((n) => inlineText(n.tokens, n.text).trim()).filter(Boolean);
  switch (field) {
    case "priority":
      task.priority = value.toLowerCase();
      break;
    case "points":
      task.points = value;
      break;
    case "files":
      task.files.push(...splitList(value), ...nestedTexts.flatMap(splitList));
      break;
    case "depends_on":
      task.depends_on.push(...splitList(value), ...nestedTexts.flatMap(splitList));
      break;
    case "verify": {
      const spans = head.flatMap((t) => codeSpans("tokens" in t ? t.tokens : void 0));
      task.verify.push(...spans.length ? spans : value ? [value] : []);
      for (const n of nested) {
        const nestedSpans = codeSpans(n.tokens);
        task.verify.push(...nestedSpans.length ? nestedSpans : [inlineText(n.tokens, n.text).trim()]);
      }
      break;
    }
    case "acceptance_criteria":
      if (value) task.acceptance_criteria.push(value);
      task.acceptance_criteria.push(...nestedTexts);
      break;
  }
}
function applyListItem(task, item, underLabel, extra, where) {
  const { head, nested } = itemLines(item);
  const headText = head.map((t) => inlineText("tokens" in t ? t.tokens : void 0, t.text ?? t.raw)).join(" ").trim();
  const segments = headText.split(/\s+\|\s+/).map((seg) => FIELD_LINE.exec(seg));
  const noteLine = (field2) => task.fieldLines = { ...task.fieldLines, [field2]: task.fieldLines?.[field2] ?? where.line };
  for (const seg of segments) if (seg && !fieldOf(seg[1])) refuseMisspeltField(seg[1].trim(), LABEL_SPELLINGS, where.file, where.line);
  if (segments.length > 1 && segments.every((m2) => m2 && fieldOf(m2[1]))) {
    for (const m2 of segments) {
      noteLine(fieldOf(m2[1]));
      applyField(task, fieldOf(m2[1]), m2[2].trim(), [], []);
    }
    return;
  }
  const m = FIELD_LINE.exec(headText);
  const field = m ? fieldOf(m[1]) : void 0;
  if (m && field) {
    noteLine(field);
    applyField(task, field, m[2].trim(), head, nested);
  } else if (underLabel) applyField(task, underLabel, headText, head, nested);
  else extra.push(headText);
}
function labelParagraph(token) {
  if (token.type !== "paragraph") return void 0;
  const m = /^([A-Za-z _]+):\s*$/.exec(inlineText(token.tokens, token.text).trim());
  return m ? fieldOf(m[1]) : void 0;
}
var TABLE_COLUMNS = {
  id: "id",
  task: "title",
  title: "title",
  points: "points",
  pts: "points",
  priority: "priority",
  dependencies: "depends_on",
  "depends on": "depends_on",
  "blocked by": "depends_on",
  files: "files"
};
function tableTasks(table, line) {
  const columns = table.header.map((h) => TABLE_COLUMNS[h.text.trim().toLowerCase()]);
  if (!columns.includes("id") || !columns.includes("title")) return [];
  const tasks = [];
  for (const row of table.rows) {
    const task = { id: "", line, title: "", files: [], depends_on: [], acceptance_criteria: [], verify: [] };
    row.forEach((cell, i) => {
      const column = columns[i];
      const value = inlineText(cell.tokens, cell.text).trim();
      if (column === "id") task.id = value;
      else if (column === "title") task.title = value;
      else if (column) applyField(task, column, value, [], []);
    });
    if (/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(task.id)) tasks.push(task);
  }
  return tasks;
}
function parseBlueprint(markdown, file) {
  if (markdown.length > MAX_BLUEPRINT_BYTES) {
    throw new RelayError(`${file}: blueprint is larger than ${MAX_BLUEPRINT_BYTES} bytes`);
  }
  const text = markdown.replace(/\r\n?/g, "\n");
  const deep = /^(?:[ \t>]*?(?:>|[-*+] |\d+[.)] )){40}/m.exec(text) ?? /^[ \t]{160}/m.exec(text);
  if (deep) throw new RelayError(`${file}:${text.slice(0, deep.index).split("\n").length}: nesting too deep (quotes, lists or indentation); a blueprint is headings and short lists`);
  let tokens;
  try {
    tokens = x.lexer(text);
  } catch (err) {
    throw new RelayError(`${file}: cannot parse as markdown: ${err.message.split("\n")[0]}`);
  }
  let offset = 0;
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const lineAt = (pos) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  let title = "";
  const description = [];
  const tasks = [];
  const fromTable = /* @__PURE__ */ new Map();
  let inTasksSection = false;
  let sawTasksSection = false;
  let current;
  let currentExtra = [];
  let underLabel;
  let tasksDepth = 0;
  const closeTask = () => {
    if (current && currentExtra.length) current.description = currentExtra.join("\n\n");
    current = void 0;
    currentExtra = [];
    underLabel = void 0;
  };
  for (const token of tokens) {
    const start = offset;
    offset += token.raw.length;
    if (token.type === "heading") {
      const h = token;
      const headingText = inlineText(h.tokens, h.text).trim();
      if (h.depth === 1 && !title) {
        title = headingText;
        continue;
      }
      if (h.depth === 2 && TASKS_SECTION.test(headingText)) {
        closeTask();
        inTasksSection = sawTasksSection = true;
        tasksDepth = 2;
        continue;
      }
      if (inTasksSection && h.depth <= tasksDepth) inTasksSection = false;
      const m = (inTasksSection ? TASK_HEADING : STRICT_TASK_HEADING).exec(headingText);
      if (m && h.depth >= 2 && h.depth <= 5) {
        closeTask();
        const tabled = fromTable.get(m[1]);
        fromTable.delete(m[1]);
        current = tabled ? { ...tabled, line: lineAt(start), title: m[2].trim() || tabled.title } : { id: m[1], line: lineAt(start), title: m[2].trim(), files: [], depends_on: [], acceptance_criteria: [], verify: [] };
        if (tabled) tasks[tasks.indexOf(tabled)] = current;
        else tasks.push(current);
        continue;
      }
      if (current) closeTask();
      continue;
    }
    if (token.type === "table" && (inTasksSection || !sawTasksSection)) {
      for (const t of tableTasks(token, lineAt(start))) {
        if (tasks.some((k) => k.id === t.id)) continue;
        fromTable.set(t.id, t);
        tasks.push(t);
      }
      continue;
    }
    if (current) {
      if (token.type === "list") {
        let cursor = start;
        for (const item of token.items) {
          const at2 = text.indexOf(item.raw.trimEnd(), cursor);
          if (at2 >= 0) cursor = at2;
          applyListItem(current, item, underLabel, currentExtra, { file, line: lineAt(cursor) });
        }
        underLabel = void 0;
      } else if (token.type !== "space") {
        underLabel = labelParagraph(token);
        if (!underLabel) currentExtra.push(token.raw.trim());
      }
    } else if (!sawTasksSection && title && token.type !== "space" && tasks.length === 0) {
      description.push(token.raw.trim());
    }
  }
  closeTask();
  if (tasks.length === 0) {
    throw new RelayError(
      `${file}: no tasks found. Expected task headings such as "### T1: Title" under "## Tasks", for example:
${BLUEPRINT_EXAMPLE}`
    );
  }
  return { title: title || tasks[0].title, description: description.join("\n\n"), tasks };
}

// scripts/core/epic/plans/reader.ts
function linesOf(text) {
  return text.replace(/\r\n?/g, "\n").split("\n").map((t, i) => ({ n: i + 1, text: t }));
}
var HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
var CHECKBOX = /^(\s*)[-*+]\s+\[([ xX~-])\]\s+(.*)$/;
var BULLET = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/;
function indentOf(text) {
  return text.match(/^\s*/)[0].replace(/\t/g, "    ").length;
}
function labelled(text) {
  const m = /^[_*]*([A-Za-z][A-Za-z /&-]{0,40}?)[_*]*\s*:\s*[_*]*\s*(.*?)[_*]*\s*$/.exec(text.trim());
  return m ? { label: m[1].trim().toLowerCase(), value: m[2].trim() } : void 0;
}
function pathsIn(text) {
  const found = /* @__PURE__ */ new Set();
  const add = (raw) => {
    const path = raw.replace(/[,;:)]+$/, "").replace(/:\d+(-\d+)?$/, "");
    if (/[/.]/.test(path) && !/^\d+(\.\d+)*$/.test(path) && !/^https?:/.test(path)) found.add(path);
  };
  for (const m of text.matchAll(/`([^`\s]+)`/g)) add(m[1]);
  for (const m of text.replace(/`[^`]*`/g, "").matchAll(/(?:^|\s)((?:[\w.@-]+\/)+[\w.@-]+)/g)) add(m[1]);
  const last = /\bin\s+(\.?[\w-]+(?:\.[\w-]+)*\.[A-Za-z0-9]{1,6})\s*$/.exec(text);
  if (last) add(last[1]);
  return [...found];
}
function splitIds(value) {
  return value.split(/[,;]|\band\b/).map((s) => s.trim().replace(/^[`*#]+|[`*]+$/g, "")).filter((s) => s && !/^(none|n\/a|-|—)$/i.test(s));
}
function stripMarkers(title) {
  return title.replace(/\s*\[(?:P|US\d+|Story \d+)\]\s*/g, " ").replace(/\s+/g, " ").trim();
}
function chain(draft) {
  draft.tasks.forEach((t, i) => {
    if (i > 0 && !t.depends_on.length) t.depends_on.push(draft.tasks[i - 1].id);
  });
}

// scripts/core/epic/plans/bmad.ts
var bmad = {
  name: "bmad",
  label: "a BMAD story",
  detect: (text) => /^##\s+tasks\s*\/\s*subtasks\s*$/im.test(text) ? 0.95 : 0,
  read(text) {
    const used = /* @__PURE__ */ new Set();
    const draft = { title: "", description: "", tasks: [], used, notes: [] };
    const criteria = /* @__PURE__ */ new Map();
    let section = "";
    let current;
    const story = [];
    for (const line of linesOf(text)) {
      const h = HEADING.exec(line.text);
      if (h) {
        if (h[1].length === 1 && !draft.title) draft.title = h[2];
        if (h[1].length === 2) section = h[2].toLowerCase();
        continue;
      }
      if (section === "story" && line.text.trim()) story.push(line.text.trim());
      if (section === "acceptance criteria") {
        const ac = /^\s*(?:\d+[.)]|[-*])\s+(?:\*\*)?(?:AC\s*)?#?(\d+)?[.:)]?(?:\*\*)?\s*(.*)$/.exec(line.text);
        const n = /^\s*(\d+)[.)]/.exec(line.text)?.[1] ?? ac?.[1];
        if (ac && n) criteria.set(n, ac[2].trim());
      }
      if (section !== "tasks / subtasks" || !line.text.trim()) continue;
      const box = CHECKBOX.exec(line.text);
      if (box && indentOf(line.text) === 0) {
        const refs = /\(AC:?\s*([^)]*)\)\s*$/i.exec(box[3]);
        current = blankTask(String(draft.tasks.length + 1), box[3].replace(/\s*\(AC:?[^)]*\)\s*$/i, "").trim(), line.n);
        if (refs) {
          const ids = refs[1].split(/[,\s]+/).map((r) => r.replace(/^#|^AC/i, "")).filter(Boolean);
          current.requirements = ids.map((i) => `AC${i}`);
          current.acceptance_criteria.push(...ids.map((i) => criteria.get(i)).filter((c) => Boolean(c)));
        }
        draft.tasks.push(current);
        used.add(line.n);
      } else if (current && BULLET.test(line.text)) {
        (current.steps ??= []).push((box?.[3] ?? BULLET.exec(line.text)[2]).trim());
        used.add(line.n);
      }
    }
    draft.description = story.join(" ");
    if (draft.tasks.length > 1) {
      chain(draft);
      draft.notes.push("tasks run in order: each depends on the one before");
    }
    return draft;
  }
};

// scripts/core/epic/plans/checklist-items.ts
var FIELDS = {
  priority: "priority",
  points: "points",
  "story points": "points",
  files: "files",
  file: "files",
  "depends on": "depends_on",
  dependencies: "depends_on",
  "blocked by": "depends_on",
  "depends_on": "depends_on",
  acceptance: "acceptance",
  "acceptance criteria": "acceptance",
  verify: "verify",
  verification: "verify"
};
var SPELLINGS = ["Priority", "Points", "Files", "Depends on", "Dependencies", "Blocked by", "Acceptance", "Acceptance criteria", "Verify"];
function itemHead(text, ordinal) {
  const bold = /^\*\*([A-Za-z0-9][\w.-]*)\*\*\s*[:.–—-]?\s*(.*)$/.exec(text);
  if (bold) return { id: bold[1], title: bold[2].trim(), explicit: true };
  const numbered = /^(\d+(?:\.\d+)*)[.)]?\s+(.*)$/.exec(text);
  if (numbered) return { id: numbered[1], title: numbered[2].trim(), explicit: true };
  const named = /^([A-Z]{1,8}-?\d{1,6})\s*[:.–—-]\s*(.*)$/.exec(text);
  if (named) return { id: named[1], title: named[2].trim(), explicit: true };
  return { id: String(ordinal), title: text.trim(), explicit: false };
}
function checklistTasks(lines, file, used, firstOrdinal = 1) {
  const tasks = [];
  let top = -1;
  let current;
  let taskIndent = 0;
  let under;
  for (const line of lines) {
    if (!line.text.trim()) continue;
    const box = CHECKBOX.exec(line.text);
    const indent = indentOf(line.text);
    if (box && (top < 0 || indent <= top)) {
      top = indent;
      const head = itemHead(box[3].trim(), firstOrdinal + tasks.length);
      current = blankTask(head.id, head.title, line.n);
      taskIndent = indent;
      under = void 0;
      tasks.push(current);
      used.add(line.n);
      continue;
    }
    if (!current || indent <= taskIndent) {
      current = void 0;
      continue;
    }
    const item = box ? box[3] : BULLET.exec(line.text)?.[2] ?? line.text.trim();
    used.add(line.n);
    if (under && indent > under.indent) {
      const v2 = item.trim();
      if (under.field === "acceptance") current.acceptance_criteria.push(v2);
      else if (under.field === "files") current.files.push(v2.replace(/`/g, ""));
      else if (under.field === "verify") current.verify.push(v2.replace(/`/g, ""));
      else current.depends_on.push(...splitIds(v2));
      continue;
    }
    under = void 0;
    const f = labelled(item);
    const field = f ? FIELDS[f.label] : void 0;
    if (f && !field && !box) refuseMisspeltField(f.label, SPELLINGS, file, line.n);
    if (!f || !field) {
      (current.steps ??= []).push(item.trim());
      continue;
    }
    const value = f.value;
    if (field === "priority") current.priority = value.toLowerCase();
    else if (field === "points") current.points = value;
    else if (field === "files") current.files.push(...value.split(/,\s*/).map((s) => s.replace(/`/g, "").trim()).filter(Boolean));
    else if (field === "depends_on") current.depends_on.push(...splitIds(value));
    else if (field === "verify") current.verify.push(...value ? [value.replace(/`/g, "")] : []);
    else if (value) current.acceptance_criteria.push(value);
    if (field !== "priority" && field !== "points" && !value) under = { field, indent };
    current.fieldLines = { ...current.fieldLines, [field === "acceptance" ? "acceptance_criteria" : field]: line.n };
  }
  return tasks;
}

// scripts/core/epic/plans/checklist.ts
var SECTION = /^(tasks?|todo|to-do|to do|plan|checklist|implementation( plan| tasks)?|work items)\b/i;
var genericChecklist = {
  name: "checklist",
  label: "a markdown checklist",
  detect(text) {
    const lines = linesOf(text);
    let inSection = false;
    for (const l3 of lines) {
      const h = HEADING.exec(l3.text);
      if (h) inSection = SECTION.test(h[2]);
      else if (inSection && /^[-*+] \[[ xX]\] /.test(l3.text)) return /^[-*+] \[[ xX]\] (\*\*[\w.-]+\*\*|\d+\.)/m.test(text) ? 0.6 : 0.5;
    }
    return 0;
  },
  read(text, file) {
    const lines = linesOf(text);
    const used = /* @__PURE__ */ new Set();
    const draft = { title: "", description: "", tasks: [], used };
    let depth = 0;
    let section;
    const flush = () => {
      if (section) draft.tasks.push(...checklistTasks(section, file, used, draft.tasks.length + 1));
      section = void 0;
    };
    for (const line of lines) {
      const h = HEADING.exec(line.text);
      if (h) {
        if (!draft.title && h[1].length === 1) draft.title = h[2];
        if (section && h[1].length > depth) continue;
        flush();
        if (SECTION.test(h[2])) {
          section = [];
          depth = h[1].length;
        }
        continue;
      }
      section?.push(line);
    }
    flush();
    return draft;
  }
};

// scripts/core/epic/plans/kiro.ts
var TASK = /^[-*] \[[ xX~-]\]\*?\s+(\d+)\.\s+(.*)$/;
var SUBTASK = /^\s*[-*] \[[ xX~-]\]\*?\s+(\d+)\.(\d+)\.?\s+(.*)$/;
var kiro = {
  name: "kiro",
  label: "Kiro tasks.md",
  detect(text) {
    if (!/^[-*] \[[ xX~-]\]\*?\s+\d+\.\s/m.test(text)) return 0;
    return /_Requirements:|^#\s+implementation plan/im.test(text) || /^\s*[-*] \[[ xX~-]\]\*?\s+\d+\.\d+\s/m.test(text) ? 0.9 : 0.45;
  },
  read(text) {
    const used = /* @__PURE__ */ new Set();
    const draft = { title: "", description: "", tasks: [], used, notes: [] };
    let current;
    for (const line of linesOf(text)) {
      const h = HEADING.exec(line.text);
      if (h) {
        if (!draft.title && h[1].length === 1) draft.title = h[2];
        continue;
      }
      const task = TASK.exec(line.text);
      if (task) {
        current = blankTask(task[1], task[2].trim(), line.n);
        draft.tasks.push(current);
        used.add(line.n);
        continue;
      }
      if (!current || !line.text.trim()) continue;
      const sub = SUBTASK.exec(line.text);
      const requirements = /_?Requirements?:\s*([^_]*)_?\s*$/i.exec(line.text.replace(/^\s*[-*]\s+/, ""));
      if (requirements) (current.requirements ??= []).push(...requirements[1].split(/,\s*/).map((r) => r.trim()).filter(Boolean));
      else if (sub) (current.steps ??= []).push(`${sub[1]}.${sub[2]} ${sub[3].trim()}`);
      else if (/^\s/.test(line.text) && BULLET.test(line.text)) (current.steps ??= []).push(BULLET.exec(line.text)[2].trim());
      else continue;
      used.add(line.n);
    }
    if (draft.tasks.length > 1) {
      chain(draft);
      draft.notes.push("tasks run in order: each depends on the one before");
    }
    return draft;
  }
};

// scripts/core/epic/plans/majestic-checklist.ts
var majesticChecklist = {
  name: "majestic-breakdown",
  label: "a majestic task breakdown",
  detect(text) {
    const items = /^\s*[-*] \[[ xX]\] \*\*T\d+\*\*\s*:/m.test(text);
    return items && /^#{2,4}\s+(group\b|total\s*:)/im.test(text) ? 0.95 : 0;
  },
  read(text, file) {
    const lines = linesOf(text);
    const used = /* @__PURE__ */ new Set();
    const draft = { title: "", description: "", tasks: [], used };
    let section = [];
    const flush = () => {
      draft.tasks.push(...checklistTasks(section, file, used, draft.tasks.length + 1));
      section = [];
    };
    for (const line of lines) {
      const h = HEADING.exec(line.text);
      if (h) {
        flush();
        if (!draft.title && h[1].length <= 2) draft.title = h[2].replace(/^task breakdown:\s*/i, "");
        continue;
      }
      section.push(line);
    }
    flush();
    return draft;
  }
};

// scripts/core/epic/plans/relay-blueprint.ts
var relayBlueprint = {
  name: "blueprint",
  label: "a relay blueprint",
  detect(text) {
    if (/^#{2,5}\s+[A-Z]{1,8}-?\d{1,6}[a-z]?\s*[:.)–—-]\s*\S/m.test(text)) return 0.8;
    if (/^##\s+(implementation\s+)?tasks\s*$/im.test(text) && /^#{3,5}\s+\S+\s*:/m.test(text)) return 0.7;
    return 0.05;
  },
  read: (text, file) => parseBlueprint(text, file)
};

// scripts/core/epic/plans/spec-kit.ts
var TASK2 = /^\s*[-*] \[[ xX]\] (T\d{3,})\b\s*(.*)$/;
function phaseWords(phase) {
  return phase.name.toLowerCase().replace(/\(.*?\)/g, "").split(/[^a-z0-9]+/).filter((w2) => w2.length > 2 && !["phase", "and", "the"].includes(w2));
}
function phasesNamed(text, phases) {
  const lower = text.toLowerCase();
  const found = /* @__PURE__ */ new Set();
  for (const m of lower.matchAll(/phase (\d+)(\+)?/g)) {
    const n = Number(m[1]);
    for (const p of phases) if (p.number !== null && (m[2] ? p.number >= n && p !== phases.at(-1) : p.number === n)) found.add(p);
  }
  if (/final phase/.test(lower)) found.add(phases.at(-1));
  if (/user stor(y|ies)/.test(lower) && !/user story \d/.test(lower)) {
    for (const p of phases) if (/user story/i.test(p.name)) found.add(p);
  }
  for (const m of lower.matchAll(/user story (\d+)|\bus(\d+)\b/g)) for (const p of phases) if (new RegExp(`user story ${m[1] ?? m[2]}\\b`, "i").test(p.name)) found.add(p);
  if (!found.size) {
    for (const p of phases) if (phaseWords(p).some((w2) => new RegExp(`\\b${w2}\\b`).test(lower))) found.add(p);
  }
  return [...found];
}
var specKit = {
  name: "spec-kit",
  label: "spec-kit tasks.md",
  detect(text) {
    if (!/^\s*[-*] \[[ xX]\] T\d{3,}\b/m.test(text)) return 0;
    return /^##\s+phase\b/im.test(text) ? 0.97 : 0.8;
  },
  read(text, file) {
    const lines = linesOf(text);
    const used = /* @__PURE__ */ new Set();
    const draft = { title: "", description: "", tasks: [], used, notes: [] };
    const phases = [];
    const statements = [];
    let depsSection = null;
    for (const line of lines) {
      const h = HEADING.exec(line.text);
      if (h) {
        const level = h[1].length;
        const title = h[2];
        if (level === 1 && !draft.title) draft.title = title.replace(/^tasks:\s*/i, "");
        const phase = /^phase\s+(\d+)?\s*:?\s*(.*)$/i.exec(title) ?? /^(?:final phase|phase n)\s*:?\s*(.*)$/i.exec(title);
        if (level === 2 && phase) phases.push({ number: phase.length === 3 && phase[1] ? Number(phase[1]) : null, name: title, line: line.n, tasks: [] });
        depsSection = /phase dependencies/i.test(title) ? "phase" : /(user )?story dependencies/i.test(title) ? "story" : level <= 2 ? null : depsSection;
        continue;
      }
      const task = TASK2.exec(line.text);
      if (task) {
        if (!phases.length) phases.push({ number: null, name: "Tasks", line: 1, tasks: [] });
        const t = blankTask(task[1], stripMarkers(task[2]), line.n);
        const stories = [...task[2].matchAll(/\[(US\d+)\]/g)].map((m) => m[1]);
        if (stories.length) t.requirements = stories;
        t.files.push(...pathsIn(task[2]));
        const priority = /\(priority:\s*p(\d)\)/i.exec(phases.at(-1).name);
        if (priority) t.priority = `p${Math.min(3, Number(priority[1]))}`;
        phases.at(-1).tasks.push(t);
        draft.tasks.push(t);
        used.add(line.n);
        continue;
      }
      const bullet = /^\s*[-*]\s+\*\*(.+?)\*\*\s*:?\s*(.*)$/.exec(line.text);
      if (depsSection && bullet) statements.push({ line: line.n, text: `${bullet[1]}\0${bullet[2]}`, fine: depsSection === "story" });
    }
    for (const s of statements.sort((a, b) => Number(a.fine) - Number(b.fine))) {
      const [subject, says] = s.text.split("\0");
      const targets = phasesNamed(subject, phases);
      if (!targets.length) throw new RelayError(`${file}:${s.line}: phase dependency for "${subject}" names no phase of this plan; fix the line, or pass --format checklist to ignore phase order`);
      const waits = says.match(/(?:depends? on|after|requires?|blocked by)\s+(.*?)(?:\s+-\s+|[.;]|$)/i)?.[1] ?? "";
      const after = waits ? phasesNamed(waits, phases).filter((p) => !targets.includes(p)) : [];
      if (!after.length && /no dependencies|can start immediately/i.test(says)) {
        for (const t of targets) t.after = [];
        continue;
      }
      if (!after.length) throw new RelayError(`${file}:${s.line}: cannot tell which phase "${subject}" waits for ("${says}"); name it as "Depends on Phase N"`);
      for (const t of targets) t.after = after;
    }
    let edges = 0;
    phases.forEach((p, i) => {
      const after = p.after ?? (statements.length || i === 0 ? [] : [phases[i - 1]]);
      for (const t of p.tasks) for (const a of after) for (const d of a.tasks) if (!t.depends_on.includes(d.id)) t.depends_on.push(d.id), edges++;
    });
    if (edges) draft.notes.push(statements.length ? "phase dependencies expanded" : "no phase dependencies stated: phases run in order");
    return draft;
  }
};

// scripts/core/epic/plans/superpowers.ts
var TASK3 = /^task\s+(\d+(?:\.\d+)*)\s*[:.–—-]\s*(.*)$/i;
var superpowers = {
  name: "superpowers",
  label: "a superpowers plan",
  detect(text) {
    if (!/^#{2,3}\s+task\s+\d+\s*:/im.test(text)) return 0;
    return /executing-plans|task-by-task|task by task/i.test(text) ? 0.95 : 0.85;
  },
  read(text) {
    const used = /* @__PURE__ */ new Set();
    const draft = { title: "", description: "", tasks: [], used, notes: [] };
    let current;
    let inFiles = false;
    let fence = false;
    for (const line of linesOf(text)) {
      if (/^\s*(```|~~~)/.test(line.text)) fence = !fence;
      if (fence) continue;
      const h = HEADING.exec(line.text);
      if (h) {
        inFiles = false;
        const task = TASK3.exec(h[2]);
        if (!draft.title && h[1].length === 1) draft.title = h[2].replace(/\s+implementation plan$/i, "");
        if (task) {
          current = blankTask(task[1], task[2].trim(), line.n);
          draft.tasks.push(current);
          used.add(line.n);
        } else if (h[1].length <= 3) current = void 0;
        continue;
      }
      const field = labelled(line.text.replace(/^\s*[-*]\s+(\[[ xX]\]\s+)?/, ""));
      if (!current) {
        if (field?.label === "goal" && !draft.description) draft.description = field.value;
        continue;
      }
      if (field?.label === "files" && !field.value) {
        inFiles = true;
        used.add(line.n);
        continue;
      }
      const step = /^\s*[-*]\s+\[[ xX]\]\s+(.*)$/.exec(line.text) ?? /^\s*\*\*(step\s+\d+[^*]*)\*\*\s*$/i.exec(line.text);
      if (inFiles && /^\s*[-*]\s+/.test(line.text) && !step) {
        current.files.push(...pathsIn(line.text));
        used.add(line.n);
        continue;
      }
      inFiles = false;
      if (step) {
        (current.steps ??= []).push(step[1].replace(/\*\*/g, "").trim());
        used.add(line.n);
      } else if (/^\s*run:\s*`[^`]+`/i.test(line.text)) (current.steps ??= []).push(line.text.trim());
    }
    if (draft.tasks.length > 1 && /executing-plans|task-by-task|task by task/i.test(text)) {
      chain(draft);
      draft.notes.push("tasks run in order, as the plan's header says");
    }
    return draft;
  }
};

// scripts/core/epic/plans/taskmaster.ts
var PRIORITY = { critical: "p0", high: "p1", medium: "p2", low: "p3" };
function tasksOf(doc, file) {
  const obj = doc ?? {};
  if (Array.isArray(obj.tasks)) return { tasks: obj.tasks };
  const tags = Object.entries(obj).filter((e) => Boolean(e[1]) && Array.isArray(e[1].tasks));
  const chosen = tags.find(([k]) => k === "master") ?? (tags.length === 1 ? tags[0] : void 0);
  if (!chosen) throw new RelayError(`${file}: ${tags.length ? `several task lists (tags ${tags.map(([k]) => k).join(", ")}) and none is "master"; copy the one to run into its own file` : 'no "tasks" array, legacy or tagged'}`);
  return { tasks: chosen[1].tasks, tag: chosen[0] };
}
function isTaskmaster(text) {
  if (!/^\s*\{/.test(text)) return void 0;
  try {
    const doc = JSON.parse(text);
    tasksOf(doc, "");
    return doc;
  } catch {
    return void 0;
  }
}
var taskmaster = {
  name: "taskmaster",
  label: "Taskmaster tasks.json",
  detect: (text) => isTaskmaster(text) ? 1 : 0,
  read(text, file) {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new RelayError(`${file}: invalid JSON: ${err.message}`);
    }
    const { tasks, tag } = tasksOf(doc, file);
    const draft = { title: tag && tag !== "master" ? `Taskmaster: ${tag}` : "Taskmaster tasks", description: "", tasks: [], notes: tag ? [`tag "${tag}"`] : [] };
    let cursor = 0;
    let line = 1;
    const lineOf = (t) => {
      const at2 = t.title === void 0 ? -1 : text.indexOf(JSON.stringify(t.title), cursor);
      if (at2 >= 0) {
        for (let i = text.indexOf("\n", cursor); i >= 0 && i < at2; i = text.indexOf("\n", i + 1)) line++;
        cursor = at2;
      }
      return line;
    };
    tasks.forEach((t, i) => {
      if (!t || typeof t !== "object" || t.id === void 0 || t.id === null) throw new RelayError(`${file}: tasks[${i}].id: every task needs an id`);
      const task = blankTask(String(t.id), String(t.title ?? "").trim(), lineOf(t));
      task.description = [t.description, t.details].filter(Boolean).join("\n\n") || void 0;
      if (t.priority !== void 0) task.priority = PRIORITY[String(t.priority).toLowerCase()] ?? String(t.priority);
      task.depends_on.push(...(t.dependencies ?? []).map(String));
      if (t.testStrategy) task.acceptance_criteria.push(`Test strategy: ${t.testStrategy}`);
      const subtasks = (t.subtasks ?? []).map((s) => `${t.id}.${s.id} ${s.title ?? ""}${s.description ? `: ${s.description}` : ""}`.trim());
      if (subtasks.length) task.steps = subtasks;
      draft.tasks.push(task);
    });
    return draft;
  }
};

// scripts/core/epic/plans/index.ts
var READERS = [taskmaster, specKit, majesticChecklist, bmad, superpowers, kiro, relayBlueprint, genericChecklist];
var CONFIDENT = 0.3;
function readerNamed(name) {
  const reader = READERS.find((r) => r.name === name);
  if (!reader) throw new RelayError(`--format: unknown format "${name}"; relay reads ${READERS.map((r) => r.name).join(", ")}`);
  return reader;
}
function detectReader(text, filename) {
  let best;
  for (const reader of READERS) {
    const score = reader.detect(text, filename);
    if (score > (best?.score ?? 0)) best = { reader, score };
  }
  return best && best.score >= CONFIDENT ? best.reader : void 0;
}
function checkStatedTotals(text, draft, file) {
  for (const line of linesOf(text)) {
    if (!/^\s*(?:#{1,6}\s+|[-*]\s+|\*\*)?\s*(?:\*\*)?(total|summary)\b/i.test(line.text)) continue;
    const tasks = /(\d+)\s+tasks?\b/i.exec(line.text);
    if (tasks && Number(tasks[1]) !== draft.tasks.length) {
      throw new RelayError(`${file}:${line.n}: the plan states ${tasks[1]} tasks but relay read ${draft.tasks.length}; fix the total or the task lines (relay init --dry-run shows what it read)`);
    }
    const points = /(\d+)\s+(?:story\s+)?points?\b/i.exec(line.text);
    const read = draft.tasks.reduce((sum, t) => sum + (Number(t.points) || 0), 0);
    if (points && draft.tasks.every((t) => t.points !== void 0) && Number(points[1]) !== read) {
      throw new RelayError(`${file}:${line.n}: the plan states ${points[1]} story points but its tasks add up to ${read}; fix the total or the Points lines`);
    }
  }
}
function checkLeftovers(text, draft, file, reader) {
  if (!draft.used) return;
  let fence = false;
  for (const line of linesOf(text)) {
    if (/^\s*(```|~~~)/.test(line.text)) fence = !fence;
    if (fence || draft.used.has(line.n)) continue;
    const box = CHECKBOX.exec(line.text);
    const heading = HEADING.exec(line.text);
    if (box && box[1] === "" || heading && /^(task\s+\d|T\d+\s*:)/i.test(heading[2])) {
      throw new RelayError(`${file}:${line.n}: "${line.text.trim().slice(0, 80)}" looks like a task, but ${reader.label} has no place for it here; move it under the tasks, or pass --format NAME`);
    }
  }
}
function readPlan(text, file, format) {
  const reader = format ? readerNamed(format) : detectReader(text, file);
  if (!reader) {
    throw new RelayError(`${file}: no tasks found in any plan format relay reads (${READERS.map((r) => r.name).join(", ")}); have the worker agent rewrite it with: relay init --convert ${file}`);
  }
  const draft = reader.read(text, file);
  if (!draft.tasks.length) throw new RelayError(`${file}: read as ${reader.label}, but no tasks found; pass --format NAME if it is another format, or use relay init --convert ${file}`);
  if (!draft.title) draft.title = draft.tasks[0].title;
  checkStatedTotals(text, draft, file);
  checkLeftovers(text, draft, file, reader);
  return { reader, draft };
}

// scripts/adapters/plan-convert.ts
import { basename, dirname, extname, join } from "node:path";
var Answer = external_exports.object({ blueprint: external_exports.string().min(1).describe("The whole plan rewritten in relay's blueprint format (markdown)") }).strict();
var TIMEOUT_MS = 10 * 6e4;
function prompt(plan, file, problem) {
  return [
    `# Rewrite a plan for relay`,
    `Rewrite the plan in ${file} (below) in relay's blueprint format, keeping its own wording. One task per heading, with an id (T1, T2, \u2026), a title, a priority (p0-p3), points, the files it touches, its dependencies (ids, or none), acceptance criteria, and a Verify command only where the plan names a check. Invent nothing the plan does not say. Answer with the StructuredOutput tool: {"blueprint": "<the markdown>"}.`,
    `The format:

${BLUEPRINT_EXAMPLE}`,
    `What each task field means (JSON Schema of relay's epic):
${JSON.stringify(external_exports.toJSONSchema(Epic, { io: "input" }))}`,
    problem ? `Your last answer was refused by relay's validator: ${problem}
Fix exactly that.` : "",
    `## The plan

${plan}`
  ].filter(Boolean).join("\n\n");
}
async function convertPlan(paths, source, agent, say) {
  const plan = readTextBounded(source, 2e6);
  const target = join(dirname(source), `${basename(source, extname(source))}.relay.md`);
  let problem;
  for (let round = 1; round <= 2; round++) {
    say(`asking ${agent.name} to rewrite ${source} as a relay blueprint${problem ? " (again, with the validator's message)" : ""}`);
    const answer = Answer.safeParse(await agent.ask({ prompt: prompt(plan, source, problem), cwd: paths.root, env: workerEnv({}), timeoutMs: TIMEOUT_MS }, toolJsonSchema(Answer)));
    if (!answer.success) {
      problem = 'the answer was not {"blueprint": "<markdown>"}';
      continue;
    }
    try {
      const { draft } = readPlan(answer.data.blueprint, target, "blueprint");
      epicFromBlueprint(draft, { id: "check", source: target, createdAt: (/* @__PURE__ */ new Date()).toISOString() }, target);
    } catch (err) {
      if (!(err instanceof RelayError)) throw err;
      problem = err.message;
      continue;
    }
    writeFileAtomic(target, answer.data.blueprint.endsWith("\n") ? answer.data.blueprint : `${answer.data.blueprint}
`);
    say(`wrote ${target}: read it, keep it, and edit it as the plan changes`);
    return target;
  }
  throw new RelayError(`${source}: ${agent.name} could not rewrite the plan in a form relay accepts (last problem: ${problem}); write the blueprint by hand (relay init --dry-run checks it)`);
}

// scripts/cli/init.ts
function readSource(file) {
  try {
    return readTextBounded(file, 4e6);
  } catch (err) {
    const code = err.code;
    throw new RelayError(code === "EFBIG" ? err.message : `${file}: ${code === "ENOENT" ? "file not found" : `cannot read (${code})`}`);
  }
}
function readEpicSource(file, text, createdAt, format) {
  if (!format && /\.ya?ml$/i.test(file)) {
    const epic2 = checkEpic(parseYamlText(text, file), file, yamlLocator(text));
    return { epic: epic2, said: `read ${file} as an epic.yml` };
  }
  const { reader, draft } = readPlan(text, file, format);
  const epic = epicFromBlueprint(draft, { id: epicId(draft.title, createdAt), source: file, createdAt }, file);
  const tasks = Object.values(epic.tasks);
  const deps = tasks.reduce((n, t) => n + t.depends_on.length, 0);
  const notes = draft.notes?.length ? ` (${draft.notes.join("; ")})` : "";
  return { epic, said: `read ${file} as ${reader.label}: ${tasks.length} task${tasks.length === 1 ? "" : "s"}, ${deps} dependenc${deps === 1 ? "y" : "ies"}${notes}` };
}
async function initCommand(source, opts) {
  const paths = currentProject();
  const createdAt = (/* @__PURE__ */ new Date()).toISOString();
  let file = source;
  if (opts.convert) {
    file = await convertPlan(paths, source, workerAgent(loadRelayConfig(paths)), (line) => process.stdout.write(`relay: ${line}
`));
  }
  const { epic, said } = readEpicSource(file, readSource(file), createdAt, opts.format);
  process.stdout.write(`relay: ${said}
`);
  const stored = /\.ya?ml$/i.test(file) && !opts.format ? epic : { ...epic, source: relative(paths.root, resolve(file)) || file };
  if (opts.dryRun) {
    process.stdout.write(serializeYaml(stored, " the epic relay init would write (dry run: nothing written)"));
    return;
  }
  if (opts.update) {
    const changes = await updateEpic(paths, (current, ledger) => mergeEpic(current, ledger, stored, { force: opts.force }));
    process.stdout.write(changes.length ? `${changes.map((c) => `relay: ${c}`).join("\n")}
` : "relay: the plan and the epic already agree; nothing changed\n");
    return;
  }
  const settings = resolveSettings(loadRelayConfig(paths), opts);
  await createEpic(paths, stored, newLedger(stored, settings, createdAt), { force: opts.force, stamp: createdAt.replace(/[:.]/g, "-") });
  writeSchemas(paths.schemaDir);
  const merged = await ensureMergeRules(paths);
  ensureStateIgnored(paths);
  const driver = await registerMergeDriver(paths).then(() => true, () => false);
  const tasks = Object.values(stored.tasks);
  process.stdout.write(
    `relay: wrote ${relative(process.cwd(), paths.epic)} (${stored.title}: ${tasks.length} tasks, ${tasks.reduce((s, t) => s + t.points, 0)} points)
relay: wrote ${relative(process.cwd(), paths.attemptLedger)} (max ${settings.max_attempts_per_task} attempts, ${settings.timeout_minutes} min timeout, review ${settings.review.enabled ? settings.review.provider : "off"})
` + (merged ? `relay: added merge rules for relay's files to .gitattributes${driver ? " and registered the merge driver (other clones: relay setup)" : ""}
` : "")
  );
}
export {
  initCommand
};
