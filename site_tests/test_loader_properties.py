"""Property-based: any input, however broken, gives a valid call or located problems, never a traceback."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from callsite.model.validate import load_call, load_vocabulary
from conftest import FIXTURE_CALLS

VALID = (FIXTURE_CALLS / "kielikylpy-2026.yaml").read_text(encoding="utf-8")
VOCABULARY, _ = load_vocabulary(FIXTURE_CALLS)
YAML_BITS = st.sampled_from(list(":-[]{}&*!|>'\"#%@`,? \n\t") + ["\n  ", ": ", "- ", "no", "16:15", "~", "<<: *a",
                                                                 "&a ", "!!python/object ", "31.2.2020", "\ufeff"])


def check(tmp: Path, text: str) -> None:
    path = tmp / "x.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    call, problems = load_call(path, VOCABULARY)
    assert (call is None) == bool(problems)
    for problem in problems:
        assert problem.file.endswith("x.yaml")
        assert problem.line >= 0 and problem.message
        assert "Traceback" not in problem.format()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(0, len(VALID)), cut=st.integers(0, 40), insert=st.lists(YAML_BITS, max_size=4))
def test_mutated_call_files(tmp_path, position, cut, insert):
    check(tmp_path, VALID[:position] + "".join(insert) + VALID[position + cut:])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300))
def test_arbitrary_text(tmp_path, text):
    check(tmp_path, text)


def test_billion_laughs_is_refused(tmp_path):
    lines = ['a0: &a0 ["lol"]'] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]" for i in range(1, 10)]
    path = tmp_path / "x.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    call, problems = load_call(path, VOCABULARY)
    assert call is None
    assert problems[0].message == "a value cannot refer to another one with & and * (anchors and aliases)"
