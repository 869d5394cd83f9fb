"""strife's version, in a module of its own: the modules that print or record it (the web reader's
User-Agent, a trained model's meta.json) import it from here rather than from the `strife` package,
whose `extract()` and `engine()` import the whole engine, which imports them: an import cycle."""

__version__ = "0.1.0"
