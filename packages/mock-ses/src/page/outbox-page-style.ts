/** System fonts only: the page must not fetch anything from outside the mock. */
export const outboxPageStyle = `
:root {
  color-scheme: light;
  --bg: #f5f6f8; --panel: #fff; --ink: #1d2330; --muted: #5d6677; --line: #dde1e8;
  --accent: #2357d9; --accent-soft: #e8eefc; --bar: #161b26; --danger: #b42318;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif;
  font-size: 14px; line-height: 1.45; color: var(--ink); background: var(--bg);
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; }
.bar { display: flex; align-items: center; gap: 16px; padding: 10px 20px; background: var(--bar); color: #fff; }
.bar h1 { font-size: 16px; margin: 0; font-weight: 650; letter-spacing: .2px; }
.bar .sub { color: #9aa4b8; font-weight: 500; }
.count { color: #c9d0dd; }
.live { font-size: 12px; padding: 2px 8px; border-radius: 999px; background: #2a3142; color: #c9d0dd; }
.live::before { content: ""; display: inline-block; width: 7px; height: 7px; border-radius: 50%; margin-right: 6px; background: #9aa4b8; vertical-align: 1px; }
.live[data-mode="live"]::before { background: #3ccf7a; }
.live[data-mode="error"]::before { background: #f97066; }
.live[data-mode="poll"]::before { background: #fdb022; }
.clear { margin-left: auto; font: inherit; color: #fff; background: transparent; border: 1px solid #5d6677; border-radius: 6px; padding: 5px 12px; cursor: pointer; }
.clear:hover { border-color: #f97066; color: #fecdca; }
.layout { flex: 1; display: grid; grid-template-columns: minmax(260px, 360px) 1fr; min-height: 0; }
.list-pane { border-right: 1px solid var(--line); background: var(--panel); overflow-y: auto; }
.list { list-style: none; margin: 0; padding: 0; }
.item { display: flex; flex-direction: column; gap: 2px; width: 100%; text-align: left; font: inherit; color: inherit; background: none; border: 0; border-bottom: 1px solid var(--line); padding: 10px 16px; cursor: pointer; }
.item:hover { background: #f8f9fb; }
.item[aria-current="true"] { background: var(--accent-soft); box-shadow: inset 3px 0 0 var(--accent); }
.item-top { display: flex; gap: 8px; align-items: baseline; }
.item-subject { font-weight: 600; flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.item-time { font-size: 12px; color: var(--muted); white-space: nowrap; }
.item-from, .item-to { font-size: 12.5px; color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.empty { margin: 24px 16px; color: var(--muted); }
.placeholder { display: flex; align-items: center; justify-content: center; color: var(--muted); }
.detail { padding: 20px 28px 40px; overflow-y: auto; min-width: 0; }
.detail-head { display: flex; align-items: flex-start; gap: 16px; }
.detail h2 { flex: 1; font-size: 20px; margin: 0 0 12px; overflow-wrap: anywhere; }
.detail h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .6px; color: var(--muted); margin: 22px 0 8px; }
.eml { white-space: nowrap; color: var(--accent); text-decoration: none; border: 1px solid var(--accent); border-radius: 6px; padding: 4px 10px; }
.eml:hover { background: var(--accent-soft); }
.headers { border-collapse: collapse; width: 100%; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; }
.headers th, .headers td { text-align: left; vertical-align: top; padding: 5px 12px; border-bottom: 1px solid var(--line); }
.headers tr:last-child th, .headers tr:last-child td { border-bottom: 0; }
.headers th { width: 150px; color: var(--muted); font-weight: 500; white-space: nowrap; }
.headers td { overflow-wrap: anywhere; }
.extra { margin-top: 10px; }
.extra summary { cursor: pointer; color: var(--muted); margin-bottom: 6px; }
.html { display: block; width: 100%; height: 420px; resize: vertical; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
.text { margin: 0; padding: 12px 14px; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
.missing { color: var(--muted); font-style: italic; }
.note { text-transform: none; letter-spacing: 0; font-weight: 400; margin-left: 8px; }
.files { list-style: none; margin: 0; padding: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; }
.files li { display: flex; gap: 12px; padding: 6px 12px; border-bottom: 1px solid var(--line); }
.files li:last-child { border-bottom: 0; }
.file-name { font-weight: 500; overflow-wrap: anywhere; }
.file-meta { color: var(--muted); margin-left: auto; white-space: nowrap; }
@media (max-width: 760px) { .layout { grid-template-columns: 1fr; } .list-pane { max-height: 40vh; border-right: 0; border-bottom: 1px solid var(--line); } }
`;
