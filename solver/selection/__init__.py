"""Stage 5, selection: from the programs that passed the examples to the top k.

mutation.py (new inputs from the examples), generators.py (inputs printed by model-written
generators), inputs.py (which inputs are kept), clustering.py (same behaviour, same cluster),
ranking.py (the top k, one per cluster), select.py (the stage as one function).
"""
