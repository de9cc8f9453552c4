"""A Codeforces problem page saved from the browser (HTML): title, limits, legend, input, output,
note and examples, both the older <pre> with <br> and the newer per-line test-example-line markup.
MathJax (rendered or not) becomes plain text as in LaTeX statements."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from solver.problem.formats.common import (
    check_memory,
    check_time,
    nesting_guard,
    read_text,
    slug,
    strip_problem_letter,
    text_test,
)
from solver.problem.formats.latex import latex_to_text
from solver.problem.types import Problem, ProblemError, TestCase

_SAVED_FROM = re.compile(r"saved from url=\(\d+\)(https?://\S+?)\s*-->")
# Unrendered MathJax source on Codeforces is $$$...$$$ (inline) or $$$$$$...$$$$$$ (display).
_RAW_MATH = re.compile(r"\${3,6}(.+?)\${3,6}", re.DOTALL)
# What MathJax adds when the page was rendered before saving; the source stays in <script>.
_RENDERED_MATH = (
    "span.MathJax_Preview, span.MathJax, div.MathJax_Display, span.MathJax_SVG, "
    "div.MathJax_SVG_Display, span.MJX_Assistive_MathML, mjx-container"
)
_TIME_UNITS = {"second": 1.0, "секунд": 1.0, "millisecond": 0.001, "миллисекунд": 0.001}
_MEMORY_UNITS = {"megabyte": 1, "мегабайт": 1, "gigabyte": 1024, "гигабайт": 1024}


def load(path: Path) -> Problem:
    html = read_text(path)
    with nesting_guard(path):  # the page's tags are walked recursively
        return from_html(html, path)


def from_html(html: str, path: Path) -> Problem:
    soup = BeautifulSoup(html, "html.parser")
    root = soup.select_one("div.problem-statement")
    if root is None:
        raise ProblemError(f"{path}: not a Codeforces problem page (no div.problem-statement)")
    _plain_math(root)
    header = root.select_one("div.header")
    title_tag = header.select_one("div.title") if header else None
    if title_tag is None or not title_tag.get_text(strip=True):
        raise ProblemError(f"{path}: the page has no problem title (div.header div.title)")
    title = strip_problem_letter(_inline(title_tag))
    time_s = _limit(path, header, "time-limit", _TIME_UNITS)
    memory_mb = _limit(path, header, "memory-limit", _MEMORY_UNITS)
    examples = _examples(root)
    if not examples:
        raise ProblemError(f"{path}: no examples (no div.sample-test with input and output)")
    return Problem(
        id=slug(title),
        title=title,
        statement=_statement(root),
        examples=examples,
        time_limit_s=check_time(path, time_s),
        memory_limit_mb=check_memory(path, memory_mb),
        url=_saved_url(soup, html),
        source_format="codeforces",
        path=path,
    )


def _plain_math(root: Tag) -> None:
    for rendered in root.select(_RENDERED_MATH):
        rendered.extract()
    for script in root.select('script[type^="math/tex"]'):
        script.replace_with(NavigableString(_math_text(script.get_text())))
    for text in root.find_all(string=_RAW_MATH):
        text.replace_with(_RAW_MATH.sub(lambda m: _math_text(m.group(1)), str(text)))


def _math_text(tex: str) -> str:
    return latex_to_text(f"${tex}$")[0].strip()


def _limit(path: Path, header: Tag | None, css_class: str, units: dict[str, float]) -> float:
    what = css_class.replace("-", " ")
    tag = header.select_one(f"div.{css_class}") if header else None
    if tag is None:
        raise ProblemError(f"{path}: the page has no {what}")
    for label in tag.select(".property-title"):
        label.extract()
    value = tag.get_text(" ", strip=True)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([^\d\s]+)", value)
    unit = next((u for u in units if m and m.group(2).lower().startswith(u)), None)
    if m is None or unit is None:
        raise ProblemError(f"{path}: cannot read the {what} {value!r}")
    return float(m.group(1)) * units[unit]


def _examples(root: Tag) -> list[TestCase]:
    box = root.select_one("div.sample-tests")
    if box is None:
        return []
    inputs = [_pre_text(div.find("pre")) for div in box.select("div.input")]
    outputs = [_pre_text(div.find("pre")) for div in box.select("div.output")]
    return [
        text_test(f"sample/{number}", inp, out)
        for number, (inp, out) in enumerate(zip(inputs, outputs, strict=False), start=1)
    ]


def _pre_text(pre: Tag | None) -> str:
    if pre is None:
        return ""
    lines = pre.select("div.test-example-line")
    if lines:  # the newer markup: one <div> per line
        return "".join(line.get_text() + "\n" for line in lines)
    for br in pre.find_all("br"):
        br.replace_with("\n")
    return pre.get_text().removeprefix("\n")  # HTML drops a newline right after <pre>


def _statement(root: Tag) -> str:
    """Legend, then "## Input", "## Output", "## Note" sections, as Markdown-like text."""
    parts: list[str] = []
    for child in root.find_all(recursive=False):
        classes = child.get("class") or []
        if "header" in classes or "sample-tests" in classes:
            continue
        heading = child.find("div", class_="section-title", recursive=False)
        if heading is not None:
            parts.append(f"## {_inline(heading)}")
            heading.extract()
        parts.extend(_blocks(child))
    return "\n\n".join(part for part in parts if part) + "\n" if parts else ""


def _blocks(tag: Tag) -> list[str]:
    blocks: list[str] = []
    for child in tag.children:
        if isinstance(child, NavigableString):
            text = re.sub(r"\s+", " ", str(child)).strip()
            if text:
                blocks.append(text)
        elif child.name in ("ul", "ol"):
            blocks.append("\n".join(f"- {_inline(li)}" for li in child.find_all("li")))
        elif child.name == "pre":
            blocks.append(f"```\n{_pre_text(child).rstrip()}\n```")
        elif child.name in ("div", "center", "section"):
            blocks.extend(_blocks(child))
        elif child.name not in ("img", "script", "style"):
            text = _inline(child)
            if text:
                blocks.append(text)
    return blocks


def _inline(tag: Tag) -> str:
    return re.sub(r"\s+", " ", tag.get_text()).strip()


def _saved_url(soup: BeautifulSoup, html: str) -> str | None:
    saved = _SAVED_FROM.search(html[:4096])
    if saved:
        return saved.group(1)
    for selector, attribute in (('link[rel="canonical"]', "href"), ('meta[property="og:url"]',
                                                                      "content")):
        tag = soup.select_one(selector)
        value = tag.get(attribute) if tag else None
        if isinstance(value, str) and value.startswith("http"):
            return value
    return None
