"""Emphasis: topics, prominence, omissions, voice, tone, distinctive vocabulary and findings.

The stages after alignment (viewer/analysis.py lists them): coverage.py (topics discussed or
touched, share, first mention, rank), voice.py (speakers), distinctive.py (log-odds of words
or concepts), findings.py and version_findings.py (ranked plain-language findings). Each reads
the documents, their lexicon matches and the links, and assigns only what analysis.PIPELINE
declares for it.
"""
