// The platform's one stylesheet, served at /assets/site.css (no inline styles: the CSP forbids them).
export const SITE_CSS = `
:root { --fg:#1a1a1a; --bg:#fff; --accent:#b3261e; --muted:#555; --line:#d0d0d0; }
* { box-sizing: border-box; }
body { margin:0; font-family: "Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif; color:var(--fg); background:var(--bg); line-height:1.6; }
.skip { position:absolute; left:-999px; } .skip:focus { left:8px; top:8px; background:#ff0; padding:4px; }
.site-header { background:var(--accent); color:#fff; padding:12px 24px; }
.site-header a { color:#fff; text-decoration:none; font-weight:bold; font-size:1.2rem; }
main { max-width:1100px; margin:0 auto; padding:16px 24px; }
table { border-collapse:collapse; width:100%; margin:12px 0; }
th, td { border:1px solid var(--line); padding:6px 8px; text-align:left; }
th { background:#f3f3f3; }
.empty { color:var(--muted); }
.provisional { color:#8a4b00; font-weight:bold; }
.site-footer { color:var(--muted); font-size:.9rem; text-align:center; padding:24px; border-top:1px solid var(--line); margin-top:32px; }
@media print { .site-header, .site-footer, .skip { display:none; } }
/* issue 6: portal (catalog, document page, search, 适老化) */
.site-header { display:flex; flex-wrap:wrap; align-items:center; justify-content:space-between; gap:8px; }
.site-nav a { font-size:1rem; font-weight:normal; margin-left:16px; }
.breadcrumb { color:var(--muted); font-size:.9rem; }
.breadcrumb a, .doc-list a, .catalog-tree a, .results a { color:#0b4f9c; }
.search-box, .search-form p { display:flex; flex-wrap:wrap; gap:8px; align-items:center; }
.search-box input, .search-form input[type=search] { flex:1; min-width:240px; padding:6px; font-size:1rem; }
button { background:var(--accent); color:#fff; border:0; padding:6px 16px; font-size:1rem; cursor:pointer; }
.columns-grid { display:grid; grid-template-columns:repeat(auto-fill, minmax(320px, 1fr)); gap:16px; }
.column-box { border:1px solid var(--line); padding:8px 12px; }
.column-box h3 { margin:4px 0; border-bottom:2px solid var(--accent); }
.doc-list { list-style:none; padding:0; margin:0; }
.doc-list li { display:flex; gap:8px; padding:4px 0; border-bottom:1px dashed var(--line); }
.doc-list li a { flex:1; }
.doc-list .date { color:var(--muted); white-space:nowrap; }
.validity-mark { color:#8a4b00; font-size:.85rem; border:1px solid #8a4b00; padding:0 4px; }
.column-layout { display:grid; grid-template-columns:240px 1fr; gap:24px; }
@media (max-width:720px) { .column-layout { grid-template-columns:1fr; } }
.catalog-tree ul { list-style:none; padding-left:12px; }
.catalog-tree a[aria-current=page] { font-weight:bold; color:var(--accent); }
.meta-box { background:#f7f7f7; font-size:.95rem; }
.meta-box caption { text-align:left; font-weight:bold; padding:4px 0; }
.meta-box th { width:7em; background:#eee; white-space:nowrap; }
.meta-box td { width:calc(50% - 7em); }
.doc-title { text-align:center; font-size:1.6rem; margin:24px 0; }
.doc-body p { text-indent:2em; }
.validity-notice { color:#8a4b00; font-weight:bold; text-align:center; }
.results li { margin-bottom:16px; }
.results h3 { margin:0; font-size:1.1rem; }
mark { background:#ffe58f; color:inherit; }
.snippet { margin:4px 0; }
.hit-meta, .count { color:var(--muted); font-size:.9rem; }
.error { color:var(--accent); font-weight:bold; }
.pager { display:flex; gap:16px; margin:16px 0; }
body.elder { font-size:125%; --fg:#000; --bg:#fff; --muted:#000; --accent:#8b0000; line-height:1.9; }
body.elder a { color:#00007a; text-decoration:underline; }
body.elder .site-header a { color:#fff; }
body.elder .meta-box, body.elder .meta-box th { background:#fff; }
body.elder mark { background:#ff0; color:#000; }
@media print { .site-nav, .breadcrumb, .doc-tools, .catalog-tree, .feed-link { display:none; } .document { font-size:12pt; } }
/* issue 4: console, online application, letters */
.console-header { display:flex; justify-content:space-between; align-items:center; flex-wrap:wrap; gap:8px; }
.whoami { display:flex; gap:12px; align-items:center; color:#fff; }
.whoami a { color:#fff; font-weight:normal; font-size:1rem; }
.whoami button { background:#fff; color:var(--accent); border:0; padding:2px 10px; cursor:pointer; }
form.inline { display:inline; }
.console-nav { background:#f3f3f3; border-bottom:1px solid var(--line); }
.console-nav ul { list-style:none; margin:0 auto; padding:0 24px; display:flex; flex-wrap:wrap; gap:4px 20px; max-width:1100px; }
.console-nav a { display:inline-block; padding:8px 0; color:#1a1a1a; }
.banner { background:#fff4e5; border-left:4px solid #8a4b00; padding:8px 12px; color:#5c3200; }
.errors { background:#fdecea; border-left:4px solid var(--accent); padding:8px 12px; color:#7a1712; }
.errors a { color:#7a1712; }
.ok { background:#e8f5e9; border-left:4px solid #1b5e20; padding:8px 12px; color:#1b5e20; }
.form { display:grid; gap:6px; max-width:720px; margin:12px 0; }
.form.narrow { max-width:360px; }
.form input, .form select, .form textarea { font:inherit; padding:6px; border:1px solid #767676; border-radius:2px; }
.form textarea { min-height:6em; }
.form button, a.button { justify-self:start; background:var(--accent); color:#fff; border:0; padding:8px 18px; font:inherit; cursor:pointer; text-decoration:none; display:inline-block; }
.form fieldset { border:1px solid var(--line); padding:8px 12px; display:grid; gap:6px; }
.field { display:grid; gap:4px; }
.field.has-error input, .field.has-error textarea, .field.has-error select { border-color:var(--accent); border-width:2px; }
.field-error { color:#7a1712; margin:0; }
.hint { color:var(--muted); margin:0; font-size:.9rem; }
label.check { display:block; }
.filters { display:flex; flex-wrap:wrap; gap:6px 10px; align-items:center; }
.filters input, .filters select { font:inherit; padding:4px; }
.filters button { background:var(--accent); color:#fff; border:0; padding:6px 14px; font:inherit; }
.pager { display:flex; gap:16px; margin:12px 0; }
.figures { display:flex; flex-wrap:wrap; gap:12px; margin:0; }
.figures div { border:1px solid var(--line); padding:8px 14px; min-width:110px; }
.figures dt { color:var(--muted); font-size:.9rem; }
.figures dd { margin:0; font-size:1.6rem; font-weight:bold; }
svg.chart { width:100%; max-width:560px; height:auto; margin-top:12px; }
svg.chart .bar { fill:var(--accent); }
svg.chart .axis { stroke:#767676; }
svg.chart .tick { font-size:9px; fill:#333; }
.facts { display:grid; grid-template-columns:max-content 1fr; gap:4px 16px; }
.facts dt { color:var(--muted); }
.facts dd { margin:0; }
.pre { white-space:pre-wrap; }
.two-col { display:grid; grid-template-columns:1fr 1fr; gap:24px; }
@media (max-width:800px) { .two-col { grid-template-columns:1fr; } }
@media (max-width:600px) { main table { display:block; overflow-x:auto; } }
.timeline { padding-left:20px; }
.timeline li { margin-bottom:8px; }
.muted { color:var(--muted); }
.overdue { color:#b3261e; }
.soon { color:#8a4b00; }
details.action { border:1px solid var(--line); margin:6px 0; padding:6px 10px; }
details.action summary { cursor:pointer; font-weight:bold; }
.query-code { font-size:1.6rem; letter-spacing:.1em; font-family:monospace; }
.letter { max-width:760px; margin:16px auto; padding:32px 48px; border:1px solid var(--line); font-family:"FangSong","STFangsong","Noto Serif CJK SC",serif; font-size:16pt; line-height:1.8; }
.letter-title { text-align:center; font-size:20pt; }
.letter-number { text-align:right; font-size:12pt; }
.letter-body { text-indent:2em; margin:0; }
.letter-sign { text-align:right; margin:0; }
@media print { .console-nav, .console-header, .banner { display:none; } .letter { border:0; padding:0; } }
.audit-form textarea { width:100%; font-family:monospace; }
.audit-table { border-collapse:collapse; margin:12px 0; }
.audit-table caption { text-align:left; font-weight:bold; padding:4px 0; }
.audit-table th, .audit-table td { border:1px solid var(--line); padding:2px 6px; }
.audit-table td { text-align:right; font-variant-numeric:tabular-nums; }
.audit-table thead th { white-space:nowrap; }
.audit-result { overflow-x:auto; }
.audit-bad { background:#fde2e1; color:#b3261e; font-weight:bold; }
.audit-unknown { background:#eee; color:#555; }
.audit-findings li { margin-bottom:6px; }
.audit-finding-parse { color:#555; }
.plain { list-style:none; padding:0; margin:0; }
.dossier h2 { border-bottom:1px solid var(--line); padding-bottom:2px; }
@media print { .no-print { display:none; } .dossier .letter { break-before:page; } }
/* issue 13 part 4: tables in documents (the annual report's national tables), every public page on a 390 px phone */
.table-scroll { max-width:100%; overflow-x:auto; margin:12px 0; }
.table-scroll > table { margin:0; display:table; }
.doc-body table { font-size:.9rem; line-height:1.4; }
.doc-body caption { font-weight:bold; padding:4px 0; }
.doc-body th, .doc-body td { vertical-align:middle; }
.doc-body td, .doc-body th { text-align:center; }
.doc-body ul { padding-left:1.5em; }
img, svg { max-width:100%; height:auto; }
.form { grid-template-columns:minmax(0, 1fr); }
.form select, .form input, .form textarea, .field select, .field input { max-width:100%; min-width:0; }
@media (max-width:600px) {
  main { padding:12px; }
  .site-header { padding:10px 12px; }
  .site-nav a { margin:0 12px 0 0; display:inline-block; }
  .search-box input, .search-form input[type=search] { min-width:0; width:100%; }
  .columns-grid { grid-template-columns:1fr; }
  .doc-title { font-size:1.3rem; }
  .meta-box, .meta-box caption, .meta-box tbody, .meta-box tr { display:block; width:100%; }
  .meta-box th, .meta-box td { display:inline-block; width:auto; border:0; padding:2px 4px; }
  .meta-box th { width:6em; }
  .meta-box td { width:calc(100% - 6.5em); overflow-wrap:anywhere; }
  .doc-list li { flex-wrap:wrap; }
  .table-scroll > table:has(tr > :nth-child(6)) { min-width:44em; }
  .letter { padding:16px; font-size:13pt; }
  .facts { grid-template-columns:1fr; }
}
.draft-form .field, .draft-form fieldset { min-width:0; }
.draft-form select, .draft-form input, .draft-form textarea { max-width:100%; min-width:0; box-sizing:border-box; }
.draft-form textarea { width:100%; }
.doc-meta { display:grid; grid-template-columns:repeat(auto-fill, minmax(240px, 1fr)); gap:4px 16px; margin:8px 0; }
.doc-meta div { display:flex; gap:8px; border-bottom:1px dotted var(--line); padding:2px 0; }
.doc-meta dt { color:var(--muted); flex:none; }
.doc-meta dd { margin:0; overflow-wrap:anywhere; }
.doc-actions { display:flex; flex-wrap:wrap; gap:8px 16px; align-items:center; margin:12px 0; }
.doc-actions button { background:var(--accent); color:#fff; border:0; padding:8px 18px; font:inherit; cursor:pointer; }
.returned-note { background:#fff4e5; border-left:4px solid #8a4b00; padding:8px 12px; color:#5c3200; }
.returned-note p { margin:4px 0; }
.decide-form .actions { display:flex; gap:8px; margin:0; }
.form button.secondary { background:#fff; color:var(--accent); border:1px solid var(--accent); }
.queue-count { font-size:1.1rem; }
.review-record td, .review-record th { overflow-wrap:anywhere; }
.review-record td:nth-child(5) { white-space:nowrap; }
@media print { .doc-actions, .no-print { display:none; } }
/* issue 14: browsing the search page by category; did-you-mean */
.facet-list { list-style:none; padding:0; margin:0 0 12px; display:flex; flex-wrap:wrap; gap:6px 16px; }
.facet-list a { color:#0b4f9c; }
.did-you-mean { font-size:1.05rem; }
.did-you-mean a { color:#0b4f9c; font-weight:bold; }
/* issue 18: service guides, 双随机 column, API docs */
.hash { font-family:monospace; overflow-wrap:anywhere; word-break:break-all; }
.guide dt { font-weight:bold; margin-top:12px; }
.guide dd { margin:4px 0 0; white-space:pre-line; }
.kind-list { list-style:none; padding:0; display:flex; flex-wrap:wrap; gap:6px 16px; }
.warning { background:#fff4e5; border-left:4px solid #8a4b00; padding:6px 10px; color:#5c3200; }
.agency-links { margin:4px 0 8px; display:flex; flex-wrap:wrap; gap:4px 16px; }
.table-scroll .unit { min-width:9em; }
/* issue 19: the supervisor's console */
.depth-1 { padding-left:1.4em; } .depth-2 { padding-left:2.8em; } .depth-3 { padding-left:4.2em; }
.overdue-now { color:#a00000; font-weight:bold; }
.weight input { width:4.5em; }
.chart { max-width:100%; height:auto; }
/* issue 17: personal data decided at the 保密审查 step */
.privacy-findings { padding-left:1.4em; }
.finding { border:1px solid #d0d7de; border-radius:4px; padding:6px 12px; margin:8px 0; }
.finding p { margin:4px 0; }
.finding-context, .finding-mask, .privacy-decisions td { overflow-wrap:anywhere; word-break:break-all; }
.finding-decision.pending { color:#8a4b00; font-weight:bold; }
.finding-form .actions { margin:4px 0; }
`
