# my-scenarios/: a copy of the bundled training scenarios.
cp -r "$DOC_ROOT/gk_respond/training/scenarios" my-scenarios
