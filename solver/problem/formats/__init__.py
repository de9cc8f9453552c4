"""One module per problem format, each with `load(path) -> Problem` (see solver.problem)."""
