"""argparse's own words in Swedish, and the words our parsers use as metavars, as data.

`help_language` hands argparse a gettext that looks its texts up in ARGPARSE (and its ngettext
in PLURALS) when the run is in Swedish; argparse asks for a few of them (group titles, the help
option's text) whenever a parser is built, so this table is kept small. The keys are argparse's
own msgids, from Python 3.11 to 3.13; one that is not here is shown in English."""

ARGPARSE: dict[str, str] = {
    "usage: ": "användning: ",
    "positional arguments": "positionsargument",
    "options": "flaggor",
    "optional arguments": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "okända argument: %s",
    "the following arguments are required: %s": "följande argument krävs: %s",
    "one of the arguments %s is required": "ett av argumenten %s krävs",
    "not allowed with argument %s": "går inte att använda tillsammans med %s",
    "ignored explicit argument %r": "värdet %r hör inte till flaggan",
    "expected one argument": "kräver ett värde",
    "expected at most one argument": "tar högst ett värde",
    "expected at least one argument": "kräver minst ett värde",
    "ambiguous option: %(option)s could match %(matches)s": (
        "flaggan %(option)s är tvetydig: den kan vara %(matches)s"
    ),
    "unexpected option string: %s": "oväntad flagga: %s",
    "invalid %(type)s value: %(value)r": "ogiltigt värde (%(type)s): %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ogiltigt val: %(value)r (välj bland %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "kan inte öppna '%(filename)s': %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "okänt kommando %(parser_name)r (välj bland %(choices)s)"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
}

PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("expected %s argument", "expected %s arguments"): ("kräver %s värde", "kräver %s värden"),
}

# The metavars (the placeholders in a usage line: --db PATH|URL) that are words, and the names of
# positional arguments shown as theirs; ids, formats and abbreviations are not here.
METAVARS: dict[str, str] = {
    '"NAME;EMAIL;PHONE"': '"NAMN;E-POST;TELEFON"',
    "ADDRESS": "ADRESS",
    "ANSWERS": "SVAR",
    "CASE": "ÄRENDE",
    "COMMAND": "KOMMANDO",
    "EMAIL": "E-POST",
    "FILE": "FIL",
    "HOST": "VÄRD",
    "HOURS": "TIMMAR",
    "ITEM": "PUNKT",
    "NAME": "NAMN",
    "NEW_ID": "NYTT_ID",
    "NUMBER": "NUMMER",
    "PATH|URL": "SÖKVÄG|URL",
    "PHONE": "TELEFON",
    "ROLE": "ROLL",
    "SIZE": "STORLEK",
    "TAG": "TAGG",
    "TIME": "TID",
    "UNIT": "ENHET",
    "WHEN": "NÄR",
    "WHERE": "VAR",
    "WHO": "VEM",
    "YYYY-MM-DD": "ÅÅÅÅ-MM-DD",
    "file": "fil",
    "name": "namn",
}
