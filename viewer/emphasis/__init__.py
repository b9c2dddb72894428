"""Emphasis: topics, prominence, omissions, voice, tone, distinctive vocabulary and findings.

The stages after the statements stage (viewer/analysis.py lists them): coverage.py (topics
discussed or touched, share, first mention, rank, counted over statements), distinctive.py
(log-odds of words or concepts), findings.py and version_findings.py (ranked plain-language
findings). Speakers, sides and statements are read before, by viewer/statements. Each reads
the documents, their lexicon matches, statements and links, and assigns only what
analysis.PIPELINE declares for it.
"""
