"""The Savings page's building blocks: its CU rows and state, and its other sections."""
