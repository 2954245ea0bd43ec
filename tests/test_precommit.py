"""pre-commit, for real: a temporary newsroom repository uses this checkout's hook; the run
fails on the seed pair and passes on a clean one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is needed")


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A snapshot of this working tree as a git repository (pre-commit installs from a rev)."""
    repo = tmp_path_factory.mktemp("hook-repo")
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.splitlines()  # fmt: skip
    for name in listed:
        source = ROOT / name
        if source.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "snapshot")
    return repo, _git(repo, "rev-parse", "HEAD").strip()


def _newsroom(
    tmp: Path, hook: tuple[Path, str], en: str, ar: str
) -> subprocess.CompletedProcess[str]:
    repo_path, rev = hook
    work = tmp / "newsroom"
    (work / "gallery").mkdir(parents=True)
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo_path}\n    rev: {rev}\n    hooks:\n      - id: caption-check\n"
        "        args: [--fail-on, warning]\n",
        "utf-8",
    )
    (work / "gallery" / "photo.en.txt").write_text(en, "utf-8")
    (work / "gallery" / "photo.ar.txt").write_text(ar, "utf-8")
    _git(work, "init", "-q")
    _git(work, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp.parent / "pre-commit-home")}
    exe = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    return subprocess.run([exe, "run", "--all-files"], cwd=work, env=env, capture_output=True, text=True,
                          timeout=600, check=False)  # fmt: skip


def test_precommit_fails_on_seed_and_passes_on_clean_pair(
    hook_repo: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    if (
        not Path(sys.executable).with_name("pre-commit").exists()
        and shutil.which("pre-commit") is None
    ):
        pytest.skip("pre-commit is not installed")
    seed = _newsroom(tmp_path_factory.mktemp("seed"), hook_repo,
                     (ROOT / "captions/hmeimim-2015.en.txt").read_text("utf-8"),
                     (ROOT / "captions/hmeimim-2015.ar.txt").read_text("utf-8"))  # fmt: skip
    assert seed.returncode == 1, seed.stdout + seed.stderr
    assert "runway" in seed.stdout
    clean = _newsroom(tmp_path_factory.mktemp("clean"), hook_repo,
                      "Smoke rises over Gaza City, Sunday, Oct. 15, 2023. (AP Photo/Adel Hana)",
                      "دخان يتصاعد فوق مدينة غزة الأحد 15 أكتوبر/تشرين الأول 2023 (أسوشيتد برس/عادل هنا)")  # fmt: skip
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
