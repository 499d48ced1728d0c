"""Bad and hostile input: every class refused in Danish or handled safely."""
