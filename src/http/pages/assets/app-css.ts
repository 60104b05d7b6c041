// The application's one style sheet. Colours keep at least 4.5:1 for text and 3:1 for borders and
// focus rings (WCAG 2.1 AA; seed 001 4.2(11) asks for staff with visual or colour-vision
// impairments): status is never shown by colour alone, focus is always visible.
//
// The Japanese font: the systems' own first (macOS, Windows), then the fallback face (a local Noto
// Sans JP or Noto Sans CJK JP, else the served file), and system-ui only after it. Chromium on Linux
// resolves a character system-ui lacks through the system's fallback, which on a system without a
// Japanese font answers with the UI font's empty boxes (DejaVu Sans) and never reaches the families
// after system-ui: with system-ui first, the fallback face was not even requested for regular text
// and the header's bold title stayed boxes after the bold face had loaded.

export const APP_CSS = `
@font-face { font-family: "Noto Sans JP Fallback"; font-weight: 400; font-display: swap;
  src: local("Noto Sans JP"), local("NotoSansJP-Regular"), local("Noto Sans CJK JP"), local("Noto Sans CJK JP Regular"),
    local("NotoSansCJKjp-Regular"), url(/assets/fonts/noto-sans-jp-400.ttf) format("truetype"); }
@font-face { font-family: "Noto Sans JP Fallback"; font-weight: 700; font-display: swap;
  src: local("Noto Sans JP Bold"), local("NotoSansJP-Bold"), local("Noto Sans CJK JP Bold"), local("NotoSansCJKjp-Bold"),
    url(/assets/fonts/noto-sans-jp-700.ttf) format("truetype"); }
:root { --ink: #1b1b1b; --muted: #4a4a4a; --line: #767676; --soft: #f2f4f7; --brand: #0b3d6e;
  --link: #0b4f9c; --danger: #a1001b; --ok: #1e5e2d; --warn: #7a4a00; --focus: #ffbf00; }
* { box-sizing: border-box; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.7; font-size: 1rem;
  font-family: -apple-system, BlinkMacSystemFont, "Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic UI",
    "Yu Gothic", Meiryo, "Noto Sans JP Fallback", system-ui, sans-serif; }
a { color: var(--link); text-underline-offset: 2px; }
a:hover { color: var(--brand); text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--ink); }
.skip-link { position: absolute; left: .5rem; top: -4rem; background: #fff; color: var(--ink); padding: .5rem 1rem;
  z-index: 10; border: 2px solid var(--ink); }
.skip-link:focus { top: .5rem; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.site-header { background: var(--brand); color: #fff; padding: .6rem 1rem; display: flex; flex-wrap: wrap;
  gap: .5rem 1.5rem; align-items: center; justify-content: space-between; }
.site-header a { color: #fff; }
.brand { font-weight: 700; font-size: 1.1rem; margin: 0; }
.brand a { text-decoration: none; }
.header-tools { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: 0; }
.header-tools p { margin: 0; }
.header-tools form { margin: 0; }
.header-tools .link-button { color: #fff; border-color: #fff; }
.inbox-link { font-weight: 700; }
.header-tools .inbox-count { background: #fff; color: var(--brand); border-color: #fff; margin-left: .35rem; }
ul.reminders li { margin: 0 0 .5rem; }
ul.reminders li.read { color: #444; }
ul.reminders form { display: inline; margin-left: .5rem; }
.site-nav { background: var(--soft); border-bottom: 1px solid var(--line); }
.site-nav ul { list-style: none; margin: 0 auto; padding: 0 .5rem; display: flex; flex-wrap: wrap; max-width: 72rem; }
.site-nav a { display: block; padding: .6rem .9rem; color: var(--brand); text-decoration: none; font-weight: 700;
  border-bottom: 4px solid transparent; }
.site-nav a[aria-current="page"] { border-bottom-color: var(--brand); }
.site-nav a:hover { text-decoration: underline; }
main { display: block; max-width: 72rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
main:focus { outline: none; }
h1 { font-size: 1.6rem; line-height: 1.35; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--brand); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
p, ul, ol, dl { margin: 0 0 1rem; }
.lead { color: var(--muted); }
.notice { border-left: 6px solid var(--ok); background: #eef7f0; padding: .6rem 1rem; margin: 0 0 1rem; }
.error-summary { border: 3px solid var(--danger); padding: .75rem 1rem; margin: 0 0 1.25rem; background: #fff; }
.error-summary h2 { border: 0; margin: 0 0 .5rem; font-size: 1.1rem; color: var(--danger); }
.error-summary ul { margin: 0; }
.error-summary a { color: var(--danger); font-weight: 700; }
.field { margin: 0 0 1.1rem; }
.field > label, .field legend, .label { display: block; font-weight: 700; margin-bottom: .2rem; }
.hint { display: block; color: var(--muted); font-size: .9rem; margin: 0 0 .25rem; }
.req { font-size: .8rem; font-weight: 700; color: var(--danger); margin-left: .4rem; }
.field-error { color: var(--danger); font-weight: 700; margin: .2rem 0; }
.field-error::before { content: "⚠ "; }
input[type="text"], input[type="email"], input[type="password"], input[type="date"], input[type="number"],
input[type="search"], input[type="file"], select, textarea { font: inherit; color: var(--ink); background: #fff;
  border: 2px solid var(--line); border-radius: 4px; padding: .4rem .5rem; max-width: 100%; }
input[type="text"], input[type="email"], input[type="password"], input[type="search"], textarea { width: 100%; }
.field input.short, .field select.short { width: auto; min-width: 12rem; }
textarea { min-height: 6rem; }
[aria-invalid="true"] { border-color: var(--danger) !important; border-width: 3px !important; }
fieldset { border: 1px solid var(--line); border-radius: 4px; padding: .5rem 1rem .75rem; margin: 0 0 1.1rem;
  min-width: 0; }
.checks label { display: inline-flex; gap: .4rem; align-items: center; margin: 0 1.25rem .25rem 0; font-weight: 400; }
input[type="checkbox"], input[type="radio"] { width: 1.2rem; height: 1.2rem; accent-color: var(--brand); }
.button, button { font: inherit; font-weight: 700; display: inline-block; cursor: pointer; border-radius: 4px;
  padding: .5rem 1.1rem; border: 2px solid var(--link); background: var(--link); color: #fff; text-decoration: none;
  line-height: 1.4; }
.button:hover, button:hover { background: var(--brand); border-color: var(--brand); color: #fff; }
.button.secondary, button.secondary { background: #fff; color: var(--link); }
.button.secondary:hover, button.secondary:hover { background: var(--soft); color: var(--brand); }
button.danger { background: var(--danger); border-color: var(--danger); }
.link-button { background: transparent; color: var(--link); border: 2px solid var(--link); padding: .2rem .7rem; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: 1rem 0; }
.decision { border: 1px solid var(--line); border-radius: 4px; padding: .75rem 1rem .25rem; margin: 0 0 1.25rem;
  max-width: 48rem; }
.decision .actions { margin: .5rem 0; }
dd ul, dd p { margin: 0; }
.table-wrap { overflow-x: auto; margin: 0 0 1rem; max-width: 100%; position: relative; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 700; padding: .25rem 0; }
th, td { border: 1px solid #b5b5b5; padding: .4rem .6rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
td.num { text-align: right; white-space: nowrap; }
.nowrap, time { white-space: nowrap; }
.badge { display: inline-block; border: 2px solid currentColor; border-radius: 999px; padding: 0 .6rem;
  font-size: .85rem; font-weight: 700; white-space: nowrap; }
.badge.ok { color: var(--ok); } .badge.warn { color: var(--warn); } .badge.bad { color: var(--danger); }
.badge.info { color: var(--brand); }
dl.details { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: 0; border-top: 1px solid #b5b5b5; }
dl.details dt, dl.details dd { margin: 0; padding: .45rem .6rem; border-bottom: 1px solid #b5b5b5; }
dl.details dt { font-weight: 700; background: var(--soft); }
.panels { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); }
.panel { border: 1px solid var(--line); border-radius: 6px; padding: .25rem 1rem .75rem; }
.panel h2 { font-size: 1.1rem; margin-top: .75rem; }
.panel ul { padding-left: 1.2rem; }
.count { font-weight: 700; }
.inline-list { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .1rem 0; }
.inline-list li:not(:last-child)::after { content: "、"; }
html[lang="en"] .inline-list li:not(:last-child)::after { content: ", "; }
table.register th[scope="row"] { white-space: nowrap; }
#items-table input[type="text"] { min-width: 10rem; }
#items-table thead th { white-space: nowrap; }
#items-table select { max-width: 15rem; }
.compare { display: grid; grid-template-columns: 1fr 1fr; gap: 1.25rem; }
.picked { font-weight: 700; }
.picked .item { text-decoration: underline 3px var(--ok); }
.picked::before { content: "✓"; color: var(--ok); margin-right: .15rem; }
.stamps { display: flex; gap: .5rem; flex-wrap: wrap; margin: 0 0 1rem; padding: 0; list-style: none; }
.stamps li { border: 2px solid var(--line); min-width: 7.5rem; padding: .3rem .6rem; text-align: center; }
.stamps .role { display: block; font-weight: 700; border-bottom: 1px solid var(--line); }
.stamps .signed { color: var(--danger); font-weight: 700; }
.pager { display: flex; gap: 1rem; margin: 1rem 0; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-end; background: var(--soft);
  padding: .75rem 1rem; border-radius: 4px; margin: 0 0 1rem; }
.filters .field { margin: 0; }
.site-footer { border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; padding: 1rem;
  text-align: center; }
.login-box { max-width: 28rem; }
.qr { display: block; background: #fff; border: 1px solid var(--line); margin: .5rem 0 1rem; }
code.secret { font-size: 1.1rem; overflow-wrap: anywhere; }
.recovery-codes { columns: 2; max-width: 24rem; font-size: 1.1rem; }
/* a list of cards (ul, div); a table with class cards is a table on a desktop and cards only on a phone */
.cards:not(table) { list-style: none; margin: 0 0 1rem; padding: 0; display: grid; gap: .75rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; }
.card p { margin: 0 0 .4rem; }
.card-title { font-weight: 700; }
.pre { white-space: pre-wrap; }
.checklist { list-style: none; margin: 0 0 1rem; padding: 0; border-top: 1px solid #b5b5b5; }
.checklist a { display: grid; grid-template-columns: 4.5rem 2.25rem 1fr; gap: .5rem; padding: .6rem .25rem;
  border-bottom: 1px solid #b5b5b5; text-decoration: none; color: var(--ink); min-height: 2.75rem; }
.checklist a:hover .item-text { text-decoration: underline; }
.checklist .mark { font-weight: 700; color: var(--brand); }
.checklist .item-label { font-weight: 700; }
.item-box { border-left: 6px solid var(--brand); background: var(--soft); padding: .6rem .9rem; margin: 0 0 1rem; }
.item-question { font-size: 1.1rem; margin: 0 0 .4rem; }
.item-form .checks label { min-height: 2.75rem; padding: .25rem .5rem; border: 2px solid var(--line);
  border-radius: 4px; margin: 0 .5rem .5rem 0; }
.item-form .checks label:has(input:checked) { border-color: var(--brand); background: var(--soft); font-weight: 700; }
.photos { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .75rem; }
.photos img { display: block; object-fit: cover; border: 1px solid var(--line); }
.blockers { border-left: 6px solid var(--warn); background: #fff7e6; padding: .5rem 1rem; margin: 0 0 1rem; }
.blockers ul { margin: 0; }
code.hash, .wrap-anywhere { overflow-wrap: anywhere; }
tr.bad th, tr.bad td { color: var(--danger); }
section.step { margin: 0 0 1rem; }
.provisions-text .article { margin: 0 0 1rem; }
.provisions-text .article p { margin: .25rem 0; line-height: 1.8; }
.provisions-text .article-heading { color: var(--muted); }
.provisions-text .article-item { padding-left: 1.5em; }
th a.sort { color: inherit; text-decoration: none; }
th a.sort:hover, th a.sort:focus { text-decoration: underline; }
th[aria-sort] { background: #eef3f8; }
@media (max-width: 760px) {
  h1 { font-size: 1.35rem; }
  /* the header and menu in two short rows: the menu scrolls sideways instead of taking a third of the screen */
  .site-header { padding: .4rem .75rem; gap: .25rem 1rem; }
  .brand { font-size: 1rem; }
  .site-nav ul { flex-wrap: nowrap; overflow-x: auto; padding: 0; }
  .site-nav a { padding: .5rem .7rem; white-space: nowrap; }
  /* lists as cards on a phone: each row a block, each cell labelled by its column */
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.cards tr { border: 1px solid #c8d0d9; border-radius: 6px; margin: 0 0 .75rem; padding: .5rem .75rem; background: #fff; }
  table.cards td { border: 0; padding: .15rem 0; display: grid; grid-template-columns: 7.5em 1fr; gap: .5rem; white-space: normal; }
  table.cards th[scope="row"] { display: block; border: 0; padding: .15rem 0 .35rem; text-align: left; }
  table.cards td::before { content: attr(data-label); font-weight: 600; color: #445; }
  table.cards td > *, table.cards time { min-width: 0; white-space: normal; overflow-wrap: anywhere; }
  .compare { grid-template-columns: 1fr; }
  dl.details { grid-template-columns: 1fr; }
  dl.details dt { border-bottom: 0; }
  main { padding: .75rem .75rem 2rem; }
}
/* Printing a record (every detail page): the record only, in black on white. No menu, no header
   tools (user, language, sign-out), no forms or buttons, no notices; links read as text; rows and
   stamp boxes are not split across pages. */
@media print {
  @page { margin: 15mm 12mm; }
  body { font-size: 10.5pt; line-height: 1.5; color: #000; }
  .site-nav, .header-tools, .skip-link, .notice, .error-summary, .inbox-link, form, button, .button,
  .actions, .pager, .site-footer, .no-print { display: none !important; }
  /* a section that holds only its heading and forms (操作, 記録する) has nothing to print */
  main section:has(> form):not(:has(> :not(h2, h3, form, .hint))) { display: none !important; }
  .site-header { background: none; color: #000; padding: 0 0 .25rem; border-bottom: 1px solid #000; }
  .site-header a, a { color: #000; text-decoration: none; }
  main { max-width: none; padding: 0; margin: 0; }
  h1 { font-size: 16pt; margin-top: .5rem; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, dl.details dt, dl.details dd, ul.stamps, section.step { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible !important; }
  .badge { border-width: 1px; color: #000 !important; }
}
`;
