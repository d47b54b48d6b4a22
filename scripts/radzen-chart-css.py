#!/usr/bin/env python3
# Usage: scripts/radzen-chart-css.py ~/.nuget/packages/radzen.blazor/<ver>/staticwebassets/css/default-base.css > FinanceTracker.Web/wwwroot/radzen-charts.css
# Extracts Radzen's chart rules (and nothing that styles the rest of the page) from a Radzen theme.
import re, sys
css = open(sys.argv[1]).read()
css = re.sub(r'/\*.*?\*/', '', css, flags=re.S)
def blocks(text):
    i, n = 0, len(text)
    while i < n:
        j = text.find('{', i)
        if j < 0: return
        depth, k = 1, j + 1
        while depth:
            depth += {'{': 1, '}': -1}.get(text[k], 0); k += 1
        yield text[i:j].strip(), text[j+1:k-1]
        i = k
chart = re.compile(r'\.rz-(chart|axis|tick-text|grid-line|series|legend|donut|pie-series|marker|line-series|column-series|bar-series|area-series|tooltip|hit-area|path|state-hover|state-exploded)')
out = []
for sel, body in blocks(css):
    if sel.startswith('@keyframes'):
        if re.match(r'@keyframes rz-(chart|marker|segment|series|slice)', sel): out.append(f'{sel}{{{body}}}')
    elif sel.startswith('@'):
        continue
    else:
        parts = [p.strip() for p in sel.split(',')]
        keep = [p for p in parts if chart.search(p) and not re.search(r'datagrid|grid-table|scheduler|gauge|sparkline|menu|sankey|scheme-|rz-dialog|funnel|pyramid|heatmap|contour|bubble|waterfall|bullet|rz-tooltip-content.*rz-(button|input)', p)]
        if keep and '{' not in body: out.append(','.join(keep) + '{' + body.strip() + '}')
print('\n'.join(out))
