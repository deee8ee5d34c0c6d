"""The question bank: data files in the package, validated when they load."""

from askback.bank.loader import load_bank

__all__ = ["load_bank"]
