"""The parts of ``scripts/convert_phoenix.py``: one module per dictionary kind."""
