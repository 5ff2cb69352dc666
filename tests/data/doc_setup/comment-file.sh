# kommentar.txt: a comment to save with --comment-file.
printf '%s\n' 'Jag vet var du bor.' > kommentar.txt
