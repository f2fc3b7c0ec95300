"""PLOVER and CAMEO: the types, modes, codes, scores and the crosswalk, loaded from data/."""

from .tables import CameoCode, Ontology, PloverType, load_ontology

__all__ = ["CameoCode", "Ontology", "PloverType", "load_ontology"]
