"""Data shipped with the app (rule settings, classification codes, translations, icons, sample).

A package so that importlib.resources finds it the same way frozen and unfrozen (build.spec puts
it at the same relative path)."""
