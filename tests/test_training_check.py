"""`gk-respond train --check`: the bundled scenarios are sound, and every broken scenario
file in data/broken_scenarios is refused with its problems at the right file:line:column.

Each broken file's first lines say what must be reported:

    # expect: LINE:COLUMN: SUBSTRING    stderr has "FILE:LINE:COLUMN: ...SUBSTRING..."
"""

from __future__ import annotations

import re
from pathlib import Path

from gk_respond.training.load import BUNDLED

BROKEN = Path(__file__).resolve().parent / "data" / "broken_scenarios"


def expectations(path: Path) -> list[tuple[str, str]]:
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        if match := re.fullmatch(r"# expect: (\d+:\d+): (.+)", line):
            found.append((match[1], match[2]))
    return found


def test_bundled_scenarios_are_sound(gk):
    result = gk("train", "--check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(": sound\n")


def test_every_broken_scenario_is_reported_at_its_line(gk):
    result = gk("train", "--check", str(BROKEN))
    assert result.returncode == 1
    reported = [line for line in result.stderr.splitlines() if line.startswith(str(BROKEN))]
    files = sorted(BROKEN.glob("*.yaml"))
    assert len(files) >= 12
    total = 0
    for path in files:
        expects = expectations(path)
        assert expects, f"{path.name} has no # expect: line"
        mine = [line for line in reported if line.startswith(f"{path}:")]
        assert len(mine) == len(expects), (path.name, mine)
        for (where, text), line in zip(expects, mine, strict=True):
            assert line.startswith(f"{path}:{where}: "), (path.name, line)
            assert text in line, (path.name, line)
        total += len(expects)
    assert f"the scenarios have {total} problem(s)" in result.stderr


def test_a_missing_file_is_a_problem(gk, tmp_path):
    result = gk("train", "--check", str(tmp_path / "none.yaml"))
    assert result.returncode == 1
    assert f"{tmp_path / 'none.yaml'}: no such file" in result.stderr


def test_bundled_set_ships_in_the_package():
    assert Path(BUNDLED).is_dir()
    assert Path(BUNDLED).parent.name == "training"


def test_a_file_named_twice_is_read_once(gk, tmp_path):
    """A folder and a file in it, or one file by two spellings: one scenario, not a
    duplicate of itself."""
    good = tmp_path / "good"
    good.mkdir()
    (good / "threat.yaml").write_text(
        (Path(BUNDLED) / "09_threat_official.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = gk("train", "--check", "good", "good/threat.yaml", "./good//threat.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1 scenario(s) in 1 file(s): sound\n"
