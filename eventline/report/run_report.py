"""The run report's public API: one HTML page, a markdown summary and small tables per run.

The work is split by concern: :mod:`eventline.report.facts` computes what the report says,
:mod:`eventline.report.charts` and :mod:`eventline.report.map` the geometry of its figures,
:mod:`eventline.report.render` renders the Jinja2 templates (``templates/``), and
:mod:`eventline.report.artifacts` writes the markdown and tables for Prefect artifacts.
"""

from eventline.report.artifacts import report_markdown, report_tables
from eventline.report.facts import ReportInputs, reason_group
from eventline.report.render import render_run_report, render_run_reports

__all__ = [
    "ReportInputs",
    "reason_group",
    "render_run_report",
    "render_run_reports",
    "report_markdown",
    "report_tables",
]
