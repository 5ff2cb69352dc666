"""Untrusted text: every character stays visible, none takes control."""

from gk_respond.untrusted import preview, visible


def test_terminal_escapes_become_visible():
    assert visible("\x1b[31mred\x1b[0m") == "␛[31mred␛[0m"


def test_control_characters_become_visible_but_newlines_and_tabs_stay():
    assert visible("a\x00b\x07c\td\ne\x7f\x9b") == "a␀b␇c\td\ne␡<U+009B>"
    assert visible("line\r\nnext\rx") == "line\nnext\nx"  # terminals paste CR as a break


def test_bidi_overrides_are_shown_as_code_points():
    assert visible("abc\u202edcba\u2066") == "abc<U+202E>dcba<U+2066>"


def test_markup_is_left_as_text():
    text = "[bold]x[/bold] [@click=app.quit]q[/] [link=https://evil]l[/link]"
    assert visible(text) == text


def test_preview_cuts_by_lines_and_by_characters_and_says_so():
    shown, more = preview("\n".join(f"line {n}" for n in range(10_000)), 3, 1000)
    assert shown == "line 0\nline 1\nline 2" and more
    shown, more = preview("x" * 1000, 3, 200)
    assert shown == "x" * 200 and more
    assert preview("kort\n", 3, 200) == ("kort", False)


def test_line_and_paragraph_separators_and_lone_surrogates_are_shown_as_code_points():
    assert visible("a\u2028b\u2029c\udcff") == "a<U+2028>b<U+2029>c<U+DCFF>"


def test_json_text_escapes_what_a_terminal_acts_on_and_keeps_letters_and_the_data():
    import json

    from gk_respond.untrusted import json_text

    data = {"å": "ä\x1b[2J\x9b\u202e\u2028\u2029\x7f\u2066\udcffö", "n": [1, None]}
    text = json_text(data)
    assert text == (
        '{\n  "å": "ä\\u001b[2J\\u009b\\u202e\\u2028\\u2029\\u007f\\u2066\\udcffö",\n'
        '  "n": [\n    1,\n    null\n  ]\n}'
    )
    assert json.loads(text) == data
    assert json_text(["x"], indent=None) == '["x"]'
