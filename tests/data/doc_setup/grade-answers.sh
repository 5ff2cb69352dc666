# answers.jsonl: a trainee's answers to two bundled scenarios, for train --grade.
printf '%s\n' \
    '{"id": "snow_clearing", "answers": "prohibited=nej,positive=ja,positive_action=share"}' \
    '{"id": "threat_official", "answers": {"prohibited": "ja", "owns_channel": "nej"}}' \
    > answers.jsonl
