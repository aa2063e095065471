"""The package works when installed from a wheel: code, resources and templates, without the checkout."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import REPO


@pytest.mark.slow
def test_wheel_carries_resources_and_runs(tmp_path):
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(REPO)],
        capture_output=True, text=True, timeout=600,
    )
    if build.returncode != 0:
        pytest.fail(f"building the wheel failed: {build.stderr[-2000:]}")
    wheel = next(wheels.glob("resolution_desk-*.whl"))
    target = tmp_path / "installed"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=600,
    )
    assert install.returncode == 0, install.stderr
    assert (target / "resdesk" / "resources" / "examples" / "early-warning-draft.txt").is_file()
    assert (target / "resdesk" / "templates").is_dir()

    # -S: no site-packages processing, so the editable install of the checkout is invisible;
    # the dependencies come from this environment's site-packages, the package from the wheel.
    env = {"PYTHONPATH": f"{target}:{sysconfig.get_paths()['purelib']}", "PATH": "/usr/bin:/bin"}
    example = tmp_path / "example.resdesk"
    probe = (
        "import resdesk, resdesk.resources as r; "
        "print(resdesk.__file__); print(r.resource('examples', 'early-warning-draft.txt').read_text()[:14])"
    )
    where = subprocess.run([sys.executable, "-S", "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    assert where.stdout.splitlines()[0].startswith(str(target))
    assert where.stdout.splitlines()[1] == "United Nations"
    source = target / "resdesk" / "resources" / "examples" / "early-warning-draft.txt"
    run = subprocess.run([sys.executable, "-S", "-m", "resdesk", "import", str(source), "-o", str(example)],
                         capture_output=True, text=True, env=env, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    outline = subprocess.run([sys.executable, "-S", "-m", "resdesk", "outline", str(example), "--json"],
                             capture_output=True, text=True, env=env, cwd=tmp_path)
    assert outline.returncode == 0, outline.stderr
    assert json.loads(outline.stdout)["meta"]["symbol"] == "A/C.2/81/L.7"
    assert Path(example).read_bytes().startswith(b"SQLite format 3")
