# my-scenarios/recycling.yaml: the bundled recycling-centre scenario with two mistakes, a
# misspelt question (line 39) and a misspelt outcome (line 49).
mkdir my-scenarios
sed -e '39s/factual_error:/factual_eror:/' -e '49s/^outcomes: \[act\]$/outcomes: [act, observ]/' \
    "$DOC_ROOT/gk_respond/training/scenarios/13_recycling_centre.yaml" > my-scenarios/recycling.yaml
