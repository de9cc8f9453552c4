"""Training the learned ranker (solver/selection/scorer.py) on candidates labelled by hidden
tests: data.py collects them, fit.py fits the model. After evaluation (labels need hidden tests)
and solve (a model's samples are drawn as solve draws them)."""
