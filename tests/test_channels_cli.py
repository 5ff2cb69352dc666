"""`gk-respond channels` through the CLI subprocess: add, list, show, update, remove, the public
list and the full register, and an import that is all or nothing."""

from __future__ import annotations

import json

import yaml

ADD = [
    "--id", "kommunen-facebook",
    "--name", "Gullspångs kommun",
    "--medium", "facebook",
    "--url", "www.facebook.com/gullspangskommun",
    "--unit", "Kommunledningsförvaltningen",
    "--purpose", "Nyheter & <b>driftinformation</b> | [länk](javascript:x)",
    "--audience", "Invånare",
    "--admin", "Anna Andersson;anna@gullspang.se;0551-360 00",
    "--admin", "Bo Berg; bo@gullspang.se ;+46 551 360 01",
    "--daily", "Anna Andersson",
    "--daily", "Cecilia Ceder",
    "--monitoring", "dagligen vardagar",
    "--hours-per-week", "4",
    "--approved-by", "Dag Direktör",
    "--approved-on", "2026-01-15",
]  # fmt: skip


def option(name: str, value: str) -> list[str]:
    """ADD with one option's value changed (the first time it is given)."""
    args = list(ADD)
    args[args.index(name) + 1] = value
    return args


def add(gk, db, *args: str, lang: str = "sv"):
    return gk("channels", "add", "--db", str(db), "--lang", lang, *(args or ADD))


def test_add_show_update_remove(gk, tmp_path, case_log):
    db = case_log
    added = add(gk, db, *ADD, "--format", "json")
    assert added.returncode == 0, added.stderr
    assert "gk-respond: kanal kommunen-facebook tillagd" in added.stderr
    channel = json.loads(added.stdout)
    assert channel["url"] == "https://www.facebook.com/gullspangskommun"
    assert channel["administrators"][1] == {
        "name": "Bo Berg",
        "email": "bo@gullspang.se",
        "phone": "+46 551 360 01",
    }
    assert channel["daily"] == ["Anna Andersson", "Cecilia Ceder"]

    shown = gk("channels", "show", "kommunen-facebook", "--db", str(db), "--lang", "en")
    assert shown.returncode == 0
    assert "Administrator 2:    Bo Berg, bo@gullspang.se, +46 551 360 01" in shown.stdout
    assert "Approved on:        2026-01-15" in shown.stdout

    listed = gk("channels", "list", "--db", str(db))
    assert listed.stdout.splitlines()[1].split()[:2] == ["kommunen-facebook", "facebook"]
    assert json.loads(gk("channels", "list", "--db", str(db), "--format", "json").stdout) == [
        channel
    ]

    updated = gk(
        "channels", "update", "kommunen-facebook", "--db", str(db), "--hours-per-week", "6.5",
        "--id", "fb", "--format", "json",
    )  # fmt: skip
    assert updated.returncode == 0, updated.stderr
    assert json.loads(updated.stdout) == {**channel, "id": "fb", "hours_per_week": 6.5}

    removed = gk("channels", "remove", "fb", "--db", str(db))
    assert removed.returncode == 0
    assert "Gullspångs kommun" in removed.stdout  # what was removed
    assert "channel fb removed" in removed.stderr
    assert gk("channels", "list", "--db", str(db), "--lang", "sv").stdout.strip() == "Inga kanaler"
    again = gk("channels", "remove", "fb", "--db", str(db))
    assert (again.returncode, again.stderr) == (
        2,
        "gk-respond: error: there is no channel with id 'fb'\n",
    )


def test_one_administrator_is_refused_clearly(gk, tmp_path, case_log):
    db = case_log
    args = list(ADD)
    del args[args.index("--admin") : args.index("--admin") + 2]
    refused = add(gk, db, *args)
    assert refused.returncode == 2
    assert refused.stderr == (
        "gk-respond: fel: --admin: en kanal behöver minst två administratörer (policyn, "
        "Bilaga 1); 1 angiven\n"
    )
    refused = add(gk, db, *args, lang="en")
    assert "a channel needs at least two administrators (the policy, Bilaga 1); 1 given" in (
        refused.stderr
    )
    assert gk("channels", "list", "--db", str(db), "--format", "json").stdout.strip() == "[]"


