"""Every message the command line writes to standard error, and the headers and labels of
its lists, in Swedish and English: one catalogue, looked up by id (`message`). The language is
decided once per run (`choose`): ``--lang`` if given, else the locale (``LC_ALL``, then
``LC_MESSAGES``, then ``LANG``: ``sv_*`` is Swedish, ``en_*`` English), else Swedish. JSON output
never goes through here: it keeps stable ids in both languages."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("sv", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "sv": {
        "prefix": "gk-respond: ",
        "error": "gk-respond: fel: ",
        "error_word": "fel",
        "warning": "gk-respond: varning: ",
        "not_utf8": "{where}: är inte UTF-8-text (byten {byte} kan inte läsas); "
        "skriv texten i UTF-8",
        "stdin": "standard in",
        "needs_answers_save": "--save hör ihop med --answers (i appen sparar s på utfallet)",
        "needs_answers_format": "--format hör ihop med --answers (appen visar utfallet på "
        "skärmen; --format väljer utdata för ett skript)",
        "command_first": "{command!r} är ett kommando och skrivs först: gk-respond {command} "
        "{options}",
        "saved": "sparat som ärende {number}",
        "not_saved": "inte sparat: svaren tar slut före ett utfall",
        "updated": "ärende {number} uppdaterat",
        "case_closed": "ärende {number} är stängt; lägg till --reopen för att ändra det "
        "(att det öppnas igen syns i historiken)",
        "written": "skrev {what} till {output}",
        "exists": "{output} finns redan; den lämnas som den är (välj ett annat namn)",
        "problems_flowchart": "flödesschemat har {count} problem",
        "problems_scenarios": "scenarierna har {count} problem",
        "problems_rules": "regelfilen har {count} problem",
        "no_case": "inget ärende {given!r}; ett ärendenummer skrivs som {example}",
        "no_case_close": "inget ärende {given!r}; menade du {close}? (ett ärendenummer skrivs "
        "som {example})",
        "no_case_near": "inget ärende {given!r}; menade du {close}?",
        "no_case_newest": "inget ärende {given!r}; det senaste är {newest}",
        "no_case_none_yet": "inget ärende {given!r}; ärendeloggen har inga ärenden än",
        "not_an_answer": "{word} är inget svar på {question!r}; giltiga svar: {valid}",
        "unknown_question": "okänd fråga {word}; giltiga frågor: {valid}",
        "unknown_question_close": "okänd fråga {word} (menade du {close!r}?); giltiga frågor: "
        "{valid}",
        "answers_too_long": "svaren är längre än {limit} tecken; inget lästes",
        "not_a_pair": "{part} har inte formen fråga=svar",
        "answered_twice": "{question!r} besvaras två gånger: {one} och {other}",
        "never_asked": "{question!r} ställs aldrig på den här vägen (vägen: {path})",
        "ended": "vägen har nått utfallet {node!r}; ingen fråga är öppen",
        "channel_done_add": "kanal {id} tillagd",
        "channel_done_update": "kanal {id} uppdaterad",
        "channel_removed": "kanal {id} borttagen",
        "channels_imported": "{count} har importerats från {name}",
        "channels_gone": "finns inte längre i registret: {ids}",
        "register_unused": "kanalregistret används inte: {error}",
        "damaged": "{path} är skadad ({detail}); den lämnas som den är. Återställ den från en "
        "säkerhetskopia (inget har skrivits i den)",
        # records list
        "col_case": "Ärende",
        "col_created": "Skapat",
        "col_status": "Status",
        "col_outcome": "Utfall",
        "col_due": "Senast",
        "col_comment": "Kommentar",
        "col_handler": "Handläggare",
        "no_match": "inga ärenden i {path} matchar",
        "list_more": "{shown} av {total} ärenden visade, de nyaste först; fler med --offset "
        "{offset}, --limit N eller --all",
        "status_open": "öppet",
        "status_closed": "stängt",
        # the case log's own errors and warnings (raised as `Text` in gk_respond/records)
        "store_no_log": "det finns ingen ärendelogg på {path} (inget har sparats där än; --db "
        "eller GK_RESPOND_DB anger var)",
        "store_no_log_empty": "det finns ingen ärendelogg på {path} (filen är tom: inget har "
        "sparats där än)",
        "store_damaged": "{path}: är skadad ({detail}); den lämnas som den är — återställ den "
        "från en säkerhetskopia",
        "store_no_column": "tabellen {table} saknar kolumnen {columns}",
        "store_newer": "{path}: skrevs av en nyare gk-respond (schema {version}; den här känner "
        "till {known}); uppdatera gk-respond för att öppna den",
        "store_loose": "andra kan läsa ärendeloggen, som innehåller personuppgifter ({modes}); "
        "om den inte delas med avsikt, gör den till bara din: chmod 600 {files}",
        "store_unreachable": "{where}: PostgreSQL-servern går inte att nå ({detail})",
        "store_needs_postgresql": "{where}: en ärendelogg på en PostgreSQL-server behöver "
        "tillägget för det: pip install 'gk-respond[postgresql]'",
        "store_contact_damaged": "{path}: kontakten {id} är skadad; den lämnas utanför — lägg "
        "till den igen (gk-respond contacts add) eller återställ ärendeloggen från en "
        "säkerhetskopia",
        "store_bad_schema": "{path}: är ingen ärendelogg från gk-respond som går att läsa "
        "(schema {schema})",
        "store_busy": "{path}: är upptagen (en annan gk-respond skriver i den); försök igen",
        "store_read_only": "{path}: är skrivskyddad för dig; för att spara eller ändra ärenden "
        "behövs skrivrätt till filen och dess mapp",
        "store_full": "{path}: disken är full ({error}); inget skrevs",
        "store_io": "{path}: kan inte läsas eller skrivas ({error}); försök igen",
        "store_cannot_open": "{path}: kan inte öppnas ({error})",
        "store_unusable": "{path}: är ingen användbar ärendelogg ({error})",
        "store_not_sqlite": "{path}: är ingen SQLite-databas; den lämnas som den är",
        "store_not_ours_sqlite": "{path}: är en SQLite-databas men ingen ärendelogg från "
        "gk-respond",
        "store_not_ours_server": "{path}: är en databas men ingen ärendelogg från gk-respond",
        "store_older": "{path}: skrevs av en äldre gk-respond (schema {version}) och måste öppnas "
        "en gång av någon som får skriva i den; den lämnas som den är",
        "store_cannot_create": "{path}: ärendeloggen kan inte skapas: {reason}",
        "pg_password_refused": "{where}: servern godtog inte lösenordet för den här användaren",
        "pg_password_needed": "{where}: servern begär ett lösenord: ange det i adressen, i "
        "PGPASSWORD eller i ~/.pgpass",
        "pg_no_database": "{where}: det finns ingen sådan databas på servern",
        "pg_user_refused": "{where}: servern godtar inte den här användaren ({detail})",
        "pg_lost_committing": "{where}: förbindelsen med servern bröts medan ändringen sparades; "
        "den kan vara sparad eller inte, kontrollera med gk-respond records ({detail})",
        "pg_lost": "{where}: förbindelsen med servern bröts; inget skrevs ({detail})",
        "pg_not_allowed": "{where}: den här användaren får inte göra det ({detail})",
        "pg_tables_not_granted": "{where}: användaren {user} får inte läsa ärendeloggens "
        "tabell(er) {tables} (loggens ägare ger rätten: GRANT SELECT, INSERT, UPDATE, DELETE "
        "ON ALL TABLES IN SCHEMA {schema} TO {user}); inget ändrades",
        "pg_schema_not_granted": "{where}: användaren {user} får inte använda schemat {schema} "
        "(GRANT USAGE ON SCHEMA {schema} TO {user}); inget ändrades",
        "pg_read_only": "{where}: är öppnad bara för läsning; inget skrevs",
        "pg_bad_address": "{where}: är ingen användbar PostgreSQL-adress ({detail})",
        "pg_refused": "{where}: servern avvisade begäran ({detail})",
        "copied": "kopierade {cases}, {channels}, {contacts}, {users} ({events}) och "
        "{attachments} ({withdrawals}) från {source} till {target}; antalen och varje "
        "kommentars och bilagas SHA-256 stämmer på båda sidor",
        # records copy (records/copy.py, records/copy_tables.py)
        "copy_same": "{path}: är ärendeloggen som kopieras; ange en annan --to",
        "copy_unreadable": "{path}: {what} i den går inte att läsa (se ovan); inget kopierades "
        "— återställ dem från en säkerhetskopia först",
        "copy_damaged_row": "{path}: {row} är skadad ({detail}); inget kopierades — återställ "
        "den från en säkerhetskopia först",
        "copy_held": "{path}: innehåller redan {held}; inget kopierades (--append lägger till, "
        "utan att numrera om något)",
        "copy_clash": "{path}: innehåller redan {rows}; inget kopierades",
        "copy_clash_differs": "{path}: innehåller redan {rows} med andra uppgifter; inget "
        "kopierades",
        "copy_nul": "{path}: {row} innehåller tecknet U+0000 (NUL) i {column}, som PostgreSQL "
        "inte kan spara; inget kopierades (behåll den i filen)",
        "copy_mismatch": "{path}: kopian stämmer inte med {source} ({rows}); jämför de två "
        "innan kopian används",
        "copy_more": "{names} och {more} till",
        "copy_last": "{first} och {last}",
        "copy_list": "{first}, {rest}",
        "copy_count_cases": "{count} ärenden",
        "copy_count_channels": "{count} kanaler",
        "copy_count_contacts": "{count} kontakter",
        "copy_count_users": "{count} konton",
        "copy_count_account_events": "{count} kontohändelser",
        "copy_count_attachments": "{count} bilagor",
        "copy_count_attachment_withdrawals": "{count} återkallelser av bilagor",
        "copy_count_cases_one": "{count} ärende",
        "copy_count_channels_one": "{count} kanal",
        "copy_count_contacts_one": "{count} kontakt",
        "copy_count_users_one": "{count} konto",
        "copy_count_account_events_one": "{count} kontohändelse",
        "copy_count_attachments_one": "{count} bilaga",
        "copy_count_attachment_withdrawals_one": "{count} återkallelse av en bilaga",
        "copy_withdrawn": "{count} återkallade",
        "copy_withdrawn_one": "{count} återkallad",
        "copy_row_cases": "ärende {id}",
        "copy_row_tallies": "statistikens sammanfattning för dagarna eller månaderna {id}",
        "copy_row_channels": "kanal {id}",
        "copy_row_contacts": "kontakt {id}",
        "copy_row_users": "kontot {id}",
        "copy_row_account_events": "kontohändelse {id}",
        "copy_row_attachments": "bilaga {id}",
        "copy_row_attachment_withdrawals": "återkallelsen av bilaga {id}",
        "copy_content_changed": "innehållets SHA-256 är inte det som sparades",
        # a damaged case row (store.py)
        "row_case": "ärende {name} är skadat ({detail})",
        "row_left_out": "{path}: {row}; det lämnas utanför — återställ det från en säkerhetskopia",
        "row_left_as_is": "{path}: {row}; det lämnas som det är — återställ det från en "
        "säkerhetskopia",
        "row_not_utf8": "{column} är inte UTF-8-text",
        "row_not_text": "{column} är {kind}, inte text",
        "row_not_time": "{column} {text!r} är ingen tidpunkt",
        "row_not_json": "{column} är inte JSON",
        "row_not_pairs": "{column} är ingen lista av fråga–svar-par",
        "row_not_steps": "{column} är ingen lista av stegnummer",
        "row_not_findings": "{column} är ingen lista av fynd",
        "row_not_answers": "{column} är ingen lista av svar med sina tider",
        "channel_damaged": "kanal {name} är skadad ({detail})",
        "channel_not_text": "channel_json är inte text",
        "channel_other_id": "dess uppgifter säger id {id}",
        "channel_left_out": "{path}: {row}; den lämnas utanför — återställ registret från en "
        "säkerhetskopia (channels import FIL)",
        "channel_left_as_is": "{path}: {row}; den lämnas som den är — återställ registret från "
        "en säkerhetskopia (channels import FIL)",
        "store_wal_unreadable": "{path}-wal innehåller ändringar som inte kan läsas där den "
        "ligger (ingen -shm-fil bredvid, och ingen kan skapas): de senaste ärendena kan saknas; "
        "kopiera ärendeloggen med sin -wal-fil till en mapp du får skriva i",
        "store_not_private": "{path}: är en tom fil som gk-respond inte kan göra privat "
        "({error}); den lämnas som den är",
        "pg_nul": "{where}: PostgreSQL kan inte spara tecknet U+0000 (NUL) som texten "
        "innehåller; ta bort det och försök igen (inget skrevs)",
        # the web app's accounts (records/users.py, gk-respond users)
        "user_bad_name": "{name!r} duger inte som användarnamn: använd bokstäver, siffror och "
        ". _ @ - (högst 64, inga mellanslag), t.ex. anna.andersson",
        "user_short_password": "lösenordet måste ha minst {count} tecken",
        "user_password_spaces": "lösenordet får inte börja eller sluta med ett mellanslag",
        "user_bad_role": "{role!r} är ingen roll; giltiga roller: {roles}",
        "user_exists": "det finns redan ett konto {name!r}",
        "user_missing": "det finns inget konto {name!r}",
        "user_needs_web": "konton behöver webbtillägget: pip install 'gk-respond[web]' "
        "(argon2-cffi)",
        "user_passwords_differ": "de två lösenorden skiljer sig åt; inget ändrades",
        "user_password_prompt": "Nytt lösenord: ",
        "user_password_again": "Samma igen: ",
        "user_added": "konto {name} tillagt ({role})",
        "user_new_password": "nytt lösenord för {name}",
        "user_disabled": "konto {name}: avstängt",
        "user_enabled": "konto {name}: påslaget",
        "user_removed": "konto {name}: borttaget",
        "user_role_set": "konto {name}: roll {role}",
        "user_last_manager": "{name!r} är den sista aktiva informationsansvariga: ge ett annat "
        "konto den rollen först (inget ändrades)",
        "user_none": "inga konton",
        "user_active": "aktivt",
        "user_disabled_at": "avstängt {at}",
        # the values of options, refused while the command line is read
        "arg_not_date": "{text!r} är inget datum; skriv ÅÅÅÅ-MM-DD",
        "arg_not_time": "{text!r} är ingen tidpunkt; skriv now, ÅÅÅÅ-MM-DD eller "
        "'ÅÅÅÅ-MM-DD TT:MM' (lokal tid)",
        "arg_future": "{text!r} ligger i framtiden",
        "arg_not_step": "{text!r} är inget stegnummer (1, 2, …)",
        "arg_not_number": "{text!r} är inget tal (0, 1, 2, …)",
        "arg_not_attachment": "{text!r} är inget bilagenummer (1, 2, …)",
        "arg_not_count": "{text!r} är inget antal scenarier (1, 2, …)",
        "arg_not_port": "{text!r} är inget portnummer (1–65535; 0 låter systemet välja en ledig)",
        "serve_port_taken": "port {port} på {host} används redan av ett annat program; välj en "
        "annan med --port",
        "serve_cannot_listen": "kan inte ta emot anslutningar på {host}:{port} ({detail})",
        "verify_ok": "{path}: hel — {cases} har kontrollerats (sidor, rader, ärendenummer "
        "och kommentarernas SHA-256)",
        "verify_ok_server": "{path}: hel — {cases} har kontrollerats (rader, ärendenummer och "
        "kommentarernas SHA-256; sidorna sköter servern)",
        "verify_failed": "{path}: {count} problem hittades; återställ loggen från en "
        "säkerhetskopia (se docs/case-log.md)",
        "verify_pages": "filens sidor: {detail}",
        "verify_hash": "{count} ärenden vars kommentar inte ger den SHA-256 som sparades med den "
        "(ändrad efteråt?): {numbers}",
        "verify_hash_one": "{count} ärende vars kommentar inte ger den SHA-256 som sparades med "
        "den (ändrad efteråt?): {numbers}",
        "verify_gap": "ärendenummer {year}: {count} saknas: {numbers}",
        "verify_counter": "räknaren för {year} står på {last}, men ärende {number} finns: nästa "
        "ärende skulle få ett nummer som redan är givet",
        "verify_search": "sökindexet (tabellen {table}) stämmer inte med {count} ärenden: "
        "{numbers}",
        "verify_search_one": "sökindexet (tabellen {table}) stämmer inte med {count} ärende: "
        "{numbers}",
        "verify_tallies": "statistikens sammanfattning (tabellen case_tallies) stämmer inte med "
        "ärendena för {count} dagar eller månader: {days}",
        "verify_tallies_one": "statistikens sammanfattning (tabellen case_tallies) stämmer inte "
        "med ärendena för {count} dag eller månad: {days}",
        # a path that files with personal data are never read or written at (private_files)
        "path_unexamined": "{path}: kan inte undersökas ({reason})",
        "path_link": "{path}: är en symbolisk länk (till {target}); filer med personuppgifter "
        "öppnas aldrig genom en länk: ange filens egen sökväg",
        "path_folder": "{path}: är en mapp, inte en fil; den lämnas som den är",
        "path_char_device": "{path}: är en teckenenhet, inte en fil; den lämnas som den är",
        "path_block_device": "{path}: är en blockenhet, inte en fil; den lämnas som den är",
        "path_fifo": "{path}: är en namngiven pipe (FIFO), inte en fil; den lämnas som den är",
        "path_socket": "{path}: är en socket, inte en fil; den lämnas som den är",
        "path_not_file": "{path}: är inte en fil; den lämnas som den är",
        "path_unreadable": "{path}: kan inte läsas ({reason})",
        # the command line's own checks
        "unknown_outcome": "okänt utfall {given}; giltiga utfall: {valid}",
        "since_after_until": "--since {since} ligger efter --until {until}",
        "no_such_step": "ärende {number} ({outcome}) har steg 1 till {steps}; det finns inget "
        "steg {beyond}",
        "nothing_to_change_case": "inget att ändra; ange --tick, --untick, --note, --removed-at, "
        "--copy-kept, --diarium, --forwarded-to, --close eller --reopen",
        "nothing_to_change": "inget att ändra; ange minst en av {options}",
        "web_missing": "webbappen behöver sina extra paket: pip install 'gk-respond[web]'",
        "trust_header_needs_proxy": "--trust-header kräver --trusted-proxy ADRESS: rubriken "
        "tas bara därifrån",
        "serve_reachable": "{host} kan nås från andra datorer",
        "serve_reachable_proxy": "bakom en proxy (--trusted-proxy) kan appen nås från andra "
        "datorer",
        "serve_no_accounts": "{where}, och det finns inga konton: ingen skulle kunna logga in, "
        "eller alla skulle kunna det. Lägg till ett först:\n"
        "  gk-respond users add NAMN --role informationsansvarig{db}\n"
        "eller ställ appen bakom en omvänd proxy som loggar in användarna:\n"
        "  gk-respond serve --trust-header X-Remote-User --trusted-proxy PROXY-ADRESS\n"
        "(se docs/team-server.md)",
        "too_many_paths": "flödesschemat har {count} vägar; paths skriver högst {limit}",
        "too_many_path_answers": "flödesschemats vägar har {count} svar sammanlagt; paths "
        "skriver högst {limit}",
        "more_than_power": "fler än 2^{power}",
        "reply_unreadable": "{file}: {detail}",
        "reply_too_long": "{file}: mer än {limit} tecken; ett svar är kortare",
        # counts: the noun in the form the number asks for (counted)
        "count_case_one": "{n} ärende",
        "count_case": "{n} ärenden",
        "count_channel_one": "{n} kanal",
        "count_channel": "{n} kanaler",
    },
    "en": {
        "prefix": "gk-respond: ",
        "error": "gk-respond: error: ",
        "error_word": "error",
        "warning": "gk-respond: warning: ",
        "not_utf8": "{where}: is not UTF-8 text (byte {byte} cannot be read); "
        "write the text in UTF-8",
        "stdin": "standard input",
        "needs_answers_save": "--save goes with --answers (in the app, s on the outcome saves)",
        "needs_answers_format": "--format goes with --answers (the app shows the outcome on "
        "the screen; --format chooses a script's output)",
        "command_first": "{command!r} is a command and comes first: gk-respond {command} {options}",
        "saved": "saved as case {number}",
        "not_saved": "not saved: the answers stop before an outcome",
        "updated": "case {number} updated",
        "case_closed": "case {number} is closed; add --reopen to change it (the reopening is "
        "kept in its history)",
        "written": "{what} written to {output}",
        "exists": "{output} already exists; it is left as it is (choose another name)",
        "problems_flowchart": "the flowchart has {count} problem(s)",
        "problems_scenarios": "the scenarios have {count} problem(s)",
        "problems_rules": "the rules file has {count} problem(s)",
        "no_case": "no case {given!r}; a case number is written as {example}",
        "no_case_close": "no case {given!r}; did you mean {close}? (a case number is written "
        "as {example})",
        "no_case_near": "no case {given!r}; did you mean {close}?",
        "no_case_newest": "no case {given!r}; the newest is {newest}",
        "no_case_none_yet": "no case {given!r}; the case log holds no cases yet",
        "not_an_answer": "{word} is not an answer to {question!r}; valid answers: {valid}",
        "unknown_question": "unknown question {word}; valid questions: {valid}",
        "unknown_question_close": "unknown question {word} (did you mean {close!r}?); valid "
        "questions: {valid}",
        "answers_too_long": "the answers are longer than {limit} characters; nothing was read",
        "not_a_pair": "{part} is not of the form question=answer",
        "answered_twice": "{question!r} is answered twice: {one} and {other}",
        "never_asked": "{question!r} is never asked on this path (path: {path})",
        "ended": "the walk has ended at outcome {node!r}; no question is open",
        "channel_done_add": "channel {id} added",
        "channel_done_update": "channel {id} updated",
        "channel_removed": "channel {id} removed",
        "channels_imported": "{count} imported from {name}",
        "channels_gone": "no longer in the register: {ids}",
        "register_unused": "the channel register is not used: {error}",
        "damaged": "{path} is damaged ({detail}); it is left as it is. Restore it from a "
        "backup (nothing has been written to it)",
        "col_case": "Case",
        "col_created": "Created",
        "col_status": "Status",
        "col_outcome": "Outcome",
        "col_due": "Due",
        "col_comment": "Comment",
        "col_handler": "Handler",
        "no_match": "no cases in {path} match",
        "list_more": "{shown} of {total} cases shown, newest first; more with --offset {offset}, "
        "--limit N or --all",
        "status_open": "open",
        "status_closed": "closed",
        "store_no_log": "no case log at {path} (nothing has been saved there yet; --db or "
        "GK_RESPOND_DB say where)",
        "store_no_log_empty": "no case log at {path} (the file is empty: nothing has been saved "
        "there yet)",
        "store_damaged": "{path}: is damaged ({detail}); it is left as it is — restore it from a "
        "backup",
        "store_no_column": "the {table} table has no column {columns}",
        "store_newer": "{path}: was written by a newer gk-respond (schema {version}; this one "
        "knows {known}); update gk-respond to open it",
        "store_loose": "others can read the case log, which holds personal data ({modes}); "
        "unless it is shared on purpose, make it yours only: chmod 600 {files}",
        "store_unreachable": "{where}: cannot reach the PostgreSQL server ({detail})",
        "store_needs_postgresql": "{where}: a case log on a PostgreSQL server needs its extra "
        "packages: pip install 'gk-respond[postgresql]'",
        "store_contact_damaged": "{path}: contact {id} is damaged; it is left out — add it "
        "again (gk-respond contacts add) or restore the case log from a backup",
        "store_bad_schema": "{path}: is not a gk-respond case log we can read (schema {schema})",
        "store_busy": "{path}: is busy (another gk-respond is writing); try again",
        "store_read_only": "{path}: is read-only for you; saving or changing cases needs write "
        "permission on the file and its folder",
        "store_full": "{path}: the disk is full ({error}); nothing was written",
        "store_io": "{path}: cannot be read or written ({error}); try again",
        "store_cannot_open": "{path}: cannot be opened ({error})",
        "store_unusable": "{path}: not a usable case log ({error})",
        "store_not_sqlite": "{path}: is not an SQLite database; it is left as it is",
        "store_not_ours_sqlite": "{path}: is an SQLite database but not a gk-respond case log",
        "store_not_ours_server": "{path}: is a database but not a gk-respond case log",
        "store_older": "{path}: was written by an older gk-respond (schema {version}) and must be "
        "opened once by someone who may write to it; it is left as it is",
        "store_cannot_create": "{path}: cannot create the case log: {reason}",
        "pg_password_refused": "{where}: the server refused the password for this user",
        "pg_password_needed": "{where}: the server asks for a password: give it in the URL, in "
        "PGPASSWORD or in ~/.pgpass",
        "pg_no_database": "{where}: there is no such database on the server",
        "pg_user_refused": "{where}: the server refused this user ({detail})",
        "pg_lost_committing": "{where}: the connection to the server was lost while committing; "
        "the change may or may not be stored, check with gk-respond records ({detail})",
        "pg_lost": "{where}: the connection to the server was lost; nothing was written ({detail})",
        "pg_not_allowed": "{where}: this user may not do that ({detail})",
        "pg_tables_not_granted": "{where}: user {user} may not read the case log's "
        "table(s) {tables} (the log's owner grants them: GRANT SELECT, INSERT, UPDATE, DELETE "
        "ON ALL TABLES IN SCHEMA {schema} TO {user}); nothing was changed",
        "pg_schema_not_granted": "{where}: user {user} may not use the schema {schema} "
        "(GRANT USAGE ON SCHEMA {schema} TO {user}); nothing was changed",
        "pg_read_only": "{where}: is opened for reading only; nothing was written",
        "pg_bad_address": "{where}: is not a usable PostgreSQL address ({detail})",
        "pg_refused": "{where}: the server refused the request ({detail})",
        "copied": "copied {cases}, {channels}, {contacts}, {users} ({events}) and "
        "{attachments} ({withdrawals}) from {source} to {target}; the counts and every "
        "comment's and attachment's SHA-256 match on both sides",
        "copy_same": "{path}: is the log being copied; give another --to",
        "copy_unreadable": "{path}: {what} of it cannot be read (named above); nothing was "
        "copied — restore them from a backup first",
        "copy_damaged_row": "{path}: {row} is damaged ({detail}); nothing was copied — restore "
        "it from a backup first",
        "copy_held": "{path}: already holds {held}; nothing was copied (--append adds to them, "
        "renumbering nothing)",
        "copy_clash": "{path}: already holds {rows}; nothing was copied",
        "copy_clash_differs": "{path}: already holds {rows} with other data; nothing was copied",
        "copy_nul": "{path}: {row} holds the character U+0000 (NUL) in {column}, which "
        "PostgreSQL cannot keep; nothing was copied (keep it in the file)",
        "copy_mismatch": "{path}: the copy does not match {source} ({rows}); compare the two "
        "before using it",
        "copy_more": "{names} and {more} more",
        "copy_last": "{first} and {last}",
        "copy_list": "{first}, {rest}",
        "copy_count_cases": "{count} cases",
        "copy_count_channels": "{count} channels",
        "copy_count_contacts": "{count} contacts",
        "copy_count_users": "{count} accounts",
        "copy_count_account_events": "{count} account events",
        "copy_count_attachments": "{count} attachments",
        "copy_count_attachment_withdrawals": "{count} attachment withdrawals",
        "copy_count_cases_one": "{count} case",
        "copy_count_channels_one": "{count} channel",
        "copy_count_contacts_one": "{count} contact",
        "copy_count_users_one": "{count} account",
        "copy_count_account_events_one": "{count} account event",
        "copy_count_attachments_one": "{count} attachment",
        "copy_count_attachment_withdrawals_one": "{count} attachment withdrawal",
        "copy_withdrawn": "{count} withdrawn",
        "copy_withdrawn_one": "{count} withdrawn",
        "copy_row_cases": "case {id}",
        "copy_row_tallies": "the statistics' summary of the days or months {id}",
        "copy_row_channels": "channel {id}",
        "copy_row_contacts": "contact {id}",
        "copy_row_users": "the account {id}",
        "copy_row_account_events": "account event {id}",
        "copy_row_attachments": "attachment {id}",
        "copy_row_attachment_withdrawals": "the withdrawal of attachment {id}",
        "copy_content_changed": "its content's SHA-256 is not the one stored",
        "row_case": "case {name} is damaged ({detail})",
        "row_left_out": "{path}: {row}; it is left out — restore it from a backup",
        "row_left_as_is": "{path}: {row}; it is left as it is — restore it from a backup",
        "row_not_utf8": "{column} is not UTF-8 text",
        "row_not_text": "{column} is {kind}, not text",
        "row_not_time": "{column} {text!r} is not a time",
        "row_not_json": "{column} is not JSON",
        "row_not_pairs": "{column} is not a list of question-answer pairs",
        "row_not_steps": "{column} is not a list of step numbers",
        "row_not_findings": "{column} is not a list of findings",
        "row_not_answers": "{column} is not a list of answers with their times",
        "channel_damaged": "channel {name} is damaged ({detail})",
        "channel_not_text": "channel_json is not text",
        "channel_other_id": "its data says id {id}",
        "channel_left_out": "{path}: {row}; it is left out — restore the register from a backup "
        "(channels import FILE)",
        "channel_left_as_is": "{path}: {row}; it is left as it is — restore the register from a "
        "backup (channels import FILE)",
        "store_wal_unreadable": "{path}-wal holds changes that cannot be read where it is (no "
        "-shm file beside it, and none can be made): the latest cases may be missing; copy the "
        "case log with its -wal file to a folder you may write to",
        "store_not_private": "{path}: is an empty file gk-respond cannot make private ({error}); "
        "it is left as it is",
        "pg_nul": "{where}: PostgreSQL cannot keep the character U+0000 (NUL) that the text "
        "holds; remove it and try again (nothing was written)",
        "user_bad_name": "{name!r} will not do as a user name: use letters, digits and . _ @ - "
        "(at most 64, no spaces), e.g. anna.andersson",
        "user_short_password": "the password must have at least {count} characters",
        "user_password_spaces": "the password must not begin or end with a space",
        "user_bad_role": "{role!r} is not a role; valid roles: {roles}",
        "user_exists": "there is already an account {name!r}",
        "user_missing": "there is no account {name!r}",
        "user_needs_web": "accounts need the web extra: pip install 'gk-respond[web]' "
        "(argon2-cffi)",
        "user_passwords_differ": "the two passwords differ; nothing was changed",
        "user_password_prompt": "New password: ",
        "user_password_again": "The same again: ",
        "user_added": "account {name} added ({role})",
        "user_new_password": "new password for {name}",
        "user_disabled": "account {name}: disabled",
        "user_enabled": "account {name}: enabled",
        "user_removed": "account {name}: removed",
        "user_role_set": "account {name}: role {role}",
        "user_last_manager": "{name!r} is the last active informationsansvarig: give another "
        "account that role first (nothing was changed)",
        "user_none": "no accounts",
        "user_active": "active",
        "user_disabled_at": "disabled {at}",
        # the values of options, refused while the command line is read
        "arg_not_date": "{text!r} is not a date; use YYYY-MM-DD",
        "arg_not_time": "{text!r} is not a time; use now, YYYY-MM-DD or 'YYYY-MM-DD HH:MM' "
        "(local time)",
        "arg_future": "{text!r} is in the future",
        "arg_not_step": "{text!r} is not a step number (1, 2, ...)",
        "arg_not_number": "{text!r} is not a number (0, 1, 2, ...)",
        "arg_not_attachment": "{text!r} is not an attachment number (1, 2, ...)",
        "arg_not_count": "{text!r} is not a number of scenarios (1, 2, ...)",
        "arg_not_port": "{text!r} is not a port number (1-65535; 0 lets the system choose a free "
        "one)",
        "serve_port_taken": "port {port} on {host} is already in use by another program; choose "
        "another with --port",
        "serve_cannot_listen": "cannot take connections on {host}:{port} ({detail})",
        "verify_ok": "{path}: intact — {cases} checked (pages, rows, case numbers and the "
        "comments' SHA-256)",
        "verify_ok_server": "{path}: intact — {cases} checked (rows, case numbers and the "
        "comments' SHA-256; the server keeps its own pages)",
        "verify_failed": "{path}: {count} problems found; restore the log from a backup (see "
        "docs/case-log.md)",
        "verify_failed_one": "{path}: {count} problem found; restore the log from a backup (see "
        "docs/case-log.md)",
        "verify_pages": "the file's pages: {detail}",
        "verify_hash": "{count} cases whose comment does not give the SHA-256 saved with it "
        "(changed since?): {numbers}",
        "verify_hash_one": "{count} case whose comment does not give the SHA-256 saved with it "
        "(changed since?): {numbers}",
        "verify_gap": "case numbers of {year}: {count} missing: {numbers}",
        "verify_counter": "the counter of {year} is at {last}, but case {number} exists: the next "
        "case would be given a number already given",
        "verify_search": "the search index (the {table} table) does not match {count} "
        "cases: {numbers}",
        "verify_search_one": "the search index (the {table} table) does not match {count} "
        "case: {numbers}",
        "verify_tallies": "the statistics' summary (the case_tallies table) does not match the "
        "cases on {count} days or months: {days}",
        "verify_tallies_one": "the statistics' summary (the case_tallies table) does not match "
        "the cases on {count} day or month: {days}",
        # a path that files with personal data are never read or written at (private_files)
        "path_unexamined": "{path}: cannot be examined ({reason})",
        "path_link": "{path}: is a symbolic link (to {target}); files that hold personal data "
        "are never opened through a link: give the file's own path",
        "path_folder": "{path}: is a folder, not a file; it is left as it is",
        "path_char_device": "{path}: is a character device, not a file; it is left as it is",
        "path_block_device": "{path}: is a block device, not a file; it is left as it is",
        "path_fifo": "{path}: is a named pipe (FIFO), not a file; it is left as it is",
        "path_socket": "{path}: is a socket, not a file; it is left as it is",
        "path_not_file": "{path}: is not a file; it is left as it is",
        "path_unreadable": "{path}: cannot be read ({reason})",
        # the command line's own checks
        "unknown_outcome": "unknown outcome {given}; valid: {valid}",
        "since_after_until": "--since {since} is after --until {until}",
        "no_such_step": "case {number} ({outcome}) has steps 1 to {steps}; there is no step "
        "{beyond}",
        "nothing_to_change_case": "nothing to change; give --tick, --untick, --note, "
        "--removed-at, --copy-kept, --diarium, --forwarded-to, --close or --reopen",
        "nothing_to_change": "nothing to change; give at least one of {options}",
        "web_missing": "the web app needs its extra packages: pip install 'gk-respond[web]'",
        "trust_header_needs_proxy": "--trust-header needs --trusted-proxy ADDRESS: the header is "
        "taken from there only",
        "serve_reachable": "{host} is reachable from other machines",
        "serve_reachable_proxy": "behind a proxy (--trusted-proxy) the app is reachable from "
        "other machines",
        "serve_no_accounts": "{where}, and there are no accounts: nobody could sign in, or "
        "everybody could. Add one first:\n"
        "  gk-respond users add NAME --role informationsansvarig{db}\n"
        "or put it behind a reverse proxy that signs users in:\n"
        "  gk-respond serve --trust-header X-Remote-User --trusted-proxy PROXY-ADDRESS\n"
        "(see docs/team-server.md)",
        "too_many_paths": "the flowchart has {count} paths; `paths` prints at most {limit}",
        "too_many_path_answers": "the flowchart's paths hold {count} answers in all; `paths` "
        "prints at most {limit}",
        "more_than_power": "more than 2^{power}",
        "reply_unreadable": "{file}: {detail}",
        "reply_too_long": "{file}: more than {limit} characters; a reply is shorter",
        # counts: the noun in the form the number asks for (counted)
        "count_case_one": "{n} case",
        "count_case": "{n} cases",
        "count_channel_one": "{n} channel",
        "count_channel": "{n} channels",
    },
}

# The header row of `records export --format csv`: Swedish words in Swedish, the stable
# field ids (as in the JSON) in English.
CSV_HEADERS_SV = {
    "number": "Ärende",
    "created_at": "Skapat",
    "status": "Status",
    "handler": "Handläggare",
    "lang": "Språk",
    "flowchart_version": "Flödesschemats version",
    "flowchart_sha256": "Flödesschemats SHA-256",
    "comment_text": "Kommentar",
    "comment_sha256": "Kommentarens SHA-256",
    "outcome": "Utfall",
    "path": "Vägen",
    "platform": "Plattform",
    "url": "Adress",
    "author": "Skribent",
    "found": "Hittad",
    "history": "Historik",
    "ticked": "Avbockade steg",
    "notes": "Anteckningar",
    "removed_at": "Borttagen",
    "copy_kept": "Kopia sparad",
    "diarium_number": "Diarienummer",
    "forwarded_to": "Vidarebefordrad till",
    "closed_at": "Stängt",
    "reply_text": "Svaret",
    "reply_findings": "Kontrollen av svaret",
}


def csv_headers(columns: list[str], lang: str | None = None) -> list[str]:
    """The CSV header row for ``columns`` in ``lang`` (this run's language without it; an
    unknown column by its id)."""
    if (lang or _chosen[0]) != "sv":
        return list(columns)
    return [CSV_HEADERS_SV.get(column, column) for column in columns]


_chosen = ["sv"]


def language_of(args: list[str], environ: Mapping[str, str]) -> str:
    """The language of this run: ``--lang`` among ``args``, else the locale, else sv."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args) and args[index + 1] in LANGUAGES:
            return args[index + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGUAGES:
            return arg[7:]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "en" if value.startswith("en") else "sv"
    return "sv"


def choose(lang: str) -> None:
    _chosen[0] = lang


def language() -> str:
    """The language chosen for this run."""
    return _chosen[0]


def grouped(number: int, lang: str | None = None) -> str:
    """A count as a reader of ``lang`` (this run's language without it) writes it:
    ``100 000`` (a no-break space) in Swedish, ``100,000`` in English."""
    return f"{number:,}".replace(",", "\u00a0" if (lang or _chosen[0]) == "sv" else ",")


def counted(number: int, noun: str, lang: str | None = None) -> str:
    """``number`` and ``noun`` (``case``, ``channel``) in the form the number asks for:
    "1 ärende", "3 ärenden"; "1 case", "3 cases"."""
    key = plural_key(f"count_{noun}", number)
    return MESSAGES[lang or _chosen[0]][key].format(n=grouped(number, lang))


def plural_key(key: str, count: int) -> str:
    """``key``, or its singular ``key_one`` (where the catalogue has one) for a count of 1."""
    one = f"{key}_one"
    return one if count == 1 and one in MESSAGES["en"] else key


def message(key: str, **params: object) -> str:
    """The message ``key`` in this run's language, filled in with ``params``."""
    return MESSAGES[_chosen[0]][key].format(**params)


class Text(str):
    """A message made below the command line (by the flowchart engine, say): its English
    text, for JSON output and for code that reads it as a string; `shown` gives it in this
    run's language."""

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, **params: object) -> Text:
        made = super().__new__(cls, MESSAGES["en"][key].format(**params))
        made.key, made.params = key, params
        return made


def shown(text: str, lang: str | None = None) -> str:
    """``text`` in this run's language (or ``lang``) if it is a `Text` (and so each `Text`
    it is made of), else as it is."""
    if not isinstance(text, Text):
        return text
    params = {
        name: shown(value, lang) if isinstance(value, Text) else value
        for name, value in text.params.items()
    }
    return MESSAGES[lang or _chosen[0]][text.key].format(**params)


def error_text(error: BaseException, lang: str | None = None) -> str:
    """An exception's message in this run's language (or ``lang``): one raised with a
    `Text` (a `StoreError`, say) is translated, any other is its ``str()``."""
    first = error.args[0] if error.args else None
    return shown(first, lang) if isinstance(first, Text) else str(error)
