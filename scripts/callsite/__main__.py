import gc
import sys

# A command runs once and exits: until its calls are loaded, nothing it makes is garbage worth
# a collection (the collector would rescan every imported module and loaded call, ~50 ms);
# main() freezes what it loaded and turns the collector back on (see one_off_process).
gc.disable()

from .cli import main  # noqa: E402  (after the collector is off: imports make many objects)

sys.exit(main(one_off_process=True))
