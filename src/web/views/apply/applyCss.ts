// The applicant's pages (apply, receipt, status, guide), served at /assets/apply.css beside site.css.
export const APPLY_CSS = `
.notice { border:1px solid var(--line); background:#f8f8f8; padding:8px 16px; margin:12px 0; }
.notice h2 { font-size:1.1rem; margin:8px 0; }
.notice ol, .notice ul { margin:4px 0; padding-left:1.5em; }
.receipt-sheet { border:2px solid var(--fg); padding:16px 24px; max-width:720px; }
.receipt-sheet h1 { text-align:center; letter-spacing:.3em; }
.receipt-tools { display:flex; gap:16px; align-items:center; flex-wrap:wrap; margin:16px 0; }
.steps { list-style:none; padding:0; margin:8px 0; border-left:3px solid var(--line); }
.steps li { padding:2px 0 2px 12px; }
.steps .date { color:var(--muted); margin-right:12px; font-variant-numeric:tabular-nums; }
.missing { border-left:4px solid #8a4b00; background:#fff4e5; padding:8px 16px; margin:12px 0; }
.missing .by { font-weight:bold; color:#5c3200; }
.files { list-style:none; padding:0; }
.files li { padding:4px 0; border-bottom:1px solid var(--line); }
.guide dl { display:grid; grid-template-columns:max-content 1fr; gap:4px 16px; }
.guide dt { color:var(--muted); }
.guide dd { margin:0; white-space:pre-line; }
.guide .unset { color:var(--muted); font-style:italic; }
.apply-entry { display:inline-block; background:var(--accent); color:#fff; padding:6px 16px; margin:8px 0; text-decoration:none; }
.catalog-tree .apply-link { font-weight:bold; }
@media (max-width:600px) { .guide dl { grid-template-columns:1fr; } .receipt-sheet { padding:8px 12px; } }
@media print {
  .receipt-tools, .lookup, .supplement-form, .verify-form { display:none; }
  .receipt-sheet { border:1px solid #000; max-width:none; }
  main { padding:0; }
}
`

/** The receipt's print button: no inline script (CSP), one small file. */
export const PRINT_JS = `document.querySelectorAll('[data-print]').forEach(function (b) {
  b.hidden = false
  b.addEventListener('click', function () { window.print() })
})
`