def test_bad_values_are_named_by_their_option(gk, tmp_path, case_log):
    db = case_log
    bad_email = add(gk, db, *option("--admin", "Anna;anna.gullspang.se;0551-36000"), lang="en")
    assert bad_email.returncode == 2
    assert bad_email.stderr == (
        "gk-respond: error: --admin 1 email: 'anna.gullspang.se' is not an e-mail address "
        "(name@example.se)\n"
    )
    bad_date = add(gk, db, *option("--approved-on", "15 januari"), lang="en")
    assert bad_date.stderr == (
        "gk-respond: error: --approved-on: '15 januari' is not a date; use YYYY-MM-DD\n"
    )
    no_phone = add(gk, db, *option("--admin", "Anna;anna@gullspang.se"))
    assert 'write it as "NAME;EMAIL;PHONE"' in no_phone.stderr
    assert "Traceback" not in bad_email.stderr + bad_date.stderr + no_phone.stderr
    assert add(gk, db).returncode == 0
    twice = add(gk, db)
    assert twice.stderr == (
        "gk-respond: fel: det finns redan en kanal med id 'kommunen-facebook'\n"
    )
    nothing = gk("channels", "update", "kommunen-facebook", "--db", str(db))
    assert (nothing.returncode, nothing.stderr.startswith("gk-respond: error: nothing to")) == (
        2,
        True,
    )


def test_the_public_list_leaves_out_the_people_and_escapes_everything(gk, tmp_path, case_log):
    db = case_log
    assert add(gk, db).returncode == 0
    for form in ("markdown", "html"):
        public = gk("channels", "export", "--db", str(db), "--format", form).stdout
        assert "Gullspångs kommun" in public
        assert "https://www.facebook.com/gullspangskommun" in public
        assert "Kommunledningsförvaltningen" in public
        for private in ("Anna", "anna@gullspang.se", "0551", "Cecilia", "Dag Direktör"):
            assert private not in public, (form, private)
        assert "<b>" not in public
    html = gk("channels", "export", "--db", str(db), "--format", "html").stdout
    assert "Nyheter &amp; &lt;b&gt;driftinformation&lt;/b&gt; | [länk](javascript:x)" in html
    assert '<a href="https://www.facebook.com/gullspangskommun" rel="noopener">' in html


def test_the_public_list_keeps_an_address_with_several_query_parameters(gk, tmp_path, case_log):
    db = case_log
    url = "https://www.youtube.com/watch?v=abc&list=PL1"
    args = list(ADD)
    args[args.index("--url") + 1] = url
    added = add(gk, db, *args)
    assert added.returncode == 0, added.stderr
    html = gk("channels", "export", "--db", str(db), "--format", "html").stdout
    assert 'href="https://www.youtube.com/watch?v=abc&amp;list=PL1"' in html
    markdown = gk("channels", "export", "--db", str(db), "--format", "markdown").stdout
    assert f"<{url}>" in markdown
    markdown = gk("channels", "export", "--db", str(db), "--format", "markdown").stdout
    assert (
        "| Nyheter \\& \\<b\\>driftinformation\\</b\\> \\| \\[länk\\]\\(javascript:x\\) |"
        in markdown
    )


def test_the_help_says_what_the_public_list_leaves_out(gk):
    shown = " ".join(gk("channels", "export", "--help").stdout.split())
    assert "no administrators, e-mail addresses or phone numbers" in shown
    assert "channels" in gk("--help").stdout


def test_export_never_overwrites(gk, tmp_path):
    db = tmp_path / "cases.db"
    add(gk, db)
    out = tmp_path / "kanaler.html"
    out.write_text("the old page")
    refused = gk("channels", "export", "--db", str(db), "--format", "html", "--output", str(out))
    assert refused.returncode == 2
    assert "already exists" in refused.stderr
    assert out.read_text() == "the old page"


