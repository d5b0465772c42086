"""The rule catalogue: one module per rule, each registering itself with a stable code.

Codes by family: C catalog (validation), T translation chains, D dates, A attributions,
I integrity, R cross-article reuse.
"""
