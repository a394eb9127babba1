"""Stage 2, extract: documents → facts. ``pipeline`` is the one driver; ``bodies`` finds the bodies
a document sets out (a typed ``BodyIndex``), ``people`` reads the persons on them, ``composition``
walks the same passages for ex-officio seats and member units, ``assignments`` and ``citations``
read tasks and references; ``emit`` makes the document facts."""
