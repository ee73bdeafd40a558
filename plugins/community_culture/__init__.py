"""Publishing system for community culture: data in, bilingual site, feeds and print out."""
