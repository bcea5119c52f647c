"""The model: what a valid call, vocabulary and site setting is, declared once as frozen
pydantic models with a docstring per field (``call``, ``settings``), the date and time forms
staff write (``dates``), turning parsed files into the model with every problem at its line
(``validate``), the warnings of ``callsite check`` (``lint``) and the JSON Schema for editors
(``schema``). It decides nothing about pages or URLs. This stage may import ``source`` and
``callsite.problems``, never ``site``, ``render`` or anything after them."""
