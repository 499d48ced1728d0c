"""The Excel answer sheet: written from the clause library, read back with cell-precise checks."""
