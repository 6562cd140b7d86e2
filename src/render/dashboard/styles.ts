// The page's stylesheet: system fonts only (no web fonts), light and dark from the palette,
// one column on a phone, a scrolling table with its first column kept in view, and a print
// layout in black on white without the controls.
import { DARK, LIGHT, cssVariables } from './palette.js';

const BASE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
.wrap{max-width:1200px;margin:0 auto;padding:0 16px}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:8px}
.skip:focus{left:8px;z-index:2}
header.top{border-bottom:1px solid var(--border);padding:24px 0 12px}
.eyebrow{margin:0;color:var(--muted);font-size:.85rem;text-transform:uppercase;letter-spacing:.06em}
h1{margin:.1em 0 .2em;font-size:clamp(1.5rem,4.5vw,2.2rem);line-height:1.2}
h2{font-size:1.4rem;margin:1.6em 0 .4em}
h3{font-size:1.05rem;margin:0 0 .4em;line-height:1.3}
.meta{display:flex;flex-wrap:wrap;gap:4px 24px;margin:.4em 0 0;color:var(--muted);font-size:.9rem}
.meta div{display:flex;gap:6px}.meta dt{font-weight:600}.meta dd{margin:0}
.meta code{font-size:.85rem}
nav.sections{display:flex;flex-wrap:wrap;gap:4px 18px;padding:10px 0;font-size:.95rem}
.verdict{margin-top:20px;padding:16px 20px;border-radius:8px;border:2px solid var(--no);background:var(--no-bg)}
.verdict.ready{border-color:var(--yes);background:var(--yes-bg)}
.verdict h2{margin:0;font-size:1.5rem;color:var(--no)}.verdict.ready h2{color:var(--yes)}
.verdict p{margin:.3em 0 0}
.lede{color:var(--muted);max-width:75ch;margin-top:0}
.note{color:var(--muted);font-size:.85rem;margin:.4em 0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,340px),1fr));gap:16px}
.goal{background:var(--surface);border:1px solid var(--border);border-radius:8px;padding:14px 16px;display:flex;flex-direction:column}
.badges{margin:0 0 8px;display:flex;flex-wrap:wrap;gap:6px}
.badge{display:inline-block;border-radius:999px;padding:1px 10px;font-size:.82rem;font-weight:600}
.badge.yes{color:var(--yes);background:var(--yes-bg)}.badge.no{color:var(--no);background:var(--no-bg)}.badge.warn{color:var(--warn);background:var(--warn-bg)}
.tc{display:grid;grid-template-columns:1fr 1fr;gap:8px;margin:0 0 8px}
.tc dt{font-size:.75rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:600}
.tc dd{margin:0;font-size:1.6rem;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.progress{display:flex;align-items:center;gap:8px;margin-bottom:6px}
.progress svg{flex:1;height:10px;border-radius:5px;overflow:hidden}
.p-track{fill:var(--track)}.p-fill{fill:var(--accent)}.p-met{fill:var(--yes)}
.p-text{font-size:.8rem;color:var(--muted);white-space:nowrap}
figure{margin:4px 0 0}
.chart{width:100%;height:auto;display:block}
.c-grid{stroke:var(--grid);stroke-width:1}
.c-axis{stroke:var(--border);stroke-width:1}
.c-label{fill:var(--muted);font-size:10px;font-family:inherit}
.c-strong{fill:var(--text);font-weight:600}
.c-line{fill:none;stroke:var(--accent);stroke-width:2.2;stroke-linejoin:round;stroke-linecap:round}
.c-dot{fill:var(--accent)}
.c-trend{stroke:var(--trend);stroke-width:1.8;stroke-dasharray:6 4;fill:none}
.c-target{stroke:var(--target);stroke-width:1.6;stroke-dasharray:1.5 3;stroke-linecap:round}
.c-deadline{stroke:var(--muted);stroke-width:1;stroke-dasharray:3 3}
.legend{list-style:none;padding:0;margin:2px 0 0;display:flex;flex-wrap:wrap;gap:2px 12px;font-size:.78rem;color:var(--muted)}
.legend li{display:flex;align-items:center;gap:4px}
.swatch{width:24px;height:8px}
.trend{margin:.4em 0 0;font-size:.9rem}
details{margin-top:6px;font-size:.9rem}
summary{cursor:pointer;color:var(--accent)}
.figures{border-collapse:collapse;margin-top:4px;font-variant-numeric:tabular-nums}
.figures th,.figures td{padding:2px 12px 2px 0;text-align:left;font-weight:400;border-bottom:1px solid var(--grid)}
.figures td{text-align:right}.figures thead th{font-weight:600}
.members-chart{max-width:760px}
.filter{display:flex;flex-wrap:wrap;align-items:center;gap:6px 10px;margin:0 0 10px}
.filter[hidden]{display:none}
.filter label{font-weight:600}
.filter input{font:inherit;padding:6px 10px;border:1px solid var(--muted);border-radius:6px;background:var(--bg);color:var(--text);width:min(100%,320px)}
.count{color:var(--muted);font-size:.9rem}
.scroll-hint{display:none;color:var(--muted);font-size:.85rem;margin:0 0 6px}
@media (min-width:641px) and (max-width:760px){.scroll-hint{display:block}}
.table-wrap{overflow-x:auto;border:1px solid var(--border);border-radius:8px}
table.data{border-collapse:separate;border-spacing:0;width:100%;font-size:.9rem;font-variant-numeric:tabular-nums}
table.chapters{min-width:62rem}table.branches{min-width:44rem}
table.data caption{text-align:left;padding:8px 10px;color:var(--muted);font-size:.85rem}
table.data th,table.data td{padding:6px 9px;text-align:left;vertical-align:top;border-top:1px solid var(--grid)}
table.data thead th{background:var(--surface);border-top:1px solid var(--border);font-weight:600;vertical-align:bottom}
table.data tbody th{font-weight:600;white-space:nowrap}
table.data tbody th,table.data thead th:first-child{position:sticky;left:0;background:var(--bg);z-index:1}
table.data thead th:first-child{background:var(--surface)}
table.data .num{text-align:right}
.defs{color:var(--muted);margin:0 0 12px;padding-left:1.2em;max-width:80ch}
.yes{color:var(--yes);font-weight:600}.no{color:var(--no);font-weight:600}.na{color:var(--muted)}
.why{display:block;color:var(--muted);font-size:.8rem;min-width:13em;max-width:19em}
table.data time{white-space:nowrap}
th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:inherit}
th button::after{content:"\\a0\\2195";color:var(--muted)}
th[aria-sort=ascending] button::after{content:"\\a0\\25B2";color:var(--text)}
th[aria-sort=descending] button::after{content:"\\a0\\25BC";color:var(--text)}
.gatherings{margin:0;padding-left:1.1em}
footer{margin:40px 0 24px;padding-top:12px;border-top:1px solid var(--border);color:var(--muted);font-size:.85rem}
footer p{max-width:80ch}
@media (max-width:640px){
table.chapters{min-width:0}
table.chapters thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
table.chapters,table.chapters tbody,table.chapters tr,table.chapters tbody th,table.chapters td{display:block}
table.chapters tbody tr{border-top:1px solid var(--border);padding:4px 0 8px}
table.chapters tbody tr[hidden]{display:none}
table.chapters tbody th{position:static;border:0;padding:6px 10px 2px}
table.chapters caption{display:block}
table.chapters td,table.chapters td.num{position:relative;border:0;padding:2px 10px 2px 10.5em;text-align:left}
table.chapters td::before{content:attr(data-label);position:absolute;left:10px;width:9.5em;text-align:left;color:var(--muted)}
table.chapters .why{min-width:0;max-width:none}
}
@media (max-width:480px){.wrap{padding:0 12px}.goal{padding:12px}.tc dd{font-size:1.35rem}.verdict{padding:12px 14px}.verdict h2{font-size:1.25rem}}
`;

const PRINT = `
@media print{
:root{${cssVariables(LIGHT)}}
body{font-size:10pt}
.wrap{max-width:none;padding:0}
nav.sections,.filter,.skip,summary{display:none}
.cards{grid-template-columns:repeat(2,1fr)}
.goal,.verdict,tr{break-inside:avoid}
h2{break-after:avoid}
.table-wrap{overflow:visible;border:0}
table.data tbody th,table.data thead th:first-child{position:static}
th button::after{content:none!important}
a{color:inherit;text-decoration:none}
}`;

export const STYLES = `:root{color-scheme:light dark;${cssVariables(LIGHT)}}
@media (prefers-color-scheme:dark){:root{${cssVariables(DARK)}}}${BASE}${PRINT}`;
