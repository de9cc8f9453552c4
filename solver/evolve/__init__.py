"""Evolution (`cpsolve evolve`): FunSearch's loop for scored problems and too-slow programs.
score.py and speed.py judge, database.py keeps the islands, prompts.py asks, loop.py runs
rounds, checkpoint.py keeps them on disk, plot.py draws the curve."""
