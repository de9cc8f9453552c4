"""Stage 2, sampling: programs from a model.

types.py (what is asked and what comes back), profiles.py and prompts.py (what the model is
shown), draw.py and mix.py (how many, in which chunks and streams), extract.py (the program in a
completion), dedupe.py (when two samples are one program), cache.py (completions on disk),
engine.py / endpoints.py / samplers.py (the model in process or over HTTP), device.py (the
engine's dtype and threads for this machine), models.py (where weights come from), folder.py
(programs from a folder instead of a model).
"""
