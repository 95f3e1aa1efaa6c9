"""Direct quotations: quote marks paired (``spans``), who said them (``attribution`` with the speech
cues, ``speakers`` resolving a cue's subject to a person, an organization or a role)."""
