/**
 * The report's only stylesheet, inlined in <style> (the CSP allows nothing else). System fonts only:
 * the page must render the same with no network. Print rules target A4 portrait.
 */
export const REPORT_CSS = `
:root{--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--head:#f6f8fa;--accent:#0969da;--warn-bg:#fff8c5;--warn-line:#d4a72c;--bad:#cf222e;--good:#1a7f37}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:var(--ink);margin:1.5rem auto;max-width:1180px;padding:0 1rem}
h1{font-size:1.45rem;margin:0 0 .2rem} h2{font-size:1.12rem;margin:1.6rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.15rem}
h3{font-size:1rem;margin:0 0 .3rem} h4{font-size:.9rem;margin:.8rem 0 .25rem;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
p{margin:.3rem 0 .5rem}
code,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.92em}
table{border-collapse:collapse;width:100%;margin:.4rem 0}
th,td{border:1px solid var(--line);padding:.28rem .4rem;text-align:left;vertical-align:top}
th{background:var(--head);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums} td.num{white-space:nowrap}
td.variant{overflow-wrap:anywhere;min-width:10rem}
.muted{color:var(--muted)} .small{font-size:.85em}
.meta{display:flex;flex-wrap:wrap;gap:.2rem 1.4rem;margin:.3rem 0 .6rem;padding:0;list-style:none}
.meta b{font-weight:600}
.terms{display:flex;flex-wrap:wrap;gap:.3rem;margin:.3rem 0;padding:0;list-style:none}
.terms li{padding:.05rem .45rem;border-radius:.3rem;background:#eef2f6}
.stars{color:#9a6700;letter-spacing:.05em;white-space:nowrap}
.sig-pathogenic{color:var(--bad);font-weight:600} .sig-benign{color:var(--good)}
.fit-no{color:var(--bad)}
.warn{background:var(--warn-bg);border:1px solid var(--warn-line);padding:.45rem .6rem;border-radius:.3rem;margin:.5rem 0}
.warn ul{margin:.2rem 0 0;padding-left:1.2rem}
.plots{display:flex;flex-wrap:wrap;gap:1rem 2rem;align-items:flex-start}
figure{margin:.5rem 0} figcaption{font-size:.85em;color:var(--muted);max-width:560px}
svg text{font-family:inherit} svg.plot{max-width:100%;height:auto}
section.candidate{border:1px solid var(--line);border-radius:.4rem;padding:.6rem .8rem;margin:.8rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .9rem;margin:.3rem 0}
dl.facts dt{color:var(--muted)} dl.facts dd{margin:0}
.source{color:var(--muted);font-size:.85em;font-weight:400} h4 .source{text-transform:none;letter-spacing:0}
ul.reasons{margin:.2rem 0;padding-left:1.2rem}
footer{margin-top:2rem;border-top:1px solid var(--line);padding-top:.6rem;font-size:12.5px;color:#3d444d}
footer h2{font-size:1rem}
.sha{font-size:.8em;overflow-wrap:anywhere}
@page{size:A4;margin:12mm}
@media print{
  body{margin:0;max-width:none;font-size:9.5pt;padding:0}
  h2{break-after:avoid} table{font-size:8pt} th,td{padding:.15rem .25rem} td.variant{min-width:0} thead{display:table-header-group} tr{break-inside:avoid}
  section.candidate{break-inside:avoid} a{color:inherit;text-decoration:none}
  .terms li{background:none;border:1px solid var(--line)}
}
`;
