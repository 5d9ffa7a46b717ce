"""A picture of every decision: one self-contained HTML page for one `Analysis`.

`render_html` writes the document's lines (for HTML input: every block of the page, one a
line, those the extractor did not choose marked) coloured by decision, each with its
label, rule and reason; story boundaries are marked; a summary counts the lines kept in
`clean`'s output and the lines left out per category (lines of other stories under
``story``, blocks the extractor did not choose under ``unchosen``); two buttons download the
lines' labels as a ``.labels.tsv`` file (the syntax of ``corpus/seeds/*.labels.tsv``, see
`cleaner.labels`) and the text they label, so a user can correct the labels and add the
page to a corpus.  The page loads nothing from elsewhere: styles, script and data are in
it.  ``Analysis.to_html()`` and ``cleaner explain --format html`` call it; this module
imports nothing of `cleaner` (`cleaner.types` imports it).
"""

from __future__ import annotations

import json
from collections import Counter
from html import escape

#: Colours of the line categories (background); other categories fall back to `_OTHER`.
COLOURS = {
    "output": "#d9f2d9", "story": "#dbe8fb", "teaser": "#e6e0f5",
    "boilerplate": "#ececec", "duplicate": "#f3e3c6", "share": "#fbd9d3", "meta": "#fde8c8",
    "caption": "#f5f0c4", "appeal": "#f8d0e4", "bio": "#e9dcf0", "related": "#d6eef0",
    "nav": "#dedede", "ui": "#e4e4f2", "legal": "#efe6dc", "ad": "#f9c9c9",
    "comments": "#dcefe2", "title": "#bfe6bf", "unchosen": "#f7f7f7",
}
_OTHER = "#f0f0f0"
#: The rules of the front door's choice (`cleaner.extracted`): a block of the page the
#: extractor did not choose, left out or recovered.
UNCHOSEN_RULES = frozenset({"html.unchosen", "html.recovered"})
#: What the summary calls a category, where its name alone says too little.
_NAMES = {"story": "story (kept, of another story)", "unchosen": "not chosen by the extractor"}

_STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em;margin:0 0 .3em} .meta{color:#555;margin-bottom:1em}
table{border-collapse:collapse} td,th{padding:2px 8px;vertical-align:top;text-align:left}
#summary td.n{text-align:right} #summary{margin-bottom:1em}
.swatch{display:inline-block;width:1em;height:1em;border:1px solid #999;vertical-align:middle}
#lines{width:100%} #lines td.text{white-space:pre-wrap;word-break:break-word}
#lines td.no{color:#888;text-align:right} #lines td.rule{font-family:monospace;font-size:12px}
#lines td.reason{color:#444;font-size:12px} tr.blank td{height:.6em;padding:0}
tr.boundary td{border-top:3px solid #36c;background:#fff;font-weight:bold;color:#36c;padding-top:6px}
tr[data-chosen="no"] td.text{color:#666;border-left:3px dashed #999}
.unchosen-mark{display:block;color:#888;font-size:11px}
button{margin:0 .5em 1em 0;padding:.3em .8em}
"""

_SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  function save(name, text) {
    var blob = new Blob([text], {type: 'text/plain;charset=utf-8'});
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  document.getElementById('download-labels').addEventListener('click', function () {
    var rows = data.labels.map(function (label, i) { return label + '\\t' + data.lines[i]; });
    save(data.name + '.labels.tsv', rows.length ? rows.join('\\n') + '\\n' : '');
  });
  document.getElementById('download-text').addEventListener('click', function () {
    save(data.name + '.txt', data.source);
  });
})();
"""


def chosen(verdict) -> bool:
    """Did the extractor choose the line's block (true for every line of text input)?"""
    return not any(d.rule in UNCHOSEN_RULES for d in verdict.trail)


def line_class(verdict, label: str) -> str:
    """The category a line is shown (and counted) under: ``output`` for a line of
    `clean`'s output, ``blank``, ``unchosen`` for a block of the page the extractor did
    not choose (and that is not in the output), ``teaser`` for a teaser line, ``title``
    for the main story's title when `clean` leaves it out, else `Verdict.why` (the drop
    category, or ``story`` for a kept line of another story)."""
    if verdict.line.blank:
        return "blank"
    if verdict.output:
        return "output"
    if not chosen(verdict):
        return "unchosen"
    if label.startswith("teaser:"):
        return "teaser"
    if label.startswith("title:") and not verdict.final.keep:
        return "title"
    return verdict.why


def summary(analysis) -> Counter:
    """Non-blank lines per `line_class`."""
    counts: Counter = Counter()
    for v, label in zip(analysis.verdicts, analysis.labels()):
        kind = line_class(v, label)
        if kind != "blank":
            counts[kind] += 1
    return counts


def _summary_table(counts: Counter) -> str:
    kept = counts.get("output", 0)
    rows = [f'<tr><td><span class="swatch" style="background:{COLOURS["output"]}"></span> '
            f'in clean() output</td><td class="n" data-summary="output">{kept}</td></tr>']
    left_out = [(k, n) for k, n in counts.most_common() if k != "output"]
    for kind, n in left_out:
        colour = COLOURS.get(kind, _OTHER)
        rows.append(f'<tr><td><span class="swatch" style="background:{colour}"></span> '
                    f'left out: {escape(_NAMES.get(kind, kind))}</td><td class="n" data-summary="{escape(kind)}">'
                    f'{n}</td></tr>')
    total = sum(n for _, n in left_out)
    rows.append(f'<tr><th>left out in all</th><th class="n" data-summary="left-out">{total}</th></tr>')
    return '<table id="summary">' + "".join(rows) + "</table>"


def _line_rows(analysis, labels: list[str]) -> list[str]:
    rows = []
    current = None
    for v, label in zip(analysis.verdicts, labels):
        kind = line_class(v, label)
        if v.story is not None and v.story != current and kind != "blank":
            current = v.story
            role = "main story" if v.story == analysis.main else (
                "teaser" if label.startswith("teaser:") else "story")
            rows.append(f'<tr class="boundary" data-story="{v.story}"><td colspan="5">'
                        f"story {v.story} ({role})</td></tr>")
        if kind == "blank":
            rows.append(f'<tr class="line blank" data-category="blank" data-label="-">'
                        f'<td class="no">{v.line.index + 1}</td><td colspan="4"></td></tr>')
            continue
        colour = COLOURS.get(kind, _OTHER)
        picked = chosen(v)
        mark = "" if picked else '<span class="unchosen-mark" title="not chosen by the extractor">not chosen</span>'
        rows.append(
            f'<tr class="line" data-category="{escape(kind)}" data-label="{escape(label)}" '
            f'data-chosen="{"yes" if picked else "no"}" '
            f'style="background:{colour}"><td class="no">{v.line.index + 1}</td>'
            f'<td class="label">{escape(label)}{mark}</td><td class="rule">{escape(v.final.rule)}</td>'
            f'<td class="reason">{escape(v.final.reason)}</td>'
            f'<td class="text">{escape(v.line.raw)}</td></tr>')
    return rows


def _input_kind(analysis) -> str:
    """The input, for the page's heading line."""
    if not analysis.from_html:
        return "text input"
    unchosen = sum(1 for v in analysis.verdicts if not v.line.blank and not chosen(v))
    return (f"HTML input: every block of the page, one a line, {unchosen} not chosen by "
            "the extractor")


def _json_for_script(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(value, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(analysis, name: str = "document") -> str:
    """The report page for ``analysis``; ``name`` titles it and names the downloads
    (``NAME.labels.tsv``, ``NAME.txt``)."""
    labels = analysis.labels()
    counts = summary(analysis)
    data = {"name": name, "labels": labels, "source": analysis.source,
            "lines": [v.line.raw for v in analysis.verdicts]}
    stories = len({v.story for v in analysis.verdicts if v.story is not None})
    meta = (f"{len(analysis.verdicts)} lines, {stories} {'story' if stories == 1 else 'stories'}; "
            f"language {escape(str(analysis.language or 'unknown'))}; "
            f"{_input_kind(analysis)}; "
            f"preset {escape(analysis.options.preset)}")
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>cleaner report: {escape(name)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>cleaner: {escape(name)}</h1>",
        f'<div class="meta">{meta}</div>',
        _summary_table(counts),
        '<button id="download-labels" type="button">Download labels (.labels.tsv)</button>'
        '<button id="download-text" type="button">Download text (.txt)</button>',
        '<table id="lines"><thead><tr><th>#</th><th>label</th><th>rule</th><th>reason</th>'
        "<th>line</th></tr></thead><tbody>",
        *_line_rows(analysis, labels),
        "</tbody></table>",
        f'<script id="report-data" type="application/json">{_json_for_script(data)}</script>',
        f"<script>{_SCRIPT}</script>",
        "</body></html>",
        "",
    ])
