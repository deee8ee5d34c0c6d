"""The flag reader and claim classifier a fresh installation uses are the ones shipped in the
package: its first note is read without embedding the 7,000 training sentences."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest
from embedders import real_model

from askback.assess import fitted
from askback.assess.claims import ClaimClassifier
from askback.assess.flags import FlagDetector
from askback.nlp.embeddings import MODEL_NAME

if TYPE_CHECKING:
    from askback.nlp.embeddings import Vectors


class CountingEmbed:
    """The real model, counting the sentences it is asked to embed."""

    def __init__(self) -> None:
        self.asked = 0

    def __call__(self, texts: Sequence[str]) -> Vectors:
        self.asked += len(texts)
        return real_model().embed(texts)


@pytest.fixture
def nothing_fitted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fitted, "_IN_MEMORY", {})


@pytest.mark.usefixtures("nothing_fitted")
def test_shipped_flag_reader_is_current_so_first_note_embeds_only_itself() -> None:
    embed = CountingEmbed()
    [found] = FlagDetector(embed, model=MODEL_NAME).detect(["Slack never sleeps here, people answer at 11pm."])
    assert [m.flag.id for m in found][:1] == ["always-on"]
    # The sentence and its last clause; a stale shipped fit would embed every training sentence
    # (run scripts/ship_fits.py after changing them).
    assert embed.asked <= 2


@pytest.mark.usefixtures("nothing_fitted")
def test_shipped_claim_classifier_is_current() -> None:
    embed = CountingEmbed()
    [found] = ClaimClassifier(embed, model=MODEL_NAME).classify(["On-call pays 300 euros a week."])
    assert found.kind == "claim"
    assert embed.asked == 1


@pytest.mark.usefixtures("nothing_fitted")
def test_a_changed_training_set_is_fitted_not_read_from_the_package() -> None:
    rows = [("The rota is fair.", ("sustainable-on-call",)), ("We answer at midnight.", ("always-on",))]
    embed = CountingEmbed()
    FlagDetector(embed, training=rows, model=MODEL_NAME).detect(["Nothing here."])
    assert embed.asked > len(rows)


def test_ship_writes_a_fit_that_is_read_back_only_for_what_it_was_made_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fitted, "SHIPPED", tmp_path)
    fitted.ship("toy", ["a", "b"], lambda: {"w": np.ones((2, 2))})
    key = fitted.digest("toy", ["a", "b"])
    found = fitted.shipped("toy", key)
    assert found is not None and found["w"].dtype == np.float32 and found["w"].sum() == 4
    assert fitted.shipped("toy", fitted.digest("toy", ["a", "c"])) is None
