"""Reading the sources: call files and the vocabulary, as plain data with the line and column
of every value (``yamlsource``: YAML 1.2 core schema, no tags, aliases or duplicate keys, size
limits, ordinary files only), and which files of a calls folder are call files (``callfiles``).
``parallel`` is an optional accelerator beside the plain path: it parses files on the other
core while the command imports the rest. This stage may import only ``callsite.problems``
and the standard library and PyYAML: nothing of the model or what comes after it."""
