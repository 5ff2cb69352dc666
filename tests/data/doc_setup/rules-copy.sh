# regler.yaml and våra-regler.yaml: copies of the built-in reply rules.
cp "$DOC_ROOT/gk_respond/reply/rules.yaml" regler.yaml
cp "$DOC_ROOT/gk_respond/reply/rules.yaml" våra-regler.yaml
