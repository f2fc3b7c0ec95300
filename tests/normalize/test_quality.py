import pytest

from tidings.normalize import clean_text, quality_score
from tidings.normalize.quality import junk_share


def test_quality_clean_text_scores_one():
    assert quality_score(clean_text("Russian forces shelled Kharkiv on Monday.")) == 1.0


def test_quality_each_repair_costs_and_a_dateline_does_not():
    assert quality_score(clean_text("MOSCOW, Jan. 3 (TASS) -- Russia said.")) == 1.0
    seed_like = ("They met as well as< voies rapides >>, in order to help global activities. "
                 "anti-pandemic cooperation, he said, to lift China. -South Korea’s ties.")
    assert quality_score(clean_text(seed_like)) == pytest.approx(0.7)


def test_quality_symbol_debris_lowers_the_score_to_zero_at_worst():
    assert junk_share("#### |||| Xi") == pytest.approx(8 / 10)
    assert quality_score(clean_text("#### |||| ~~~~ ^^^^ Xi met Moon")) == 0.0
    assert 0.0 < quality_score(clean_text("Xi met Moon # twice")) < 1.0
