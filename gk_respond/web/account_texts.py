"""The account pages' texts, in Swedish and English (merged into texts.WEB)."""

from __future__ import annotations

ACCOUNT_TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "nav_accounts": "Konton",
        "my_password": "Byt lösenord",
        "accounts": "Konton",
        "accounts_intro": (
            "Kontona för webbappen, sparade i ärendeloggen. En kommunikatör hanterar och följer "
            "upp ärenden; en informationsansvarig kan också ändra kanalregistret och kontona."
        ),
        "first_account_note": (
            "Det finns inga konton än, så appen körs för dig ensam. När det första kontot finns "
            "måste alla logga in: skapa först ett konto som informationsansvarig åt dig själv."
        ),
        "account_name": "Användarnamn",
        "account_role": "Roll",
        "account_state": "Status",
        "account_created": "Skapat",
        "account_changed": "Senast ändrat",
        "state_active": "aktivt",
        "state_disabled": "avstängt sedan {at}",
        "add_account": "Lägg till ett konto",
        "add_account_button": "Lägg till kontot",
        "new_password": "Nytt lösenord",
        "new_password_again": "Samma lösenord igen",
        "current_password": "Nuvarande lösenord",
        "password_hint": "minst {n} tecken; inte mellanslag först eller sist",
        "name_hint": (
            "bokstäver, siffror och . _ @ - (högst 64, inga mellanslag), t.ex. anna.andersson"
        ),
        "disable_account": "Stäng av",
        "enable_account": "Aktivera",
        "reset_password": "Nytt lösenord",
        "reset_heading": "Nytt lösenord för {name}",
        "reset_intro": (
            "Det nya lösenordet gäller genast; {name} loggas ut överallt och loggar in med det "
            "nya. Säg det till hen på ett säkert sätt."
        ),
        "change_heading": "Byt ditt lösenord",
        "change_intro": "Dina andra inloggningar avslutas; den här fortsätter.",
        "save_password": "Spara lösenordet",
        "account_added": "Kontot {name} är tillagt.",
        "account_disabled": "Kontot {name} är avstängt; dess inloggningar är avslutade.",
        "account_enabled": "Kontot {name} är aktiverat igen.",
        "password_reset_done": "{name} har ett nytt lösenord och är utloggad överallt.",
        "password_changed_done": "Ditt lösenord är bytt.",
        "account_problems": "Inget är ändrat. Rätta det här:",
        "acc_bad_name": (
            "Användarnamnet duger inte: använd bokstäver, siffror och . _ @ - (högst 64 tecken, "
            "inga mellanslag), t.ex. anna.andersson"
        ),
        "acc_exists": "Det finns redan ett konto {name}.",
        "acc_bad_role": "Välj en av rollerna.",
        "acc_short_password": "Lösenordet måste ha minst {n} tecken.",
        "acc_space_password": "Lösenordet får inte börja eller sluta med mellanslag.",
        "acc_differ": "De två lösenorden är olika.",
        "acc_wrong_current": "Det nuvarande lösenordet stämmer inte.",
        "acc_not_yourself": "Du kan inte stänga av ditt eget konto.",
        "acc_not_yourself_remove": (
            "Du kan inte ta bort ditt eget konto; be en annan informationsansvarig om det."
        ),
        "acc_not_yourself_role": (
            "Du kan inte byta roll på ditt eget konto; be en annan informationsansvarig om det."
        ),
        "acc_last_manager": (
            "{name} är den sista aktiva informationsansvariga, och då kunde ingen längre "
            "hantera konton och kanalregistret. Ge först ett annat konto den rollen. Inget är "
            "ändrat."
        ),
        "change_role": "Byt roll",
        "role_heading": "Roll för {name}",
        "role_intro": (
            "{name} har nu rollen {role}. En ny roll gäller genast: {name} loggas ut "
            "överallt och loggar in igen med den."
        ),
        "save_role": "Spara rollen",
        "account_role_changed": "{name} har nu rollen {role} och är utloggad överallt.",
        "remove_account": "Ta bort",
        "remove_heading": "Ta bort kontot {name}?",
        "remove_intro": (
            "Kontot {name} ({role}) tas bort för gott: {name} loggas ut överallt och kan inte "
            "logga in igen. Ärendena behåller namnet, och borttagningen står i kontologgen. "
            "Ska {name} bara inte kunna logga in en tid, stäng av kontot i stället."
        ),
        "remove_account_button": "Ja, ta bort kontot",
        "account_removed": "Kontot {name} är borttaget.",
        "back_to_accounts": "Tillbaka till kontona",
        "no_own_password": (
            "Du är inloggad genom kommunens inloggning (eller arbetar ensam på den här datorn), "
            "så det finns inget lösenord här att byta."
        ),
        "account_log": "Ändringar av konton",
        "account_log_intro": "De senaste 50, nyast först. Lösenord sparas aldrig här.",
        "log_at": "När",
        "log_by": "Vem",
        "log_what": "Vad",
        "no_account_events": "Inga ändringar ännu.",
        "ev_added": "lade till {account} ({detail})",
        "ev_password_reset": "gav {account} ett nytt lösenord",
        "ev_password_changed": "bytte sitt lösenord",
        "ev_disabled": "stängde av {account}",
        "ev_enabled": "aktiverade {account}",
        "ev_role": "gav {account} rollen {detail}",
        "ev_removed": "tog bort {account}",
        "by_cli": "(kommandoraden)",
        "field_name": "Användarnamn",
        "field_role": "Roll",
        "field_password": "Nytt lösenord",
        "field_password_again": "Samma lösenord igen",
        "field_current": "Nuvarande lösenord",
    },
    "en": {
        "nav_accounts": "Accounts",
        "my_password": "Change password",
        "accounts": "Accounts",
        "accounts_intro": (
            "The web app's accounts, kept in the case log. A communicator triages and follows "
            "up cases; an information officer may also change the channel register and the "
            "accounts."
        ),
        "first_account_note": (
            "There are no accounts yet, so the app runs for you alone. Once the first account "
            "exists everyone must sign in: first add an information officer's account for "
            "yourself."
        ),
        "account_name": "User name",
        "account_role": "Role",
        "account_state": "State",
        "account_created": "Created",
        "account_changed": "Last changed",
        "state_active": "active",
        "state_disabled": "disabled since {at}",
        "add_account": "Add an account",
        "add_account_button": "Add the account",
        "new_password": "New password",
        "new_password_again": "The same password again",
        "current_password": "Current password",
        "password_hint": "at least {n} characters; no space first or last",
        "name_hint": "letters, digits and . _ @ - (at most 64, no spaces), e.g. anna.andersson",
        "disable_account": "Disable",
        "enable_account": "Enable",
        "reset_password": "New password",
        "reset_heading": "A new password for {name}",
        "reset_intro": (
            "The new password holds at once; {name} is signed out everywhere and signs in with "
            "the new one. Tell them in a safe way."
        ),
        "change_heading": "Change your password",
        "change_intro": "Your other sign-ins end; this one goes on.",
        "save_password": "Save the password",
        "account_added": "The account {name} is added.",
        "account_disabled": "The account {name} is disabled; its sign-ins are ended.",
        "account_enabled": "The account {name} is enabled again.",
        "password_reset_done": "{name} has a new password and is signed out everywhere.",
        "password_changed_done": "Your password is changed.",
        "account_problems": "Nothing is changed. Put this right:",
        "acc_bad_name": (
            "That user name will not do: use letters, digits and . _ @ - (at most 64 "
            "characters, no spaces), e.g. anna.andersson"
        ),
        "acc_exists": "There is already an account {name}.",
        "acc_bad_role": "Choose one of the roles.",
        "acc_short_password": "The password must have at least {n} characters.",
        "acc_space_password": "The password must not begin or end with a space.",
        "acc_differ": "The two passwords differ.",
        "acc_wrong_current": "The current password is not right.",
        "acc_not_yourself": "You cannot disable your own account.",
        "acc_not_yourself_remove": (
            "You cannot remove your own account; ask another information officer."
        ),
        "acc_not_yourself_role": (
            "You cannot change the role of your own account; ask another information officer."
        ),
        "acc_last_manager": (
            "{name} is the last active information officer, and then nobody could manage "
            "the accounts and the channel register any more. First give another account "
            "that role. Nothing is changed."
        ),
        "change_role": "Change role",
        "role_heading": "The role of {name}",
        "role_intro": (
            "{name} has the role {role} now. A new role holds at once: {name} is signed "
            "out everywhere and signs in again with it."
        ),
        "save_role": "Save the role",
        "account_role_changed": "{name} now has the role {role} and is signed out everywhere.",
        "remove_account": "Remove",
        "remove_heading": "Remove the account {name}?",
        "remove_intro": (
            "The account {name} ({role}) is removed for good: {name} is signed out "
            "everywhere and cannot sign in again. The cases keep the name, and the removal "
            "is in the account log. If {name} should only be kept from signing in for a "
            "while, disable the account instead."
        ),
        "remove_account_button": "Yes, remove the account",
        "account_removed": "The account {name} is removed.",
        "back_to_accounts": "Back to the accounts",
        "no_own_password": (
            "You are signed in through the municipality's sign-on (or work alone on this "
            "computer), so there is no password here to change."
        ),
        "account_log": "Changes to accounts",
        "account_log_intro": "The latest 50, newest first. Passwords are never kept here.",
        "log_at": "When",
        "log_by": "Who",
        "log_what": "What",
        "no_account_events": "No changes yet.",
        "ev_added": "added {account} ({detail})",
        "ev_password_reset": "gave {account} a new password",
        "ev_password_changed": "changed their own password",
        "ev_disabled": "disabled {account}",
        "ev_enabled": "enabled {account}",
        "ev_role": "gave {account} the role {detail}",
        "ev_removed": "removed {account}",
        "by_cli": "(command line)",
        "field_name": "User name",
        "field_role": "Role",
        "field_password": "New password",
        "field_password_again": "The same password again",
        "field_current": "Current password",
    },
}