def test_export_and_import_round_trip_in_json_and_yaml(gk, tmp_path, case_log):
    db = case_log
    add(gk, db)
    add(gk, db, *option("--id", "naringsliv"), "--url", "facebook.com/gknaringsliv")
    before = gk("channels", "list", "--db", str(db), "--format", "json").stdout
    for form in ("json", "yaml"):
        out = tmp_path / f"register.{form}"
        written = gk("channels", "export", "--db", str(db), "--format", form, "--output", str(out))
        assert written.returncode == 0, written.stderr
        assert "anna@gullspang.se" in out.read_text()  # the full register
        other = tmp_path / f"other-{form}.db"
        imported = gk("channels", "import", str(out), "--db", str(other))
        assert imported.returncode == 0, imported.stderr
        assert "2 channels imported" in imported.stderr
        assert gk("channels", "list", "--db", str(other), "--format", "json").stdout == before


def test_a_yaml_file_written_by_hand_keeps_phone_numbers_as_written(gk, tmp_path):
    db = tmp_path / "cases.db"
    add(gk, db)
    data = yaml.safe_load(gk("channels", "export", "--db", str(db), "--format", "yaml").stdout)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    text = text.replace("phone: 0551-360 00", "phone: 0551036000")  # YAML reads a number
    text = text.replace("approved_on: '2026-01-15'", "approved_on: 2026-01-15")  # and a date
    path = tmp_path / "register.yaml"
    path.write_text(text)
    assert gk("channels", "import", str(path), "--db", str(db)).returncode == 0
    shown = json.loads(
        gk("channels", "show", "kommunen-facebook", "--db", str(db), "--format", "json").stdout
    )
    assert shown["administrators"][0]["phone"] == "0551036000"
    assert shown["approved_on"] == "2026-01-15"


BROKEN = """\
channels:
  - id: kommunen-facebook
    name: Gullspångs kommun
    medium: facebook
    url: https://www.facebook.com/gullspangskommun
    unit: Kommunledningsförvaltningen
    purpose: Nyheter
    audience: Invånare
    administrators:
      - name: Anna Andersson
        email: anna@gullspang.se
        phone: 0551-360 00
    daily: [Anna Andersson]
    monitoring: dagligen vardagar
    hours_per_week: 4
    approved_by: Dag Direktör
    approved_on: "2026-02-30"
"""


def test_a_broken_import_names_file_and_line_and_writes_nothing(gk, tmp_path):
    db = tmp_path / "cases.db"
    add(gk, db)
    before = gk("channels", "list", "--db", str(db), "--format", "json").stdout
    path = tmp_path / "kanaler.yaml"
    path.write_text(BROKEN)
    result = gk("channels", "import", str(path), "--db", str(db), "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{path}:9:5: channels[1] (kommunen-facebook): administrators: a channel needs at least "
        "two administrators (the policy, Bilaga 1); 1 given",
        f"{path}:17:5: channels[1] (kommunen-facebook): approved_on: '2026-02-30' is not a "
        "date; use YYYY-MM-DD",
        f"gk-respond: error: {path}: 2 problem(s); nothing was imported",
    ]
    assert gk("channels", "list", "--db", str(db), "--format", "json").stdout == before
    path.write_text(BROKEN.replace('"2026-02-30"', "2026-02-30"))  # YAML's own date
    result = gk("channels", "import", str(path), "--db", str(db), "--lang", "en")
    assert (result.returncode, result.stderr.splitlines()[0]) == (
        2,
        f"{path}:17:18: 2026-02-30 is read by YAML as a date but is not one (day is out of "
        'range for month); write it in quotes to keep it as text: "2026-02-30"',
    )


