"""Exit statuses of the command line, distinct so scripts can tell failures apart."""

OK = 0
FAILED = 1  # the operation itself failed (e.g. a write that did not succeed)
BAD_INPUT = 2  # unknown id, broken model file, bad option
GRAPHVIZ_MISSING = 3  # Graphviz's `dot` is not installed
GRAPHVIZ_FAILED = 4  # Graphviz crashed, printed garbage or timed out
