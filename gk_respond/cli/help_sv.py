"""The command line's help in Swedish, as data: each English text of a parser (a
description, a paragraph of an epilog, an option's help) and its Swedish. `help_language`
looks a text up here when a help or usage is printed in Swedish, so this module is loaded only
then. The English stays where each parser is built (it is also the key here, as gettext's
msgid is); a text missing here is shown in English, and tests/test_cli_help_language.py
checks that none is missing."""

HELP: dict[str, str] = {
    (
        "What to do about a comment about Gullspångs kommun found on social media, by "
        "the social-media policy's flowchart (Bilaga 2). Without --answers or --batch "
        "it opens the interactive app."
    ): (
        "Vad du ska göra med en kommentar om Gullspångs kommun som du hittat i sociala "
        "medier, enligt flödesschemat i policyn för sociala medier (Bilaga 2). Utan "
        "--answers eller --batch öppnas den interaktiva appen."
    ),
    (
        "commands:\n"
        "  check [FILE]    check a flowchart file and list every problem\n"
        "  paths           print every path of the flowchart (the decision table)\n"
        "  diagram         print the flowchart as a Mermaid diagram\n"
        "  records         the case log: list, show, update, export, stats\n"
        "  channels        the register of the municipality's channels (Bilaga 1)\n"
        "  contacts        who holds the roles the guidance names (säkerhetssamordnare "
        "…)\n"
        "  train           training: scenarios to walk, a presenter view, --check, "
        "--grade\n"
        "  reply           the reply: a draft per outcome, checked against the writing "
        "rules\n"
        "  serve           the web app, for a browser (pip install 'gk-respond[web]')\n"
        "  users           the web app's accounts: add, list, passwd, role, disable, remove"
    ): (
        "kommandon:\n"
        "  check [FIL]     kontrollera en flödesschemafil och lista varje problem\n"
        "  paths           skriv ut varje väg genom flödesschemat (beslutstabellen)\n"
        "  diagram         skriv ut flödesschemat som ett Mermaid-diagram\n"
        "  records         ärendeloggen: lista, visa, uppdatera, exportera, statistik\n"
        "  channels        registret över kommunens kanaler (Bilaga 1)\n"
        "  contacts        vem som har de roller som vägledningen nämner "
        "(säkerhetssamordnare …)\n"
        "  train           utbildning: scenarier att gå igenom, en presentatörsvy, "
        "--check, --grade\n"
        "  reply           svaret: ett utkast per utfall, kontrollerat mot "
        "skrivreglerna\n"
        "  serve           webbappen, för en webbläsare (pip install 'gk-respond[web]')\n"
        "  users           webbappens konton: add, list, passwd, role, disable, remove"
    ),
    (
        "exit codes:\n"
        "  0  an outcome was reached (check: the flowchart is sound)\n"
        "  1  the flowchart file has problems; each is listed as file:line:column\n"
        "  2  bad input: unknown question, invalid answer, an answer the path never "
        "asks,\n"
        "     malformed --answers, or bad arguments; the message names the valid "
        "choices\n"
        "  3  incomplete: the answers stop before an outcome; the next question is "
        "named\n"
        "     (with --batch: 2 if any line had an error, else 3 if any line was "
        "incomplete)\n"
        "  4  the case log cannot be used (--save, records): the message says why; the "
        "file\n"
        "     is left as it is"
    ): (
        "slutkoder:\n"
        "  0  ett utfall nåddes (check: flödesschemat håller)\n"
        "  1  flödesschemafilen har problem; vart och ett listas som fil:rad:kolumn\n"
        "  2  felaktig indata: okänd fråga, ogiltigt svar, ett svar på en fråga som "
        "vägen aldrig\n"
        "     ställer, felformaterade --answers eller felaktiga argument; meddelandet "
        "anger giltiga val\n"
        "  3  ofullständigt: svaren tar slut före ett utfall; nästa fråga anges\n"
        "     (med --batch: 2 om någon rad hade ett fel, annars 3 om någon rad var "
        "ofullständig)\n"
        "  4  ärendeloggen kan inte användas (--save, records): meddelandet säger "
        "varför; filen\n"
        "     lämnas som den är"
    ),
    ("show program's version number and exit"): ("visa programmets versionsnummer och avsluta"),
    (
        "answers as question=answer pairs separated by commas (ja/nej, yes/no, j/n, "
        "y/n, any case; - reads them from standard input); prints the outcome"
    ): (
        "svar som par fråga=svar åtskilda av kommatecken (ja/nej, yes/no, j/n, y/n, "
        "stora eller små bokstäver; - läser dem från standard in); skriver ut utfallet"
    ),
    (
        'JSON Lines, one case a line: {"id": ..., "answers": {...} or "q=a,..."}; '
        "writes one JSON result a line (- for standard input)"
    ): (
        'JSON Lines, ett ärende per rad: {"id": ..., "answers": {...} eller '
        '"q=a,..."}; skriver ett JSON-resultat per rad (- för standard in)'
    ),
    "open the app with this comment": "öppna appen med den här kommentaren",
    ("open the app with the comment in FILE (- for standard input)"): (
        "öppna appen med kommentaren i FIL (- för standard in)"
    ),
    (
        "where the comment is; on a channel in the channel register, owns_channel is "
        "answered ja unless the answers say otherwise"
    ): (
        "var kommentaren finns; på en kanal i kanalregistret besvaras owns_channel med "
        "ja om inte svaren säger något annat"
    ),
    ("with --answers: keep the outcome as a case in the case log; prints its number"): (
        "med --answers: spara utfallet som ett ärende i ärendeloggen; skriver ut dess nummer"
    ),
    "where the comment was posted": "var kommentaren publicerades",
    "who wrote the comment": "vem som skrev kommentaren",
    ("when and where you found it (e.g. 'igår 14.10, Facebook')"): (
        "när och var du hittade den (t.ex. 'igår 14.10, Facebook')"
    ),
    ("who handles the case, in the app too (default: $GK_RESPOND_HANDLER or your user name)"): (
        "vem som handlägger ärendet, även i appen (standard: $GK_RESPOND_HANDLER eller "
        "ditt användarnamn)"
    ),
    (
        "the case log: a file, or postgresql://USER@HOST[:PORT]/DB for a team's "
        "(default: $GK_RESPOND_DB, else in your data directory)"
    ): (
        "ärendeloggen: en fil, eller postgresql://ANVÄNDARE@VÄRD[:PORT]/DB för en "
        "grupps gemensamma (standard: $GK_RESPOND_DB, annars i din datamapp)"
    ),
    ("output format for --answers (default: text)"): (
        "utdataformat för --answers (standard: text)"
    ),
    ("use this flowchart file instead of the built-in one"): (
        "använd den här flödesschemafilen i stället för den inbyggda"
    ),
    ("language of the output (default: the locale's, else sv; JSON: sv)"): (
        "utdatans språk (standard: språket i din locale, annars sv; JSON: sv)"
    ),
    (
        "Check a flowchart file: its YAML, its structure, and its graph (start exists, "
        "every answer leads somewhere, every node and outcome is reachable, no cycles, "
        "every path ends in an outcome, every guidance reference exists); then the "
        "reply rules file (built-in, or --rules FILE) and how it fits the flowchart."
    ): (
        "Kontrollera en flödesschemafil: dess YAML, dess struktur och dess graf "
        "(starten finns, varje svar leder någonstans, varje nod och varje utfall går "
        "att nå, inga cykler, varje väg slutar i ett utfall, varje hänvisning till "
        "vägledning finns); sedan regelfilen för svar (den inbyggda, eller --rules "
        "FIL) och hur den passar flödesschemat."
    ),
    (
        "exit codes:\n"
        "  0  the flowchart is sound\n"
        "  1  problems, each listed as file:line:column: what is wrong\n"
        "  2  bad arguments"
    ): (
        "slutkoder:\n"
        "  0  flödesschemat håller\n"
        "  1  problem, vart och ett listat som fil:rad:kolumn: vad som är fel\n"
        "  2  felaktiga argument"
    ),
    ("the flowchart file (default: the built-in one)"): (
        "flödesschemafilen (standard: den inbyggda)"
    ),
    "the reply rules file to check too": ("regelfilen för svar, att också kontrollera"),
    (
        "Print every path from the start to an outcome, with its answers: the decision "
        "table the flowchart implies."
    ): (
        "Skriv ut varje väg från starten till ett utfall, med dess svar: den "
        "beslutstabell som flödesschemat ger."
    ),
    (
        "Print the flowchart as a diagram. Mermaid output can be pasted into a "
        "Markdown file inside a ```mermaid block."
    ): (
        "Skriv ut flödesschemat som ett diagram. Mermaid-utdata kan klistras in i en "
        "Markdown-fil i ett ```mermaid-block."
    ),
    (
        "The case log: every triage saved with --save or from the app (s on the "
        "outcome screen). Times are shown in local time and kept in UTC."
    ): (
        "Ärendeloggen: varje bedömning som sparats med --save eller i appen (s på "
        "utfallsskärmen). Tider visas i lokal tid och sparas i UTC."
    ),
    (
        "exit codes:\n"
        "  0  done\n"
        "  2  bad arguments, or no such case; the message names the valid choices\n"
        "  4  the case log cannot be used (verify: it has problems); the file is left as it is"
    ): (
        "slutkoder:\n"
        "  0  klart\n"
        "  2  felaktiga argument, eller inget sådant ärende; meddelandet anger giltiga "
        "val\n"
        "  4  ärendeloggen kan inte användas (verify: den har problem); filen lämnas som "
        "den är"
    ),
    ("check the whole case log: pages, rows, case numbers, comment checksums"): (
        "kontrollera hela ärendeloggen: sidor, rader, ärendenummer, kommentarernas kontrollsummor"
    ),
    (
        "Check the whole case log, read-only: SQLite's integrity check of every page and "
        "index (a file; a PostgreSQL server keeps its own pages), that every case and "
        "channel row can be read, that no case number is missing and the next one is free, "
        "and that each comment still gives the SHA-256 saved with it. Each problem is one "
        "line on standard output; exit 0 when there is none, 4 otherwise. Opening the log "
        "to write runs SQLite's quick check; a read does not (docs/case-log.md)."
    ): (
        "Kontrollera hela ärendeloggen, utan att ändra något: SQLites integritetskontroll "
        "av varje sida och index (för en fil; en PostgreSQL-server sköter sina egna sidor), "
        "att varje ärende och varje kanal går att läsa, att inget ärendenummer saknas och "
        "att nästa är ledigt, och att varje kommentar fortfarande ger den SHA-256 som "
        "sparades med den. Varje problem skrivs som en rad på standard ut; slutkod 0 när "
        "inget finns, annars 4. När loggen öppnas för att skriva körs SQLites snabba "
        "kontroll; en läsning gör det inte (docs/case-log.md)."
    ),
    "the cases, newest first": "ärendena, nyaste först",
    ("at most N cases (default: 100); the last line says how many more match"): (
        "högst N ärenden (standard: 100); sista raden säger hur många fler som matchar"
    ),
    "skip the first N": "hoppa över de N första",
    "every matching case, however many": "alla ärenden som matchar, hur många de än är",
    "one case, every field": "ett ärende, alla fält",
    ("tick steps, add a note, set follow-up fields, close or reopen a case"): (
        "bocka av steg, lägg till en anteckning, fyll i uppföljningsfält, stäng eller "
        "öppna ett ärende igen"
    ),
    "the cases as CSV, JSON or Markdown": "ärendena som CSV, JSON eller Markdown",
    (
        "mark step N of the case's outcome as done (counted from 1, as `show` lists them; "
        "may be given more than once)"
    ): (
        "bocka av steg N i ärendets utfall (räknat från 1, som `show` visar dem; kan anges "
        "flera gånger)"
    ),
    (
        "mark step N as not done again (counted from 1, as `show` lists them; may be given "
        "more than once)"
    ): ("ta bort bocken vid steg N (räknat från 1, som `show` visar dem; kan anges flera gånger)"),
    "output format (default: text)": "utdataformat (standard: text)",
    "output format (default: csv)": "utdataformat (standard: csv)",
    "output format (default: markdown)": "utdataformat (standard: markdown)",
    "output format (default: mermaid)": "utdataformat (standard: mermaid)",
    ("how many cases, per outcome and per month"): ("hur många ärenden, per utfall och per månad"),
    ("attach files to a case (a screenshot, the saved page, an e-mail)"): (
        "bifoga filer till ett ärende (en skärmdump, den sparade sidan, ett mejl)"
    ),
    "a case's attachments": "ett ärendes bilagor",
    "write one attachment to a file": "skriv en bilaga till en fil",
    ("withdraw a wrong attachment, with a reason (it is kept)"): (
        "dra tillbaka en felaktig bilaga, med ett skäl (den sparas)"
    ),
    ("copy everything in a case log to another one, keeping the case numbers"): (
        "kopiera allt i en ärendelogg till en annan, med samma ärendenummer"
    ),
    ("only these outcomes (repeat, or separate by commas)"): (
        "bara de här utfallen (upprepa, eller skilj med kommatecken)"
    ),
    "only open or only closed cases": "bara öppna eller bara stängda ärenden",
    "created on or after": "skapade den dagen eller senare",
    "created on or before": "skapade den dagen eller tidigare",
    "in the comment, writer, URL, notes…": (
        "i kommentaren, skribenten, adressen, anteckningarna …"
    ),
    ("only cases past their due time, not yet met"): (
        "bara ärenden som passerat sin tidsgräns och inte är åtgärdade"
    ),
    "due before this local day": ("med tidsgräns före den här dagen (lokal tid)"),
    ("the case log: a file, or postgresql://USER@HOST[:PORT]/DB (default: $GK_RESPOND_DB)"): (
        "ärendeloggen: en fil, eller postgresql://ANVÄNDARE@VÄRD[:PORT]/DB (standard: "
        "$GK_RESPOND_DB)"
    ),
    ("the case number, e.g. 2026-0042 or 2026-42"): ("ärendenumret, t.ex. 2026-0042 eller 2026-42"),
    "--format pdf: the case sheet's file": "--format pdf: filen för ärendebladet",
    "add a note (with your name)": ("lägg till en anteckning (med ditt namn)"),
    "now, or a time": "now eller en tidpunkt",
    "where the copy of it is kept": "var kopian av den sparas",
    "its number in the diarium": "dess diarienummer",
    "who it was forwarded to": "vem den vidarebefordrades till",
    "close the case": "stäng ärendet",
    ("open a closed case again; a closed case is changed only with it"): (
        "öppna ett stängt ärende igen; ett stängt ärende ändras bara med den här flaggan"
    ),
    "who makes the change (for notes)": ("vem som gör ändringen (för anteckningar)"),
    "write to FILE (never overwritten)": "skriv till FIL (skrivs aldrig över)",
    "CSV only (default: ;)": "bara CSV (standard: ;)",
    "the case number, e.g. 2026-0042": "ärendenumret, t.ex. 2026-0042",
    "the files to attach": "filerna att bifoga",
    ("the limit per file (default: $GK_RESPOND_ATTACHMENT_LIMIT, else 25MB)"): (
        "gränsen per fil (standard: $GK_RESPOND_ATTACHMENT_LIMIT, annars 25MB)"
    ),
    "who makes the change": "vem som gör ändringen",
    "the attachment's number": "bilagans nummer",
    "why it is withdrawn": "varför den dras tillbaka",
    (
        "Copy every case (history, notes, follow-up fields, attachments and their "
        "withdrawals), the case numbers given, the channel register, the contacts and the "
        "web app's accounts with their log from --db to --to, in one transaction; then "
        "compare the counts, each comment's and attachment's SHA-256 and every other row "
        "on both sides. A target that holds anything is refused unless --append, which "
        "renumbers nothing and refuses a case number or user name it holds."
    ): (
        "Kopiera alla ärenden (historik, anteckningar, uppföljningsfält, bilagor och deras "
        "återkallelser), de ärendenummer som delats ut, kanalregistret, kontakterna och "
        "webbappens konton med sin logg från --db till --to, i en enda transaktion; jämför "
        "sedan antalen, varje kommentars och bilagas SHA-256 och varje annan rad på båda "
        "sidor. Ett mål som innehåller något avvisas utom med --append, som inte numrerar "
        "om något och avvisar ett ärendenummer eller användarnamn som redan finns där."
    ),
    ("where to: a file, or postgresql://USER@HOST[:PORT]/DB (created if need be)"): (
        "vart: en fil, eller postgresql://ANVÄNDARE@VÄRD[:PORT]/DB (skapas vid behov)"
    ),
    ("add to a log that holds cases already (no case number or user name may be in both)"): (
        "lägg till i en logg som redan innehåller ärenden (inget ärendenummer eller "
        "användarnamn får finnas i båda)"
    ),
    "kommunikatör or informationsansvarig": "kommunikatör eller informationsansvarig",
    "the account's user name": "kontots användarnamn",
    "give an account another role (signs the user out)": (
        "ge ett konto en annan roll (loggar ut användaren)"
    ),
    ("the case log to copy (default: $GK_RESPOND_DB)"): (
        "ärendeloggen att kopiera (standard: $GK_RESPOND_DB)"
    ),
    (
        "The channel register (the policy's Bilaga 1): every social-media account the "
        "municipality runs, with its activity plan and at least two administrators. "
        "Kept in the case log's file."
    ): (
        "Kanalregistret (policyns Bilaga 1): varje konto i sociala medier som kommunen "
        "driver, med sin aktivitetsplan och minst två administratörer. Sparas i "
        "ärendeloggens fil."
    ),
    (
        "The public list (export --format markdown or html) holds name, medium, "
        "address, unit and\n"
        "purpose only, for www.gullspang.se; it leaves out the administrators, the "
        "day-to-day staff\n"
        "and their e-mail addresses and phone numbers. json and yaml hold the whole "
        "register."
    ): (
        "Den offentliga listan (export --format markdown eller html) innehåller bara "
        "namn, medium,\n"
        "adress, enhet och syfte, för www.gullspang.se; administratörerna, de som "
        "sköter kanalen\n"
        "dagligen och deras e-postadresser och telefonnummer är utelämnade. json och "
        "yaml innehåller\n"
        "hela registret."
    ),
    (
        "exit codes:\n"
        "  0  done\n"
        "  2  bad arguments, a channel the register refuses, no such channel, or a "
        "file that\n"
        "     cannot be imported; the message says what and where\n"
        "  4  the case log (which holds the register) cannot be used; the file is left "
        "as it is"
    ): (
        "slutkoder:\n"
        "  0  klart\n"
        "  2  felaktiga argument, en kanal som registret avvisar, ingen sådan kanal, "
        "eller en fil som\n"
        "     inte kan importeras; meddelandet säger vad och var\n"
        "  4  ärendeloggen (som innehåller registret) kan inte användas; filen lämnas "
        "som den är"
    ),
    ("register a channel (every field is needed)"): ("registrera en kanal (alla fält behövs)"),
    "the channels, one a line": "kanalerna, en per rad",
    "one channel, every field": "en kanal, alla fält",
    ("change the fields given, keep the others"): ("ändra de fält som anges, behåll de andra"),
    "take a channel out of the register": "ta bort en kanal ur registret",
    (
        "markdown or html: the public list for the website (name, medium, address, "
        "unit, purpose; no administrators, e-mail addresses or phone numbers); json or "
        "yaml: the whole register, for backup and import"
    ): (
        "markdown eller html: den offentliga listan för webbplatsen (namn, medium, "
        "adress, enhet, syfte; inga administratörer, e-postadresser eller "
        "telefonnummer); json eller yaml: hela registret, för säkerhetskopia och import"
    ),
    (
        "replace the register with the channels in a json or yaml file (as export "
        "writes it); nothing is changed unless every channel is right"
    ): (
        "ersätt registret med kanalerna i en json- eller yaml-fil (så som export "
        "skriver den); ingenting ändras om inte varje kanal är korrekt"
    ),
    "a short name: a-z, 0-9, hyphens": "ett kort namn: a-z, 0-9, bindestreck",
    "the channel's name on the medium": "kanalens namn på mediet",
    ("facebook, instagram, linkedin, youtube, x, …"): (
        "facebook, instagram, linkedin, youtube, x, …"
    ),
    ("its address (https:// is added if left out)"): (
        "dess adress (https:// läggs till om det saknas)"
    ),
    "förvaltning, enhet/avdelning": "förvaltning, enhet/avdelning",
    "why the municipality is there": "varför kommunen finns där",
    "who it is for": "vem den är till för",
    ('how often and when, e.g. "dagligen vardagar"'): (
        'hur ofta och när, t.ex. "dagligen vardagar"'
    ),
    "estimated working hours a week": "uppskattade arbetstimmar per vecka",
    "the head of the unit who approved it": "den enhetschef som godkände den",
    "the day it was approved": "dagen den godkändes",
    (
        'its own promise, e.g. "24h" or "1 arbetsdag": cases on it are due then, not '
        'by the outcome ("" removes it)'
    ): (
        'dess eget löfte, t.ex. "24h" eller "1 arbetsdag": ärenden på den ska vara '
        'klara då, inte enligt utfallet ("" tar bort det)'
    ),
    "an administrator; at least two": "en administratör; minst två",
    ("who runs it day to day; repeat for several"): (
        "vem som sköter den dagligen; upprepa för flera"
    ),
    ("only the channels whose account checklist is not done, with what is left"): (
        "bara de kanaler vars checklista för kontot inte är klar, med det som återstår"
    ),
    "the channel's id": "kanalens id",
    "a new id": "ett nytt id",
    ("an administrator; at least two (replaces all of them)"): (
        "en administratör; minst två (ersätter alla tidigare)"
    ),
    ("who runs it day to day; repeat for several (replaces all of them)"): (
        "vem som sköter den dagligen; upprepa för flera (ersätter alla tidigare)"
    ),
    ("mark an item of the account checklist done (show lists the items); repeat"): (
        "markera en punkt i kontots checklista som klar (show listar punkterna); upprepa"
    ),
    ("mark an item of the account checklist not done; repeat"): (
        "markera en punkt i kontots checklista som inte klar; upprepa"
    ),
    ("a yaml or json file (- for standard input)"): ("en yaml- eller json-fil (- för standard in)"),
    (
        "The municipality's contacts: who holds each role the guidance names. Kept in "
        "the case log's file."
    ): (
        "Kommunens kontakter: vem som har varje roll som vägledningen nämner. Sparas i "
        "ärendeloggens fil."
    ),
    (
        "The roles are those of the flowchart (its roles: section); an outcome whose "
        "guidance names a\n"
        "role shows who holds it. Without --id, a contact's id is its role's "
        "(narmaste-chef for\n"
        "narmaste_chef)."
    ): (
        "Rollerna är flödesschemats (dess roles:-avsnitt); ett utfall vars vägledning "
        "nämner en roll\n"
        "visar vem som har den. Utan --id är en kontakts id rollens (narmaste-chef för\n"
        "narmaste_chef)."
    ),
    (
        "exit codes:\n"
        "  0  done\n"
        "  1  the flowchart (which names the roles) has problems\n"
        "  2  bad arguments, a contact the list refuses, or no such contact\n"
        "  4  the case log (which holds the contacts) cannot be used; the file is left "
        "as it is"
    ): (
        "slutkoder:\n"
        "  0  klart\n"
        "  1  flödesschemat (som namnger rollerna) har problem\n"
        "  2  felaktiga argument, en kontakt som listan avvisar, eller ingen sådan "
        "kontakt\n"
        "  4  ärendeloggen (som innehåller kontakterna) kan inte användas; filen "
        "lämnas som den är"
    ),
    ("add a contact (role, name, e-mail and phone)"): (
        "lägg till en kontakt (roll, namn, e-post och telefon)"
    ),
    "the contacts, one a line, by role": "kontakterna, en per rad, efter roll",
    "one contact": "en kontakt",
    "take a contact off the list": "ta bort en kontakt från listan",
    "a short name (default: the role)": "ett kort namn (standard: rollen)",
    ("the role, e.g. informationsansvarig, sakerhetssamordnare"): (
        "rollen, t.ex. informationsansvarig, sakerhetssamordnare"
    ),
    "first name and surname": "förnamn och efternamn",
    "e-mail address": "e-postadress",
    "phone number": "telefonnummer",
    "the contact's id": "kontaktens id",
    (
        "Training: walk realistic comments through the flowchart and see whether you "
        "reach the outcome the policy expects. FILE is a scenario file or a folder of "
        "them (default: the bundled set)."
    ): (
        "Utbildning: gå igenom realistiska kommentarer i flödesschemat och se om du "
        "når det utfall som policyn förväntar sig. FIL är en scenariofil eller en mapp "
        "med sådana (standard: den medföljande uppsättningen)."
    ),
    (
        "examples:\n"
        "  gk-respond train                              # every bundled scenario, in "
        "Swedish\n"
        '  gk-respond train --tag removal --lang en --trainee "Kim"\n'
        "  gk-respond train --sample 5 --seed 7          # five at random, the same "
        "five each time\n"
        "  gk-respond train --present                    # the presenter view, for a "
        "group\n"
        "  gk-respond train my-scenarios/                # scenario files of your own "
        "(or a folder)\n"
        "  gk-respond train --check my-scenarios/        # check them against the "
        "flowchart\n"
        '  gk-respond train --grade answers.jsonl --trainee "Kim"   # grade from a '
        "script (JSON)"
    ): (
        "exempel:\n"
        "  gk-respond train                              # alla medföljande scenarier, "
        "på svenska\n"
        '  gk-respond train --tag removal --lang en --trainee "Kim"\n'
        "  gk-respond train --sample 5 --seed 7          # fem slumpvis, samma fem "
        "varje gång\n"
        "  gk-respond train --present                    # presentatörsvyn, för en "
        "grupp\n"
        "  gk-respond train mina-scenarier/              # egna scenariofiler (eller "
        "en mapp)\n"
        "  gk-respond train --check mina-scenarier/      # kontrollera dem mot "
        "flödesschemat\n"
        '  gk-respond train --grade svar.jsonl --trainee "Kim"   # rätta från ett '
        "skript (JSON)"
    ),
    (
        "answers.jsonl holds one line a scenario:\n"
        '  {"id": "library_story_time", "answers": '
        '"prohibited=nej,positive=ja,positive_action=share"}\n'
        '  {"id": "snow_clearing", "answers": {"prohibited": "nej", "positive": "nej", '
        "...}}"
    ): (
        "svar.jsonl har en rad per scenario:\n"
        '  {"id": "library_story_time", "answers": '
        '"prohibited=nej,positive=ja,positive_action=share"}\n'
        '  {"id": "snow_clearing", "answers": {"prohibited": "nej", "positive": "nej", '
        "...}}"
    ),
    (
        "exit codes:\n"
        "  0  done (--check: every scenario is sound)\n"
        "  1  the scenario files or the flowchart have problems; each is listed as "
        "file:line:column\n"
        "  2  bad input: bad arguments, a --tag no scenario has, a --grade file that "
        "cannot be\n"
        "     read, or bad lines in it"
    ): (
        "slutkoder:\n"
        "  0  klart (--check: varje scenario håller)\n"
        "  1  scenariofilerna eller flödesschemat har problem; vart och ett listas som "
        "fil:rad:kolumn\n"
        "  2  felaktig indata: felaktiga argument, en --tag som inget scenario har, en "
        "--grade-fil som\n"
        "     inte kan läsas, eller felaktiga rader i den"
    ),
    "scenario files or folders": "scenariofiler eller mappar",
    ("only scenarios with this tag (repeat it or separate by commas: any of them)"): (
        "bara scenarier med den här taggen (upprepa eller skilj med kommatecken: någon av dem)"
    ),
    ("N scenarios at random, in random order"): ("N scenarier slumpvis, i slumpvis ordning"),
    "with --sample: the same draw": "med --sample: samma urval",
    "who is trained": "vem som utbildas",
    ("the presenter view: space shows the expected answer, space again follows it"): (
        "presentatörsvyn: mellanslag visar det förväntade svaret, mellanslag igen följer det"
    ),
    ("check the scenario files and list every problem"): (
        "kontrollera scenariofilerna och lista varje problem"
    ),
    ("grade a JSON Lines file of answers (- for standard input); prints JSON"): (
        "rätta en JSON Lines-fil med svar (- för standard in); skriver ut JSON"
    ),
    (
        "Write the reply: the draft an outcome starts from, and a reply checked "
        "against the policy's writing rules (du-tilltal, plain language, tone, "
        "sources, no promises beyond the official line, no personal data, the "
        "platform's limit)."
    ): (
        "Skriv svaret: utkastet som ett utfall börjar från, och ett svar som "
        "kontrolleras mot policyns skrivregler (du-tilltal, klarspråk, ton, källor, "
        "inga löften utöver den officiella linjen, inga personuppgifter, plattformens "
        "gräns)."
    ),
    (
        "exit codes (reply check):\n"
        "  0  no errors (there may be warnings and hints)\n"
        "  1  errors found; on an outcome where the policy says not to reply (remove, "
        "monitor,\n"
        "     report, observe) any reply is one, and the message says why\n"
        "  2  bad input: unknown outcome, a file that cannot be read, a rules file "
        "with problems\n"
        "     (each listed as file:line:column), or bad arguments\n"
        "exit codes (reply template):\n"
        "  0  the draft is printed\n"
        "  2  the outcome has no draft (the policy says not to reply there: the "
        "message says why),\n"
        "     or bad input"
    ): (
        "slutkoder (reply check):\n"
        "  0  inga fel (det kan finnas varningar och tips)\n"
        "  1  fel hittades; på ett utfall där policyn säger att man inte ska svara "
        "(remove, monitor,\n"
        "     report, observe) är varje svar ett fel, och meddelandet säger varför\n"
        "  2  felaktig indata: okänt utfall, en fil som inte kan läsas, en regelfil "
        "med problem\n"
        "     (vart och ett listat som fil:rad:kolumn), eller felaktiga argument\n"
        "slutkoder (reply template):\n"
        "  0  utkastet skrivs ut\n"
        "  2  utfallet har inget utkast (policyn säger att man inte ska svara där: "
        "meddelandet säger\n"
        "     varför), eller felaktig indata"
    ),
    ("check a reply; each finding with its place, rule and source"): (
        "kontrollera ett svar; varje anmärkning med sitt ställe, sin regel och sin källa"
    ),
    "print the draft reply of an outcome": ("skriv ut utkastet till svar för ett utfall"),
    "the reply (default: - for stdin)": "svaret (standard: - för standard in)",
    "the outcome, by id": "utfallet, med id",
    "use this flowchart file": "använd den här flödesschemafilen",
    "where the reply is published": "var svaret publiceras",
    ("the official line's facts: a date or amount in them is not asked about"): (
        "den officiella linjens fakta: ett datum eller belopp i dem ifrågasätts inte"
    ),
    ("use this rules file instead of the built-in one"): (
        "använd den här regelfilen i stället för den inbyggda"
    ),
    (
        "Serve the web app: the same triage, case log and channel register in a "
        "browser. Prints the address and serves until Ctrl+C."
    ): (
        "Kör webbappen: samma bedömning, ärendelogg och kanalregister i en webbläsare. "
        "Skriver ut adressen och körs tills du trycker Ctrl+C."
    ),
    (
        "examples:\n"
        "  gk-respond serve                          # this machine only, for you alone\n"
        "  gk-respond users add anna --role informationsansvarig\n"
        "  gk-respond serve --host 0.0.0.0           # a team: needs accounts (users "
        "add) ...\n"
        "  gk-respond serve --trust-header X-Remote-User --trusted-proxy 10.0.0.5\n"
        "                                            # ... or single sign-on behind a "
        "proxy"
    ): (
        "exempel:\n"
        "  gk-respond serve                          # bara den här datorn, bara för "
        "dig\n"
        "  gk-respond users add anna --role informationsansvarig\n"
        "  gk-respond serve --host 0.0.0.0           # en grupp: kräver konton (users "
        "add) ...\n"
        "  gk-respond serve --trust-header X-Remote-User --trusted-proxy 10.0.0.5\n"
        "                                            # ... eller enkel inloggning "
        "bakom en proxy"
    ),
    (
        "On an address other than loopback, serve refuses to start unless accounts "
        "exist or a\n"
        "trusted proxy header is configured. See docs/team-server.md."
    ): (
        "På en annan adress än loopback vägrar serve att starta om det inte finns "
        "konton eller ett\n"
        "betrott proxyhuvud är inställt. Se docs/team-server.md."
    ),
    "address to listen on (127.0.0.1)": "adressen att lyssna på (127.0.0.1)",
    "port to listen on (8080)": "porten att lyssna på (8080)",
    "default language": "standardspråk",
    (
        "take the signed-in user's name from this request header (single sign-on); "
        "only from the addresses given by --trusted-proxy"
    ): (
        "ta den inloggade användarens namn från det här huvudet i begäran (enkel "
        "inloggning); bara från de adresser som anges med --trusted-proxy"
    ),
    (
        "the reverse proxy's address (repeat for several): --trust-header and "
        "X-Forwarded-For are taken from there only; cookies are then HTTPS-only"
    ): (
        "den omvända proxyns adress (upprepa för flera): --trust-header och "
        "X-Forwarded-For tas bara därifrån; kakor skickas då bara över HTTPS"
    ),
    (
        "send the session cookie over plain HTTP too (only for a test network: "
        "elsewhere than loopback cookies are HTTPS-only by default)"
    ): (
        "skicka sessionskakan över vanlig HTTP också (bara för ett testnätverk: på "
        "andra adresser än loopback skickas kakor bara över HTTPS som standard)"
    ),
    ("on loopback with no accounts: who saves cases (default: your user name)"): (
        "på loopback utan konton: vem som sparar ärenden (standard: ditt användarnamn)"
    ),
    (
        "The web app's accounts, kept in the case log. Roles: kommunikatör (triage, "
        "read and follow up all cases) and informationsansvarig (also the channel "
        "register). Passwords are read from the terminal (or with --password-stdin, "
        "one line from standard input) and kept only as argon2 hashes."
    ): (
        "Webbappens konton, sparade i ärendeloggen. Roller: kommunikatör (bedömning, "
        "läsa och följa upp alla ärenden) och informationsansvarig (även "
        "kanalregistret). Lösenord läses från terminalen (eller med --password-stdin, "
        "en rad från standard in) och sparas bara som argon2-hashar."
    ),
    "add an account": "lägg till ett konto",
    "list the accounts": "lista kontona",
    ("set a new password (signs the user out)"): ("sätt ett nytt lösenord (loggar ut användaren)"),
    "stop an account from signing in": "hindra ett konto från att logga in",
    "let a disabled account sign in again": "låt ett avstängt konto logga in igen",
    ("remove an account (its cases keep the name)"): (
        "ta bort ett konto (dess ärenden behåller namnet)"
    ),
    ("kommunikatör (default) or informationsansvarig"): (
        "kommunikatör (standard) eller informationsansvarig"
    ),
    ("read the password from standard input (one line) instead of asking"): (
        "läs lösenordet från standard in (en rad) i stället för att fråga"
    ),
}

# The heading of a paragraph whose other lines are the same in both languages (command lines).
HEADINGS: dict[str, str] = {"examples:": "exempel:"}
