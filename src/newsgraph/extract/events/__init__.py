"""The PLOVER event coder: who did what to whom, read from the dependency parse.

``triggers`` finds the verbs and nouns that name an event (hand-written patterns, then those compiled
from the CAMEO dictionary); ``actors`` turns noun phrases into actors with a country and a sector;
``arguments`` checks a pattern's conditions and fills its slots; ``modality`` tells facts from negated,
hypothetical and intended clauses; ``completion`` applies the codebook's rules for what a sentence
implies (intent, places, unknown attackers); ``memory`` links sentences; ``coder`` assembles events.
"""
