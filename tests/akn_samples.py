"""The UN's Akoma Ntoso sample files, read where they are shared and never copied into the repository.

They live in the `shared` folder beside the repository root (`../shared/samples/akn`),
or wherever $RESDESK_SAMPLES points; tests that need them skip, saying so, when they are absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import samples_dir

SAMPLES = samples_dir()
AKN_SAMPLES = SAMPLES / "akn"

E_78_226 = "A_RES_78_226-2325984E.xml"
A_78_226 = "A_RES_78_226-2325984A.xml"
C_78_226 = "A_RES_78_226-2325984C.xml"
F_78_226 = "A_RES_78_226-2325984F.xml"
R_78_226 = "A_RES_78_226-2325984R.xml"
S_78_226 = "A_RES_78_226-2325984S.xml"
E_75_19 = "75_19_E.xml"
E_75_246 = "75_246_E.xml"
E_76_1 = "A_RES_76_1_E.xml"
E_76_153 = "A_RES_76_153-2119189E.xml"
# Encodings real files use (issue 13): a sublist beside points, a preambular block list, sub-paragraphs
# as unnumbered "(a)" paragraphs, operative numbers typed into Arabic text.
E_80_11 = "A_RES_80_11-2519633E.xml"
E_80_151 = "A_RES_80_151-2520779E.xml"
E_75_104 = "75_104_E.xml"
A_75_100 = "75_100_A.xml"

AKN_FILES = (E_75_19, E_75_246, E_76_153, E_76_1, A_78_226, C_78_226, E_78_226, F_78_226, R_78_226, S_78_226)
ENCODING_FILES = (E_80_11, E_80_151, E_75_104, A_75_100)


def akn_sample(name: str) -> Path:
    """The path of one AKN sample; skips the calling test if the shared samples are not there."""
    path = AKN_SAMPLES / name
    if not path.is_file():
        pytest.skip(f"UN sample {name} is not available: {AKN_SAMPLES.resolve()} does not hold it")
    return path
