"""Checksum manifests for model folders: written at training, verified before anything is loaded."""

from __future__ import annotations

import hashlib
from pathlib import Path

MANIFEST_FILE = "MANIFEST.sha256"


class ModelIntegrityError(RuntimeError):
    """A model file is missing or does not match its checksum."""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_manifest(directory: Path) -> Path:
    """List every file under `directory` (recursively) with its SHA-256."""
    directory = Path(directory)
    files = sorted(p for p in directory.rglob("*") if p.is_file() and p.name != MANIFEST_FILE)
    path = directory / MANIFEST_FILE
    path.write_text("".join(f"{sha256(p)}  {p.relative_to(directory).as_posix()}\n" for p in files),
                    encoding="utf-8")
    return path


def verify_manifest(directory: Path) -> None:
    """Raise ModelIntegrityError unless every file listed has its checksum and no file is unlisted."""
    directory = Path(directory)
    manifest = directory / MANIFEST_FILE
    if not manifest.exists():
        raise ModelIntegrityError(f"{directory}: kontrollsummefilen {MANIFEST_FILE} saknas; modellen laddas inte.")
    listed = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    for name, digest in listed.items():
        path = directory / name
        if not path.is_file() or sha256(path) != digest:
            raise ModelIntegrityError(f"{path}: filen saknas eller stämmer inte med kontrollsumman; "
                                      "modellen kan vara ändrad och laddas inte.")
    extra = [p for p in directory.rglob("*") if p.is_file() and p.name != MANIFEST_FILE
             and p.relative_to(directory).as_posix() not in listed and "__pycache__" not in p.parts]
    if extra:
        raise ModelIntegrityError(f"{extra[0]}: filen finns inte i kontrollsummefilen; modellen laddas inte.")
