// The workbench's stylesheet: Tencent Cloud's palette (brand blue #006eff, success green, danger
// red), a compact panel above a round call-center icon at the bottom right. Every selector is
// under .tccc-emu so nothing leaks into the host page.
export const WORKBENCH_CSS = `
.tccc-emu{position:fixed;right:24px;bottom:24px;z-index:2147483000;font:13px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Microsoft YaHei",Roboto,Arial,sans-serif;color:#1f2329}
.tccc-emu[hidden],.tccc-emu [hidden]{display:none !important}
.tccc-emu *{box-sizing:border-box}
.tccc-emu-icon{position:relative;width:56px;height:56px;border-radius:50%;border:0;background:#006eff;color:#fff;cursor:pointer;box-shadow:0 6px 16px rgba(0,110,255,.35);display:flex;align-items:center;justify-content:center;margin-left:auto}
.tccc-emu-icon:hover{background:#0057cc}
.tccc-emu-icon svg{width:28px;height:28px}
.tccc-emu-icon[data-ringing="true"]{background:#00a870;box-shadow:0 6px 16px rgba(0,168,112,.4);animation:tccc-emu-pulse 1.2s ease-out infinite}
.tccc-emu-badge{position:absolute;top:2px;right:2px;width:12px;height:12px;border-radius:50%;background:#e54545;border:2px solid #fff}
@keyframes tccc-emu-pulse{0%{box-shadow:0 0 0 0 rgba(0,168,112,.55)}100%{box-shadow:0 0 0 14px rgba(0,168,112,0)}}
.tccc-emu-panel{position:absolute;right:0;bottom:68px;width:320px;background:#fff;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.16);overflow:hidden;border:1px solid #e5e6eb}
.tccc-emu-head{display:flex;align-items:center;gap:8px;padding:10px 12px;background:#006eff;color:#fff}
.tccc-emu-title{font-weight:600;font-size:14px;flex:1;min-width:0}
.tccc-emu-seat{display:block;font-weight:400;font-size:11px;opacity:.85;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.tccc-emu-status{display:inline-flex;align-items:center;gap:6px;padding:2px 8px;border-radius:10px;background:rgba(255,255,255,.18);font-size:12px;white-space:nowrap}
.tccc-emu-dot{width:8px;height:8px;border-radius:50%;background:#2ba471}
.tccc-emu-status[data-status="busy"] .tccc-emu-dot{background:#e54545}
.tccc-emu-status[data-status="arrange"] .tccc-emu-dot{background:#ff9c19}
.tccc-emu-status[data-status="rest"] .tccc-emu-dot,.tccc-emu-status[data-status="notReady"] .tccc-emu-dot{background:#a6a6a6}
.tccc-emu-body{padding:14px 12px 12px}
.tccc-emu-contact{border:1px solid #e5e6eb;border-radius:6px;padding:12px;background:#f7f8fa}
.tccc-emu-contact[data-state="ringing"]{border-color:#00a870;background:#effaf5}
.tccc-emu-contact[data-state="none"]{color:#86909c;text-align:center;padding:18px 12px}
.tccc-emu-kind{display:flex;align-items:center;justify-content:space-between;font-size:12px;color:#4e5969;margin-bottom:4px}
.tccc-emu-contact[data-state="ringing"] .tccc-emu-kind{color:#00a870;font-weight:600}
.tccc-emu-countdown{font-weight:400;color:#86909c}
.tccc-emu-peer{font-size:18px;font-weight:600;letter-spacing:.2px;word-break:break-all}
.tccc-emu-detail{font-size:12px;color:#86909c;margin-top:2px}
.tccc-emu-actions{display:flex;gap:8px;margin-top:12px}
.tccc-emu-btn{flex:1;height:34px;border-radius:4px;border:1px solid #dcdcdc;background:#fff;color:#1f2329;font:inherit;font-weight:500;cursor:pointer}
.tccc-emu-btn:disabled{opacity:.45;cursor:not-allowed}
.tccc-emu-accept{background:#00a870;border-color:#00a870;color:#fff}
.tccc-emu-accept:not(:disabled):hover{background:#008858}
.tccc-emu-hangup{background:#e54545;border-color:#e54545;color:#fff}
.tccc-emu-hangup:not(:disabled):hover{background:#c9353f}
.tccc-emu-secondary{display:flex;gap:8px;margin-top:8px}
.tccc-emu-secondary .tccc-emu-btn{height:28px;font-size:12px}
.tccc-emu-message{margin-top:8px;font-size:12px;color:#e54545;min-height:0}
.tccc-emu-dev{border-top:1px dashed #e5e6eb;padding:8px 12px 10px;background:#fafbfc}
.tccc-emu-dev-label{font-size:11px;color:#86909c;text-transform:uppercase;letter-spacing:.5px;margin-bottom:6px}
.tccc-emu-dev-row{display:grid;grid-template-columns:1fr 1fr;gap:6px}
.tccc-emu-dev-row .tccc-emu-btn:first-child{grid-column:1 / -1}
.tccc-emu-dev-row .tccc-emu-btn{height:26px;padding:0 6px;white-space:nowrap;font-size:11px;color:#006eff;border-color:#b5d3ff}
`;