def test_an_import_with_one_bad_channel_among_good_ones_writes_nothing(gk_sv, tmp_path):
    db = tmp_path / "cases.db"
    add(gk_sv, db)
    exported = gk_sv("channels", "export", "--db", str(db), "--format", "yaml").stdout
    data = yaml.safe_load(exported)
    good = data["channels"][0]
    data["channels"] = [
        {**good, "id": "ny-kanal", "url": "https://instagram.com/gullspang"},
        {**good, "id": "kopia", "url": "https://www.Instagram.com/gullspang/"},
    ]
    path = tmp_path / "kanaler.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2))
    result = gk_sv("channels", "import", str(path), "--db", str(db))
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        f"{path}:37:7: channels[2] (kopia): kanalen 'ny-kanal' har redan adressen "
        "https://www.Instagram.com/gullspang/"
    )
    listed = json.loads(gk_sv("channels", "list", "--db", str(db), "--format", "json").stdout)
    assert [c["id"] for c in listed] == ["kommunen-facebook"]


def test_import_of_a_missing_or_shapeless_file(gk, tmp_path):
    db = tmp_path / "cases.db"
    missing = gk("channels", "import", str(tmp_path / "none.yaml"), "--db", str(db))
    assert (missing.returncode, "No such file" in missing.stderr) == (2, True)
    path = tmp_path / "list.yaml"
    path.write_text("- id: x\n")
    shapeless = gk("channels", "import", str(path), "--db", str(db), "--lang", "en")
    assert shapeless.returncode == 2
    assert shapeless.stderr.startswith(f"{path}:1:1: the file should be 'channels:'")
    path.write_text("channels:\n  - id: x\n    name: X\n")
    bare = gk("channels", "import", str(path), "--db", str(db), "--lang", "en")
    assert bare.stderr.splitlines()[0] == (
        f"{path}:2:5: channels[1] (x): fields missing: medium, url, unit, purpose, audience, "
        "administrators, daily, monitoring, hours_per_week, approved_by, approved_on"
    )


def test_a_file_that_is_not_a_case_log_is_left_alone(gk, tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("my notes")
    result = gk("channels", "list", "--db", str(path))
    assert result.returncode == 4
    assert "is not an SQLite database" in result.stderr
    assert path.read_text() == "my notes"


def test_the_full_register_is_written_readable_by_its_owner_only(gk, tmp_path):
    db = tmp_path / "cases.db"
    add(gk, db)
    for form, private in (("yaml", True), ("json", True), ("html", False)):
        out = tmp_path / f"kanaler.{form}"
        done = gk("channels", "export", "--db", str(db), "--format", form, "--output", str(out))
        assert done.returncode == 0, done.stderr
        assert (out.stat().st_mode & 0o077 == 0) is private, form  # staff contacts: private


def test_reading_a_register_that_is_not_there_creates_nothing(gk, tmp_path):
    db = tmp_path / "typo.db"
    for command in (["list"], ["show", "fb"], ["export"], ["remove", "fb"]):
        done = gk("channels", *command, "--db", str(db))
        assert done.returncode == 4 and f"no case log at {db}" in done.stderr, command
    assert not db.exists()


def test_the_list_shows_where_a_long_cell_is_cut(gk, tmp_path):
    db = tmp_path / "cases.db"
    unit = "Samhällsbyggnadsförvaltningens avdelning för kommunikation och service"
    args = [a if a != "Kommunledningsförvaltningen" else unit for a in ADD]
    assert add(gk, db, *args).returncode == 0
    row = gk("channels", "list", "--db", str(db)).stdout.splitlines()[1]
    assert unit[:31] + "…" in row and unit not in row


def test_hours_with_a_decimal_comma_are_taken_and_shown_as_typed(gk, tmp_path):
    db = tmp_path / "cases.db"
    args = [a if a != "4" else "2,5" for a in ADD]
    added = add(gk, db, *args, "--format", "json")
    assert json.loads(added.stdout)["hours_per_week"] == 2.5  # JSON: a number
    shown = gk("channels", "show", "kommunen-facebook", "--db", str(db), "--lang", "sv").stdout
    assert " 2,5\n" in shown
    english = gk("channels", "show", "kommunen-facebook", "--db", str(db), "--lang", "en").stdout
    assert " 2.5\n" in english
