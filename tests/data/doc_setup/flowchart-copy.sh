# my-flowchart.yaml: a copy of the built-in flowchart, to check as an edited one.
cp "$DOC_ROOT/flowchart.yaml" my-flowchart.yaml
