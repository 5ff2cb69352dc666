"""The domain core, no UI, imported by every other part: the flowchart file read with every
problem placed at file:line:column (`load`, `problems`, `yamlfile`, `validate`, `cache`), its
structure (`schema`: the dataclasses, and `STRICT`, `AtLeastOne`, `Id`, `Text` for other
schemas such as training's), its graph checks (`check`, and `suggest` for "did you mean"),
the engine that walks it (`engine`: `Chart`, `Walk`, `Step`, `Event`) and answers given all
at once (`answers`: `split`, `evaluate`, and `case_pairs`, `decode_line`, `strict_number`
for a line of JSON Lines)."""
