"""Output formats: each module turns views or references into one kind of text."""
