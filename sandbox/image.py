"""Build the sandbox image: from the Dockerfile when a registry answers, else offline.

The offline path makes a Debian root filesystem with debootstrap (from the distribution's package
mirror, which is reachable where a container registry may not be) and `docker import`s it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from sandbox.pool import DEFAULT_IMAGE, SandboxError, docker_client

DOCKERFILE_DIR = Path(__file__).resolve().parent
SUITE = "bookworm"
PACKAGES = "python3,g++,openjdk-17-jdk-headless,pypy3"


def image_exists(tag: str = DEFAULT_IMAGE) -> bool:
    client = docker_client()
    try:
        client.images.get(tag)
    except Exception:  # noqa: BLE001 - docker.errors.ImageNotFound and kin
        return False
    return True


def build_image(
    tag: str = DEFAULT_IMAGE,
    method: str = "auto",
    rebuild: bool = False,
    log: Callable[[str], None] = print,
) -> str:
    """Make sure the image `tag` exists; return how it was obtained.

    method: "auto" (Dockerfile, then debootstrap if that fails), "dockerfile" or "debootstrap".
    """
    if not rebuild and image_exists(tag):
        return "present"
    errors = []
    if method in ("auto", "dockerfile"):
        try:
            build_from_dockerfile(tag, log)
            return "dockerfile"
        except SandboxError as error:
            errors.append(str(error))
            if method == "dockerfile":
                raise
            log(f"Dockerfile build failed ({error}); building offline with debootstrap")
    if method in ("auto", "debootstrap"):
        build_with_debootstrap(tag, log)
        return "debootstrap"
    raise SandboxError(f"unknown image build method {method!r}: " + "; ".join(errors))


def build_from_dockerfile(tag: str, log: Callable[[str], None]) -> None:
    client = docker_client()
    try:
        client.images.build(path=str(DOCKERFILE_DIR), dockerfile="Dockerfile", tag=tag, rm=True)
    except Exception as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        raise SandboxError(f"docker build failed: {first_line[:200]}") from error
    log(f"built {tag} from {DOCKERFILE_DIR / 'Dockerfile'}")


def build_with_debootstrap(tag: str, log: Callable[[str], None]) -> None:
    if shutil.which("debootstrap") is None:
        raise SandboxError(
            "debootstrap is not installed (`apt-get install debootstrap`), and no registry answered"
        )
    client = docker_client()
    with tempfile.TemporaryDirectory(prefix="cpsolve-rootfs-") as work:
        root = Path(work) / "root"
        log(f"debootstrap {SUITE} with {PACKAGES} (a few minutes)")
        command = ["debootstrap", "--variant=minbase", f"--include={PACKAGES}", SUITE, str(root)]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:]
            raise SandboxError(f"debootstrap failed: {' '.join(tail)[:300]}")
        for junk in ("var/cache/apt/archives", "var/lib/apt/lists"):
            shutil.rmtree(root / junk, ignore_errors=True)
        archive = Path(work) / "root.tar"
        subprocess.run(["tar", "-C", str(root), "-cf", str(archive), "."], check=True)
        repository, _, version = tag.partition(":")
        try:
            client.api.import_image_from_file(
                str(archive), repository=repository, tag=version or "latest",
                changes=['CMD ["sleep", "infinity"]'],
            )
        except Exception as error:
            raise SandboxError(f"docker import failed: {error}") from error
    if not image_exists(tag):
        raise SandboxError(f"docker import did not produce {tag}")
    log(f"built {tag} offline with debootstrap")
