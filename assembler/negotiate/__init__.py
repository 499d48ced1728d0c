"""Answer a counterparty's draft: our position, the amendments, the counter-proposal."""
