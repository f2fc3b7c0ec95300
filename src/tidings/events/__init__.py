"""Events: the trigger lexicon and the rules that read roles from the dependency parse."""

from .extract import EventExtractor, Found
from .lexicon import Lexicon, TriggerRule, load_lexicon

__all__ = ["EventExtractor", "Found", "Lexicon", "TriggerRule", "load_lexicon"]
