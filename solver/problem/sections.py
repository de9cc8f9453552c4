"""Where a statement's Input and Output sections are. Statements of every format arrive as text
with plain heading lines ("Input", "## Input", "Output:"; LaTeX sections are converted to such
lines), so one reading serves whoever needs a section: prompts, constraint reading."""

from __future__ import annotations

import re

# A heading line: "Input", "## Input", "Output:", "Constraints".
SECTION_RE = re.compile(
    r"^[ \t]*(?:#+[ \t]*)?(Input|Output|Constraints?)[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE
)
# Any other heading: where an Output section with no Input/Output/Constraints after it ends.
_OTHER_HEADING_RE = re.compile(r"(?m)^[ \t]*(?:#+[ \t]*\S|\\section)")


def input_section(statement: str) -> str:
    """The statement's input (and constraints) section; the whole statement if none is found."""
    heads = list(SECTION_RE.finditer(statement))
    for i, head in enumerate(heads):
        if head.group(1).lower() == "input":
            end = next(
                (h.start() for h in heads[i + 1 :] if h.group(1).lower() == "output"),
                len(statement),
            )
            return statement[head.end() : end].strip()
    return statement.strip()


def output_span(statement: str) -> tuple[int, int] | None:
    """(start, end) of the Output section, its heading included: up to the next section
    heading, else the next heading of any kind, else the end. None when there is none."""
    heads = list(SECTION_RE.finditer(statement))
    for i, head in enumerate(heads):
        if head.group(1).lower() == "output":
            if i + 1 < len(heads):
                return head.start(), heads[i + 1].start()
            later = _OTHER_HEADING_RE.search(statement, head.end())
            return head.start(), later.start() if later else len(statement)
    return None
