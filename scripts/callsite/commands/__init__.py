"""What staff and CI run: the command line and its one error boundary (``cli``, ``command``,
``crash``), a whole build from catalog to published folder (``build``), the live preview and
its incremental rebuilds (``preview``, ``incremental``) and new call files (``scaffold``).
"Now" is read here, once. This stage may import every stage before it; nothing imports it."""
