"""Great Expectations Data Docs that work offline: no CDN, no script, status still shown.

GX's stock pages load Bootstrap, jQuery, bootstrap-table and Font Awesome from CDNs, and
the index builds its list of validation results with JavaScript; with the network blocked
the index lists nothing and status icons are missing. GX lets a site name its own view
classes (``view`` of ``site_index_builder`` and of each ``site_section_builders`` entry in
``great_expectations.yml``); these views render GX's own templates with three changes:

- a few templates of ours come first (``data_docs_templates/``): tables are rendered as
  HTML on the server instead of by bootstrap-table, the navigation bar names eventline,
  and ``data_docs_custom_styles.css`` (GX's custom-styles hook) styles the pages and draws
  the status icons with characters instead of an icon font;
- every ``<link>``, ``<script src>`` or ``<img>`` that points at the network, and every
  inline script (all of them need jQuery), is removed from GX's templates as they load.

Nothing is copied from Bootstrap or Font Awesome; the pages need no network to show every
validation result and its status.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from great_expectations.render.view.view import (
    DefaultJinjaIndexPageView,
    DefaultJinjaPageView,
)
from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader, TemplateNotFound

_REMOTE = re.compile(
    r"<link\b[^>]*\bhref=\"https?://[^\"]*\"[^>]*>"
    r"|<script\b[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>"
    r"|<script\b[^>]*>.*?</script>",
    re.DOTALL | re.IGNORECASE,
)


def offline(source: str) -> str:
    """A template's source without network loads and without scripts."""
    return _REMOTE.sub("", source)


class _OfflineLoader(BaseLoader):
    """GX's templates, as :func:`offline` makes them."""

    def __init__(self, inner: BaseLoader) -> None:
        self.inner = inner

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        return offline(source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


def _offline_environment(env: Environment) -> None:
    """Put eventline's templates first and strip the network from GX's."""
    ours = PackageLoader("eventline.quality", "data_docs_templates")
    inner = env.loader
    if inner is None:  # pragma: no cover - GX always sets one
        raise TemplateNotFound("no GX template loader")
    env.loader = ChoiceLoader([ours, _OfflineLoader(inner)])


class OfflinePageView(DefaultJinjaPageView):
    """Validation result and expectation suite pages, offline."""

    def __init__(self, custom_styles_directory=None, custom_views_directory=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(custom_styles_directory, custom_views_directory)
        _offline_environment(self.env)


class OfflineIndexPageView(DefaultJinjaIndexPageView):
    """The site index, offline: every validation result listed in plain HTML."""

    def __init__(self, custom_styles_directory=None, custom_views_directory=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(custom_styles_directory, custom_views_directory)
        _offline_environment(self.env)
