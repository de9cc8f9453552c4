"""The two ways of building the sandbox image install the same packages."""

from __future__ import annotations

import re

from sandbox.image import DOCKERFILE_DIR, PACKAGES


def test_dockerfile_and_offline_build_install_the_same_packages():
    dockerfile = (DOCKERFILE_DIR / "Dockerfile").read_text(encoding="utf-8")
    installed = re.search(r"apt-get install -y --no-install-recommends ([^\\\n]+)", dockerfile)
    assert installed is not None
    assert sorted(installed.group(1).split()) == sorted(PACKAGES.split(","))
    assert {"python3", "pypy3", "g++", "openjdk-17-jdk-headless"} <= set(PACKAGES.split(","))
