import json
from pathlib import Path

import pytest

from tidings.normalize import guess_language

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "tidings" / "samples" / "corpus"


@pytest.mark.parametrize(("text", "language"), [
    ("Le président a reçu hier le ministre des affaires étrangères pour parler de la guerre "
     "et de la paix dans la région.", "fr"),
    ("Der russische Präsident hat am Dienstag mit dem ukrainischen Präsidenten telefoniert "
     "und über den Krieg gesprochen.", "de"),
    ("Россия и Украина провели переговоры в Стамбуле во вторник, сообщили официальные лица.",
     "ru"),
    ("中国国家主席习近平周二与韩国总统文在寅通电话，双方同意加强合作并共同应对疫情。", "zh"),
])
def test_language_other_languages_are_detected(text, language):
    guess = guess_language(text)
    assert (guess.language, guess.declared) == (language, False)


@pytest.mark.parametrize("text", [
    "Xi met Moon.",
    "Hi.",
    "Xi Jinping, Moon Jae-in, Kim Jong Un, Vladimir Putin, Volodymyr Zelensky, Emmanuel "
    "Macron, Olaf Scholz and Recep Tayyip Erdogan met in Seoul.",
    "Kharkiv, Kyiv, Donetsk, Luhansk, Zaporizhzhia, Kherson: shelling reported.",
])
def test_language_short_texts_and_names_stay_english(text):
    assert guess_language(text).language == "en"


def test_language_declared_language_wins_unless_it_says_nothing():
    assert guess_language("Xi met Moon.", "fr").language == "fr"
    assert guess_language("Le président a parlé.", "en-GB").language == "en"
    assert guess_language("Xi met Moon in Seoul on Tuesday.", "und").declared is False


def test_language_sample_corpus_seed_and_golden_texts_are_all_english(shared):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    texts.append((shared / "benchmarks" / "seed" / "article.txt").read_text(encoding="utf-8"))
    golden = Path(__file__).resolve().parents[1] / "golden" / "events.jsonl"
    texts += [json.loads(line)["text"] for line in golden.read_text().splitlines() if line]
    assert len(texts) > 300
    assert [t[:60] for t in texts if guess_language(t).language != "en"] == []


def test_language_plainly_english_text_needs_no_detector(monkeypatch):
    from tidings.normalize import language

    def no_detector():
        raise AssertionError("the detector was loaded for plainly English text")
    monkeypatch.setattr(language, "_identifier", no_detector)
    text = sorted(SAMPLES.glob("*.txt"))[0].read_text(encoding="utf-8")
    assert guess_language(text) == language.LanguageGuess("en", 1.0, False)


def test_language_foreign_text_quoting_some_english_goes_to_the_detector():
    text = ("Le ministre a déclaré mardi que « the war has to end » et que le gouvernement "
            "allait proposer un plan de paix aux deux parties, avec le soutien de l'Union "
            "européenne, des Nations unies et de plusieurs pays voisins de la région, "
            "qui ont salué cette initiative lors d'une réunion à Genève. Selon lui, "
            "les négociations devraient reprendre dans les prochaines semaines.")
    assert guess_language(text).language == "fr"
